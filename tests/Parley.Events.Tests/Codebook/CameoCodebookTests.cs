using Parley.Core;
using Parley.Events.Codebook;

namespace Parley.Events.Tests.Codebook;

public class CameoCodebookTests
{
    [Theory]
    [InlineData("036", "AGREE", null, "diplomatic")]
    [InlineData("042", "CONSULT", "visit", null)]
    [InlineData("041", "CONSULT", "phone", null)]
    [InlineData("051", "SUPPORT", null, "diplomatic")]
    [InlineData("0211", "REQUEST", "assist", "economic")]
    [InlineData("016", "REJECT", null, null)]
    [InlineData("1121", "ACCUSE", "allege", "crime")]
    public void Map_KnownCodes_GiveTypeModeAndContext(string cameo, string type, string? mode, string? context)
    {
        var m = TestSupport.Codebook.Map(cameo);
        Assert.NotNull(m);
        Assert.Equal(type, m.Event);
        Assert.Equal(mode, m.Mode);
        if (context is null)
        {
            Assert.Empty(m.Contexts);
        }
        else
        {
            Assert.Contains(context, m.Contexts);
        }
    }

    [Fact]
    public void Map_AdditionsComeFromParleyTable()
    {
        Assert.Equal("parley-additions", TestSupport.Codebook.Map("026")!.Source);
        Assert.Equal("CAMEO2PLOVER-2021", TestSupport.Codebook.Map("036")!.Source);
    }

    [Fact]
    public void Map_MultipleContexts_AreSplit()
    {
        var m = TestSupport.Codebook.Map("091")!;
        Assert.Equal(["crime", "corruption"], m.Contexts);
    }

    [Theory]
    [InlineData("010")]
    [InlineData("013")]
    public void Map_Statements_AreUnmappedWithReason(string cameo)
    {
        Assert.Null(TestSupport.Codebook.Map(cameo));
        Assert.Contains("statement", TestSupport.Codebook.WhyUnmapped(cameo), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnlistedChild_FallsBackToParent()
    {
        var m = TestSupport.Codebook.Map("0369");
        Assert.NotNull(m);
        Assert.Equal("AGREE", m.Event);
        Assert.Equal("0369", m.Cameo);
    }

    [Fact]
    public void Goldstein_KnownAndFallback()
    {
        Assert.Equal(4.0, TestSupport.Codebook.Goldstein("036"));
        Assert.Equal(TestSupport.Codebook.Goldstein("036"), TestSupport.Codebook.Goldstein("0369"));
        Assert.Null(TestSupport.Codebook.Goldstein("9"));
        Assert.True(TestSupport.Codebook.Goldstein("190") < -5);
    }

    [Fact]
    public void Load_EveryTypeReachable()
    {
        var types = Enumerable.Range(0, 210).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => TestSupport.Codebook.Map(c)?.Event).OfType<string>().ToHashSet();
        Assert.Equal(PloverTypes.All.Order(), types.Order());
        Assert.True(TestSupport.Codebook.MappedCodes > 280);
        Assert.True(TestSupport.Codebook.WeightedCodes > 300);
    }

    [Fact]
    public void Load_MalformedTable_IsDataFileError()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-events-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var f in new[] { CameoCodebook.PloverTableFile, CameoCodebook.AdditionsFile, CameoCodebook.GoldsteinFile })
            {
                File.Copy(Path.Combine(TestSupport.DataDir, f), Path.Combine(dir, f));
            }

            File.AppendAllText(Path.Combine(dir, CameoCodebook.AdditionsFile), "099: WHATEVER, , # not a type\n");
            var ex = Assert.Throws<ParleyException>(() => CameoCodebook.Load(dir));
            Assert.Equal(Errors.DataFile, ex.Error);
            Assert.Contains(":", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("AGREE", 1)]
    [InlineData("COOPERATE", 2)]
    [InlineData("ACCUSE", 3)]
    [InlineData("SANCTION", 4)]
    [InlineData("ASSAULT", 4)]
    [InlineData("DISAPPROVE", 3)]
    public void Quad_FollowsPloverManual(string type, int quad) => Assert.Equal(quad, PloverTypes.Quad(type));

    [Theory]
    [InlineData(CameoCodebook.PloverTableFile, "codebooks/plover/CAMEO2PLOVER-2021.txt")]
    [InlineData(CameoCodebook.AdditionsFile, "codebooks/plover/parley-additions.txt")]
    [InlineData(CameoCodebook.GoldsteinFile, "codebooks/cameo/CAMEO.goldsteinscale.txt")]
    [InlineData(VerbDictionary.FileName, "dictionaries/petrarch2/CAMEO.2.0.txt")]
    public void ShippedCopies_EqualSharedSources(string file, string shared)
    {
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(TestSupport.SharedRoot, shared)),
            File.ReadAllBytes(Path.Combine(TestSupport.DataDir, file)));
    }
}
