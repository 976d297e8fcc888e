using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Core;

namespace Parley.Places;

/// <summary>Counts of the rows written by <see cref="PlaceDataBuilder.Build"/>, one entry per file.</summary>
/// <param name="Files">File name → number of data rows (header excluded).</param>
/// <param name="SkippedCities">GeoNames rows left out (population below the threshold, or a country code unknown to world-countries).</param>
public sealed record PlaceBuildSummary(IReadOnlyDictionary<string, int> Files, int SkippedCities);

/// <summary>
/// Converts the shared gazetteers (GeoNames <c>cities1000.txt</c> and world-countries <c>countries.json</c>) plus
/// the hand-written <c>curated-regions.tsv</c> and <c>curated-names.tsv</c> into the compact run-time gazetteer
/// of <c>data/places</c>: <c>cities.tsv</c>, <c>countries.tsv</c> and <c>regions.tsv</c>. Deterministic: the same
/// inputs give the same bytes (rows sorted, invariant number formatting, LF line ends, UTF-8 without BOM).
/// </summary>
public static class PlaceDataBuilder
{
    /// <summary>A city is kept when its population reaches this, or when it is a capital, a seat of government or a first-order seat.</summary>
    public const long MinimumPopulation = 5000;

    /// <summary>Alternate names are kept only for cities of at least this population (smaller towns keep name and ASCII name).</summary>
    public const long AlternateNamePopulation = 15000;

    /// <summary>The generated file names.</summary>
    public static IReadOnlyList<string> GeneratedFiles { get; } = ["cities.tsv", "countries.tsv", "regions.tsv"];

    /// <summary>The hand-written input files read from the output folder.</summary>
    public static IReadOnlyList<string> CuratedFiles { get; } = ["curated-names.tsv", "curated-regions.tsv"];

    internal static readonly string[] CityHeader = ["geonameid", "name", "asciiname", "country", "admin1", "latitude", "longitude", "population", "feature", "alternates"];
    internal static readonly string[] CountryHeader = ["iso3", "iso2", "name", "official", "capital", "capital_geonameid", "latitude", "longitude", "alternates"];
    internal static readonly string[] RegionHeader = ["country", "admin1", "name", "alternates", "seat_geonameid", "latitude", "longitude", "population"];

    /// <summary>
    /// Reads <c>gazetteers/geonames-cities1000/cities1000.txt</c> and <c>gazetteers/world-countries/countries.json</c>
    /// under <paramref name="sharedDir"/> and the curated files in <paramref name="outDir"/>, and writes the generated
    /// files to <paramref name="outDir"/>. PRL2004 when an input is missing or malformed.
    /// </summary>
    public static PlaceBuildSummary Build(string sharedDir, string outDir)
    {
        var countriesPath = Path.Combine(sharedDir, "gazetteers", "world-countries", "countries.json");
        var citiesPath = Path.Combine(sharedDir, "gazetteers", "geonames-cities1000", "cities1000.txt");
        var countries = ParseCountries(ReadText(countriesPath));
        var byIso2 = countries.ToDictionary(c => c.Iso2, StringComparer.Ordinal);
        var curatedNames = ReadCurated(Path.Combine(outDir, "curated-names.tsv"), 4);
        var curatedRegions = ReadCurated(Path.Combine(outDir, "curated-regions.tsv"), 4);

        var all = new List<GeoRow>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(citiesPath, Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                throw new ParleyException(Errors.DataFile, $"{citiesPath}:{lineNo}: not a GeoNames row (expected 19 tab-separated columns).");
            }

            _ = long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out var population);
            var iso3 = byIso2.TryGetValue(f[8], out var country) ? country.Iso3 : null;
            all.Add(new GeoRow(id, f[1], f[2], f[3], iso3, f[10], lat, lon, population, f[7]));
        }

        var ids = all.Select(r => r.Id).ToHashSet();

        // Curated names: a preferred name replaces GeoNames' (which becomes an alternate); an alias is added.
        var preferred = new Dictionary<long, string>();
        var extraCity = new Dictionary<long, List<string>>();
        var extraCountry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (n, row) in curatedNames)
        {
            var (target, kind, name) = (row[0], row[1], row[2]);
            if (long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                if (!ids.Contains(gid))
                {
                    throw new ParleyException(Errors.DataFile, $"curated-names.tsv:{n}: GeoNames id {gid} is not in cities1000.");
                }

                if (kind == "preferred")
                {
                    preferred[gid] = name;
                }
                else if (kind == "alias")
                {
                    AddTo(extraCity, gid, name);
                }
                else
                {
                    throw new ParleyException(Errors.DataFile, $"curated-names.tsv:{n}: kind must be 'preferred' or 'alias', got '{kind}'.");
                }
            }
            else if (countries.Any(c => c.Iso3 == target) && kind == "alias")
            {
                AddTo(extraCountry, target, name);
            }
            else
            {
                throw new ParleyException(Errors.DataFile, $"curated-names.tsv:{n}: target '{target}' is neither a GeoNames id nor a country alias.");
            }
        }

        var byName = new Dictionary<string, List<GeoRow>>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            foreach (var key in Names(r).Select(PlaceKey.Of).Distinct(StringComparer.Ordinal))
            {
                AddTo(byName, key, r);
            }
        }

        IEnumerable<GeoRow> Named(string name, string iso3) => byName.GetValueOrDefault(PlaceKey.Of(name), []).Where(r => r.Country == iso3);

        // Names reserved by another place: a country, a capital or a curated region. An alternate name of a city that equals one
        // of them is dropped ("Victoria" is listed for Hong Kong, but names the capital of Seychelles and an Australian state).
        var reserved = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            AddTo(reserved, PlaceKey.Of(c.Name), -1L);
        }

        foreach (var r in all.Where(r => r.Feature == "PPLC"))
        {
            AddTo(reserved, PlaceKey.Of(preferred.GetValueOrDefault(r.Id, r.Name)), r.Id);
        }

        foreach (var (_, row) in curatedRegions)
        {
            AddTo(reserved, PlaceKey.Of(row[1]), -1L);
        }

        bool IsReservedElsewhere(string key, long id) => reserved.TryGetValue(key, out var owners) && !owners.Contains(id);

        var kept = all.Where(r => r.Country is not null && (r.Population >= MinimumPopulation || r.Feature is "PPLC" or "PPLG" or "PPLA")).ToList();
        var cityRows = new List<(long Id, string[] Fields)>();
        foreach (var r in kept)
        {
            var name = preferred.GetValueOrDefault(r.Id, r.Name);
            var seen = new HashSet<string>(StringComparer.Ordinal) { PlaceKey.Of(name) };
            var ascii = r.Ascii != name && seen.Add(PlaceKey.Of(r.Ascii)) ? r.Ascii : "";
            var alternates = new List<string>();
            foreach (var extra in extraCity.GetValueOrDefault(r.Id, []).Prepend(name == r.Name ? "" : r.Name))
            {
                if (extra.Length > 0 && seen.Add(PlaceKey.Of(extra)))
                {
                    alternates.Add(extra);
                }
            }

            if (r.Population >= AlternateNamePopulation)
            {
                foreach (var a in r.Alternates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (IsUsableAlternate(a) && !IsReservedElsewhere(PlaceKey.Of(a), r.Id) && seen.Add(PlaceKey.Of(a)))
                    {
                        alternates.Add(a);
                    }
                }
            }

            cityRows.Add((r.Id, [r.Id.ToString(CultureInfo.InvariantCulture), name, ascii, r.Country!, r.Admin1, Coordinate(r.Latitude), Coordinate(r.Longitude),
                r.Population.ToString(CultureInfo.InvariantCulture), r.Feature, string.Join('|', alternates)]));
        }

        // Countries: capital resolved to a GeoNames id (the country's PPLC of that name, else the largest city of that name).
        var countryRows = new List<string[]>();
        foreach (var c in countries.OrderBy(c => c.Iso3, StringComparer.Ordinal))
        {
            var capitalId = "";
            if (c.Capital.Length > 0)
            {
                var match = Named(c.Capital, c.Iso3)
                    .OrderByDescending(r => r.Feature == "PPLC").ThenByDescending(r => r.Population).ThenBy(r => r.Id).FirstOrDefault();
                capitalId = match?.Id.ToString(CultureInfo.InvariantCulture) ?? "";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { PlaceKey.Of(c.Name) };
            var alternates = c.Alternates.Concat(extraCountry.GetValueOrDefault(c.Iso3, []))
                .Where(a => seen.Add(PlaceKey.IsCapitalAbbreviation(a) ? PlaceKey.CapitalsPrefix + PlaceKey.Of(a) : PlaceKey.Of(a))).ToList();
            countryRows.Add([c.Iso3, c.Iso2, c.Name, c.Official, c.Capital, capitalId, Coordinate(c.Latitude), Coordinate(c.Longitude), string.Join('|', alternates)]);
        }

        // Regions: the admin1 code of the seat city; centre = mean position of the region's cities; population = their sum.
        var regionRows = new List<string[]>();
        foreach (var (n, row) in curatedRegions)
        {
            var (iso3, name, aliases, seatName) = (row[0], row[1], row[2], row[3]);
            var seat = Named(seatName, iso3)
                .OrderByDescending(r => r.Feature is "PPLA" or "PPLC").ThenByDescending(r => r.Population).ThenBy(r => r.Id).FirstOrDefault()
                ?? throw new ParleyException(Errors.DataFile, $"curated-regions.tsv:{n}: seat '{seatName}' of {name} is not a city of {iso3} in cities1000.");
            var members = all.Where(r => r.Country == iso3 && r.Admin1 == seat.Admin1).ToList();
            regionRows.Add([iso3, seat.Admin1, name, aliases, seat.Id.ToString(CultureInfo.InvariantCulture),
                Coordinate(members.Average(m => m.Latitude)), Coordinate(members.Average(m => m.Longitude)),
                members.Sum(m => m.Population).ToString(CultureInfo.InvariantCulture)]);
        }

        Directory.CreateDirectory(outDir);
        var files = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["cities.tsv"] = Write(Path.Combine(outDir, "cities.tsv"), CityHeader, cityRows.OrderBy(r => r.Id).Select(r => r.Fields)),
            ["countries.tsv"] = Write(Path.Combine(outDir, "countries.tsv"), CountryHeader, countryRows),
            ["regions.tsv"] = Write(Path.Combine(outDir, "regions.tsv"), RegionHeader,
                regionRows.OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal).ThenBy(r => r[2], StringComparer.Ordinal)),
        };
        return new PlaceBuildSummary(files, all.Count - kept.Count);
    }

    /// <summary>
    /// True for an alternate name usable in English text: Latin script only (letters, spaces, hyphens, apostrophes,
    /// periods), starting with a capital letter, at least three characters, not a code (all capitals of at most
    /// four letters, such as IATA codes) and without digits or parentheses.
    /// </summary>
    internal static bool IsUsableAlternate(string text)
    {
        if (text.Length < 3 || !char.IsUpper(text[0]) || (text.Length <= 4 && text.All(char.IsUpper)))
        {
            return false;
        }

        foreach (var ch in text)
        {
            var ok = ch is ' ' or '-' or '\'' or '\u2019' or '.'
                || (char.IsLetter(ch) && (ch < 0x250 || ch is >= '\u1E00' and <= '\u1EFF'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Names(GeoRow r) =>
        new[] { r.Name, r.Ascii }.Concat(r.Alternates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsUsableAlternate));

    private static void AddTo<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static void AddTo<TKey>(Dictionary<TKey, HashSet<long>> map, TKey key, long value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        set.Add(value);
    }

    private static string Coordinate(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    private static string ReadText(string path) => File.Exists(path)
        ? File.ReadAllText(path, Encoding.UTF8)
        : throw new ParleyException(Errors.DataFile, $"Gazetteer file {path} not found.");

    private static List<(int Line, string[] Fields)> ReadCurated(string path, int columns)
    {
        var rows = new List<(int, string[])>();
        var n = 0;
        foreach (var line in ReadText(path).Split('\n'))
        {
            n++;
            if (n == 1 || line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length != columns)
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{n}: expected {columns} tab-separated columns, got {f.Length}.");
            }

            rows.Add((n, f));
        }

        return rows;
    }

    internal static List<CountryRecord> ParseCountries(string json)
    {
        var result = new List<CountryRecord>();
        using var doc = JsonDocument.Parse(json);
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name");
            var common = name.GetProperty("common").GetString() ?? "";
            var official = name.GetProperty("official").GetString() ?? "";
            var alternates = new List<string>();
            void Alt(string? text)
            {
                if (text is not null && !text.Contains(',', StringComparison.Ordinal) && text.Length > 2 && text.All(ch => ch < 0x250 || !char.IsLetter(ch)))
                {
                    alternates.Add(text.Trim());
                }
            }

            Alt(official);
            if (name.TryGetProperty("native", out var native))
            {
                foreach (var lang in native.EnumerateObject())
                {
                    Alt(lang.Value.TryGetProperty("common", out var v) ? v.GetString() : null);
                    Alt(lang.Value.TryGetProperty("official", out var o) ? o.GetString() : null);
                }
            }

            if (c.TryGetProperty("altSpellings", out var alts))
            {
                foreach (var a in alts.EnumerateArray())
                {
                    Alt(a.GetString());
                }
            }

            var capital = c.TryGetProperty("capital", out var caps) && caps.GetArrayLength() > 0 ? caps[0].GetString() ?? "" : "";
            double lat = 0, lon = 0;
            if (c.TryGetProperty("latlng", out var ll) && ll.GetArrayLength() == 2)
            {
                lat = ll[0].GetDouble();
                lon = ll[1].GetDouble();
            }

            result.Add(new CountryRecord(c.GetProperty("cca3").GetString()!, c.GetProperty("cca2").GetString()!, common, official, capital, lat, lon, alternates));
        }

        return result;
    }

    private static int Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join('\t', header)).Append('\n');
        var count = 0;
        foreach (var row in rows)
        {
            sb.Append(string.Join('\t', row.Select(v => v.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim()))).Append('\n');
            count++;
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return count;
    }

    internal sealed record CountryRecord(string Iso3, string Iso2, string Name, string Official, string Capital, double Latitude, double Longitude, IReadOnlyList<string> Alternates);

    private sealed record GeoRow(long Id, string Name, string Ascii, string Alternates, string? Country, string Admin1, double Latitude, double Longitude, long Population, string Feature);
}
