using Parley.Linguistics.Parsing;
using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Tests.Parsing;

public sealed class DependencyParserTests
{
    private static readonly Lazy<List<AnnotatedSentence>> Sample = new(() => AnnotatedCorpus.Load(TestData.EwtTrain).Take(900).ToList());

    private static readonly Lazy<DependencyParser> Shipped = new(() =>
    {
        using var s = File.OpenRead(Path.Combine(TestData.RepoRoot, "models", "parser", "en-parser.bin"));
        return DependencyParser.Load(s);
    });

    private static double Uas(DependencyParser parser, IEnumerable<AnnotatedSentence> gold)
    {
        long n = 0, ok = 0;
        foreach (var s in gold)
        {
            var (heads, _) = parser.Parse(s.Forms, s.XPos, s.UPos);
            n += heads.Length;
            ok += heads.Where((h, i) => h == s.Heads[i]).Count();
        }

        return (double)ok / n;
    }

    [Fact]
    public void Train_TinySample_LearnsFarBeyondChanceAndStaysATree()
    {
        var train = Sample.Value.Take(800).ToList();
        var held = Sample.Value.Skip(800).ToList();
        var parser = DependencyParser.Train(train, train.Select(s => s.XPos).ToList(), train.Select(s => s.UPos).ToList(), iterations: 4, seed: 5, pruneThreshold: 0.1f);

        // Attaching every word to its left neighbour scores about 30% on EWT; a learning parser on 800 sentences passes 60%.
        Assert.True(Uas(parser, held) > 0.60, $"UAS {Uas(parser, held):P1}");
        foreach (var s in held)
        {
            var (heads, _) = parser.Parse(s.Forms, s.XPos, s.UPos);
            Assert.Single(heads, h => h == 0);
            Assert.All(heads, (h, i) => Assert.NotEqual(i + 1, h));
        }
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesByteIdenticalModels()
    {
        var train = Sample.Value.Take(150).ToList();
        byte[] Run()
        {
            var p = DependencyParser.Train(train, train.Select(s => s.XPos).ToList(), train.Select(s => s.UPos).ToList(), iterations: 2, seed: 9);
            using var ms = new MemoryStream();
            p.Save(ms);
            return ms.ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Train_TemplateSubset_IsSavedAndLoadedWithTheModel()
    {
        var train = Sample.Value.Take(150).ToList();
        var subset = new[] { 1, 4, 6, 9, 16, 27, 72 };
        var p = DependencyParser.Train(train, train.Select(s => s.XPos).ToList(), train.Select(s => s.UPos).ToList(), iterations: 2, seed: 9, templates: subset);
        using var ms = new MemoryStream();
        p.Save(ms);
        ms.Position = 0;
        var loaded = DependencyParser.Load(ms);

        Assert.Equal(subset, loaded.Templates);
        var s = Sample.Value[200];
        Assert.Equal(p.Parse(s.Forms, s.XPos, s.UPos).Heads, loaded.Parse(s.Forms, s.XPos, s.UPos).Heads);
    }

    [Fact]
    public void WithTemplates_UnknownOrEmpty_Throws()
    {
        Assert.Throws<ArgumentException>(() => Shipped.Value.WithTemplates([17]));
        Assert.Throws<ArgumentException>(() => Shipped.Value.WithTemplates([]));
    }

    [Fact]
    public void WithTemplates_AllOfTheModel_ParsesTheSame()
    {
        var s = Sample.Value[300];
        var same = Shipped.Value.WithTemplates(Shipped.Value.Templates);
        var (heads, relations) = Shipped.Value.Parse(s.Forms, s.XPos, s.UPos);
        var (sameHeads, sameRelations) = same.Parse(s.Forms, s.XPos, s.UPos);
        Assert.Equal(heads, sameHeads);
        Assert.Equal(relations, sameRelations);
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsPrl2004()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.RepoRoot, "models", "parser", "en-parser.bin"))[..5000];
        Assert.Equal("PRL2004", Assert.Throws<Core.ParleyException>(() => DependencyParser.Load(new MemoryStream(bytes))).Error.Code);
    }

    [Fact]
    public void ShippedModel_OnEwtTestSample_KeepsAttachmentAboveFloor()
    {
        // Measured with predicted tags on all of EWT test: UAS 85.38%, LAS 82.36% (./parley eval parser).
        // Here: the first 600 sentences with the shipped tagger (measured UAS 85.67%, LAS 82.19%); floors a little below.
        var tagger = ShippedModels.Tagger.Value;
        var gold = AnnotatedCorpus.Load(TestData.EwtTest).Take(600).ToList();
        long n = 0, uas = 0, las = 0;
        foreach (var s in gold)
        {
            var (u, x) = tagger.Tag(s.Forms);
            var (heads, rels) = Shipped.Value.Parse(s.Forms, x, u);
            for (var i = 0; i < heads.Length; i++)
            {
                n++;
                if (heads[i] == s.Heads[i])
                {
                    uas++;
                    las += rels[i].Split(':')[0] == s.DepRels[i].Split(':')[0] ? 1 : 0;
                }
            }
        }

        Assert.True((double)uas / n >= FloorUas && (double)las / n >= FloorLas, $"UAS {(double)uas / n:P2}, LAS {(double)las / n:P2}");
    }

    private const double FloorUas = 0.845;
    private const double FloorLas = 0.81;
}
