using System.Text;

namespace Parley.Places.Tests;

public class ConverterTests
{
    private const string Countries = """
        [
          {"name": {"common": "Georgia", "official": "Georgia", "native": {"kat": {"official": "საქართველო", "common": "საქართველო"}}},
           "cca2": "GE", "cca3": "GEO", "altSpellings": ["GE", "Sakartvelo"], "capital": ["Tbilisi"], "latlng": [42, 43.5]},
          {"name": {"common": "United States", "official": "United States of America"}, "cca2": "US", "cca3": "USA",
           "altSpellings": ["US", "USA", "United States of America", "Estados Unidos, Los"], "capital": ["Washington D.C."], "latlng": [38, -97]},
          {"name": {"common": "Seychelles", "official": "Republic of Seychelles"}, "cca2": "SC", "cca3": "SYC", "altSpellings": ["SC"], "capital": ["Victoria"], "latlng": [-4.58, 55.67]}
        ]
        """;

    private static readonly string[] Cities =
    [
        Row(611717, "Tbilisi", "Tbilisi", "TBS,Tiflis,Tbilisi,tbilisi,Тбилиси", 41.69411, 44.83368, "PPLC", "GE", "TB", 1049498),
        Row(4140963, "Washington, D. C.", "Washington, D. C.", "Vashington,Washington,Waszyngton", 38.89511, -77.03637, "PPLC", "US", "DC", 601723),
        Row(4180439, "Atlanta", "Atlanta", "ATL,Atlanta City", 33.749, -84.38798, "PPLA", "US", "GA", 463878),
        Row(4180386, "Athens", "Athens", "", 33.96095, -83.37794, "PPL", "US", "GA", 116714),
        Row(4229546, "Washington", "Washington", "", 33.73679, -82.73931, "PPLA2", "US", "GA", 4134),
        Row(241131, "Victoria", "Victoria", "Port Victoria", -4.61667, 55.45, "PPLC", "SC", "26", 22881),
        Row(1819729, "Hong Kong", "Hong Kong", "Victoria,Xianggang", 22.27832, 114.17469, "PPLC", "HK", "", 7012738),
        Row(5000001, "Smallville", "Smallville", "Tiny Town", 40, -80, "PPL", "US", "GA", 1200),
    ];

    [Fact]
    public void Build_Fixture_WritesCitiesCountriesAndRegions()
    {
        var (shared, outDir) = Fixture();
        var summary = PlaceDataBuilder.Build(shared, outDir);
        Assert.Equal(PlaceDataBuilder.GeneratedFiles, summary.Files.Keys);
        Assert.Equal(3, summary.SkippedCities); // Smallville and Washington GA (population), Hong Kong (HK is not in the fixture's countries)

        var cities = File.ReadAllLines(Path.Combine(outDir, "cities.tsv"));
        Assert.Equal(string.Join('\t', PlaceDataBuilder.CityHeader), cities[0]);
        var tbilisi = cities.Single(l => l.StartsWith("611717\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["611717", "Tbilisi", "", "GEO", "TB", "41.6941", "44.8337", "1049498", "PPLC", "Kartli|Tiflis"], tbilisi);
        var dc = cities.Single(l => l.StartsWith("4140963\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("Vashington|Waszyngton", dc[9]); // "Washington" is the name of a curated region: reserved
        var atlanta = cities.Single(l => l.StartsWith("4180439\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("Atlanta City", atlanta[9]);
        Assert.Equal(["241131", "611717", "4140963", "4180386", "4180439"], cities.Skip(1).Select(l => l.Split('\t')[0]));

        var countries = File.ReadAllLines(Path.Combine(outDir, "countries.tsv"));
        var usa = countries.Single(l => l.StartsWith("USA\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["USA", "US", "United States", "United States of America", "Washington D.C.", "4140963", "38", "-97", "United States of America|USA|U.S."], usa);
        var geo = countries.Single(l => l.StartsWith("GEO\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("611717", geo[5]);
        Assert.Equal("Sakartvelo", geo[8]);

        var regions = File.ReadAllLines(Path.Combine(outDir, "regions.tsv"));
        Assert.Equal(3, regions.Length);
        var georgia = regions[1].Split('\t');
        Assert.Equal(["USA", "GA", "Georgia", "Peach State", "4180439"], georgia[..5]);
        Assert.Equal((463878L + 116714 + 4134 + 1200).ToString(System.Globalization.CultureInfo.InvariantCulture), georgia[7]);
    }

    [Fact]
    public void Build_Twice_GivesIdenticalBytes()
    {
        var (shared, a) = Fixture();
        var b = TestSupport.TempDir();
        foreach (var file in PlaceDataBuilder.CuratedFiles)
        {
            File.Copy(Path.Combine(a, file), Path.Combine(b, file));
        }

        PlaceDataBuilder.Build(shared, a);
        PlaceDataBuilder.Build(shared, b);
        foreach (var file in PlaceDataBuilder.GeneratedFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Build_RealGazetteers_ReproducesCommittedData()
    {
        var outDir = TestSupport.TempDir();
        foreach (var file in PlaceDataBuilder.CuratedFiles)
        {
            File.Copy(Path.Combine(TestSupport.DataDir, file), Path.Combine(outDir, file));
        }

        PlaceDataBuilder.Build(TestSupport.SharedRoot, outDir);
        foreach (var file in PlaceDataBuilder.GeneratedFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, file));
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(TestSupport.DataDir, file))), $"{file} differs from the committed data/places; run ./parley build places");
        }
    }

    [Fact]
    public void Build_MissingGazetteer_ThrowsDataFileError()
    {
        var ex = Assert.Throws<Parley.Core.ParleyException>(() => PlaceDataBuilder.Build(TestSupport.TempDir(), TestSupport.TempDir()));
        Assert.Equal("PRL2004", ex.Diagnostic.Error.Code);
    }

    [Fact]
    public void Build_UnknownSeat_NamesTheCuratedLine()
    {
        var (shared, outDir) = Fixture();
        File.AppendAllText(Path.Combine(outDir, "curated-regions.tsv"), "USA\tTexas\t\tAustin\n");
        var ex = Assert.Throws<Parley.Core.ParleyException>(() => PlaceDataBuilder.Build(shared, outDir));
        Assert.Contains("curated-regions.tsv:4", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tiflis", true)]
    [InlineData("Nur-Sultan", true)]
    [InlineData("Côte d'Ivoire", true)]
    [InlineData("TBS", false)]
    [InlineData("tbilisi", false)]
    [InlineData("Тбилиси", false)]
    [InlineData("Kyiv 2", false)]
    [InlineData("Bắc Kinh", true)]
    [InlineData("Be", false)]
    public void IsUsableAlternate_KeepsLatinCapitalisedNamesOnly(string text, bool expected) =>
        Assert.Equal(expected, PlaceDataBuilder.IsUsableAlternate(text));

    private static (string Shared, string OutDir) Fixture()
    {
        var shared = TestSupport.TempDir();
        var outDir = TestSupport.TempDir();
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        Write(Path.Combine(shared, "gazetteers", "world-countries", "countries.json"), Countries);
        Write(Path.Combine(shared, "gazetteers", "geonames-cities1000", "cities1000.txt"), string.Join('\n', Cities) + "\n");
        Write(Path.Combine(outDir, "curated-names.tsv"), "target\tkind\tname\tnote\n611717\talias\tKartli\ttest\nUSA\talias\tU.S.\tabbreviation\n");
        Write(Path.Combine(outDir, "curated-regions.tsv"), "country\tname\taliases\tseat\nUSA\tGeorgia\tPeach State\tAtlanta\nUSA\tWashington\tWashington State\tAtlanta City\n");
        return (shared, outDir);
    }

    private static string Row(long id, string name, string ascii, string alternates, double lat, double lon, string feature, string country, string admin1, long population) =>
        string.Join('\t', id, name, ascii, alternates, lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "P", feature, country, "", admin1, "", "", "", population, "", "100", "Zone/Zone", "2020-01-01");
}
