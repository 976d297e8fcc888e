using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Actors;

/// <summary>Counts of the rows written by <see cref="ActorDataBuilder.Build"/>, one entry per file.</summary>
/// <param name="Files">File name → number of data rows (header excluded).</param>
public sealed record ActorBuildSummary(IReadOnlyDictionary<string, int> Files);

/// <summary>
/// Converts the shared dictionaries (PETRARCH2 actors and agents, NGEC PLOVER agents, countries and COW↔ISO,
/// world-countries) into the sorted, deterministic TSV files of <c>data/actors</c>: <c>countries.tsv</c>,
/// <c>named-actors.tsv</c> and <c>agents.tsv</c>. The hand-written <c>curated-*.tsv</c> files are not touched.
/// </summary>
public static class ActorDataBuilder
{
    /// <summary>The generated file names.</summary>
    public static IReadOnlyList<string> GeneratedFiles { get; } = ["agents.tsv", "countries.tsv", "named-actors.tsv"];

    /// <summary>Common abbreviations not present as such in the sources (matched only when written in capitals).</summary>
    private static readonly (string Iso, string Text)[] Abbreviations =
    [
        ("USA", "US"), ("USA", "U.S."), ("USA", "USA"), ("USA", "U.S.A."), ("GBR", "UK"), ("GBR", "U.K."),
        ("ARE", "UAE"), ("CHN", "PRC"), ("PRK", "DPRK"), ("KOR", "ROK"), ("RUS", "RF"), ("COD", "DRC"),
        ("BIH", "BiH"), ("CAF", "CAR"), ("TWN", "ROC"),
    ];

    /// <summary>Capitals used in recent news but absent from the sources (renamed or moved capitals).</summary>
    private static readonly (string Iso, string Text)[] FormerCapitals =
    [
        ("KAZ", "Nur-Sultan"), ("MMR", "Yangon"), ("MMR", "Rangoon"), ("CIV", "Abidjan"), ("TZA", "Dar es Salaam"),
    ];

    /// <summary>Reads the dictionaries under <paramref name="sharedDir"/> and writes the generated files to <paramref name="outDir"/>.</summary>
    public static ActorBuildSummary Build(string sharedDir, string outDir)
    {
        string Read(params string[] parts)
        {
            var path = Path.Combine([sharedDir, .. parts]);
            return File.Exists(path)
                ? File.ReadAllText(path, Encoding.UTF8)
                : throw new ParleyException(Errors.DataFile, $"Dictionary file {path} not found.");
        }

        const string dict = "dictionaries";
        var world = DictionaryParsers.ParseWorldCountries(Read("gazetteers", "world-countries", "countries.json"));
        var ngec = DictionaryParsers.ParseNgecCountries(Read(dict, "ngec", "countries.csv"));
        var cow = DictionaryParsers.ParseCow2Iso(Read(dict, "ngec", "cow2iso.txt"));
        var iso = world.Select(r => r.Iso3).Concat(ngec.Select(r => r.Iso3)).ToHashSet(StringComparer.Ordinal);

        var countryRows = new List<CountryName>();
        countryRows.AddRange(world);
        countryRows.AddRange(ngec);
        countryRows.AddRange(cow.Where(r => iso.Contains(r.Iso3)));
        countryRows.AddRange(Abbreviations.Select(a => new CountryName(a.Iso, "abbreviation", a.Text, "parley")));
        countryRows.AddRange(FormerCapitals.Select(a => new CountryName(a.Iso, "capital", a.Text, "parley")));

        // -stan countries also take the demonym name + "i" (Kazakhstani, Kyrgyzstani, Tajikistani).
        countryRows.AddRange(world.Where(r => r.Kind == "name" && r.Text.EndsWith("stan", StringComparison.Ordinal))
            .Select(r => new CountryName(r.Iso3, "demonym", r.Text + "i", "parley")));

        var named = new List<string[]>();
        foreach (var (file, source) in new[]
                 {
                     ("Phoenix.Countries.actors.txt", "petrarch2-countries"),
                     ("Phoenix.International.actors.txt", "petrarch2-international"),
                     ("Phoenix.MilNonState.actors.txt", "petrarch2-milnonstate"),
                 })
        {
            foreach (var record in DictionaryParsers.ParseActors(Read(dict, "petrarch2", file)))
            {
                var countryCode = record.Codes.Select(c => c.Code).FirstOrDefault(c => c.Length == 3 && iso.Contains(c));
                if (source == "petrarch2-countries" && countryCode is not null)
                {
                    foreach (var name in record.Synonyms.Prepend(record.Primary))
                    {
                        countryRows.Add(new CountryName(countryCode, "dictionary", name, "petrarch2"));
                    }

                    continue;
                }

                foreach (var synonym in record.Synonyms)
                {
                    named.Add([source, record.Primary, "alias", synonym, "", ""]);
                }

                foreach (var code in record.Codes)
                {
                    named.Add([source, record.Primary, "code", code.Code, Iso(code.From), Iso(code.To)]);
                }
            }
        }

        var agents = new List<string[]>();
        foreach (var (file, source) in new[] { (Path.Combine("petrarch2", "Phoenix.agents.txt"), "petrarch2"), (Path.Combine("ngec", "PLOVER_agents.txt"), "ngec-plover") })
        {
            foreach (var a in DictionaryParsers.ParseAgents(Read(dict, file)))
            {
                var code = a.Code.Trim();
                var bare = code.Replace("~", "", StringComparison.Ordinal);
                var sector = bare.Length >= 3 ? bare[..3] : bare;
                agents.Add([a.Phrase, code, sector, source]);
            }
        }

        Directory.CreateDirectory(outDir);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["countries.tsv"] = Write(Path.Combine(outDir, "countries.tsv"), ["iso3", "kind", "text", "source"], countryRows.Select(r => new[] { r.Iso3, r.Kind, r.Text, r.Source })),
            ["named-actors.tsv"] = Write(Path.Combine(outDir, "named-actors.tsv"), ["source", "entry", "field", "value", "from", "to"], named),
            ["agents.tsv"] = Write(Path.Combine(outDir, "agents.tsv"), ["phrase", "code", "sector", "source"], agents),
        };
        return new ActorBuildSummary(counts);
    }

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static int Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        var distinct = rows
            .Select(r => string.Join('\t', r.Select(Clean)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        sb.Append(string.Join('\t', header)).Append('\n');
        foreach (var line in distinct)
        {
            sb.Append(line).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return distinct.Count;
    }

    private static string Clean(string field) => field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
}
