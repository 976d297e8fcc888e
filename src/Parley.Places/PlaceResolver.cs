using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Places;

/// <summary>
/// Resolves place mentions ("Minsk", "Nur-Sultan", "Paris, Texas", "Georgia", "the Republic of Belarus",
/// "Donetsk region") to a GeoNames city, a first-order region or a country, using the compact gazetteer of
/// <c>data/places</c>. Names are looked up in one dictionary by normalised key (<see cref="PlaceKey"/>); namesakes
/// are ranked by kind (a country before a capital before a region before a town), population, the context
/// country and the dateline's country, and a qualifier after a comma ("Paris, Texas", "Athens, Georgia")
/// keeps only the candidates inside it. Immutable after loading, so one instance is safe to share between threads.
/// </summary>
public sealed class PlaceResolver
{
    private const double CountryScore = 9.5;
    private const double RegionScore = 5.5;
    private const double ContextBonus = 3.5;
    private const double CapitalBonus = 2.5;
    private const double DatelineNearBonus = 0.5;
    private const double HintBonus = 4.0;

    private static readonly HashSet<string> AdminWords = new(StringComparer.Ordinal)
    {
        "region", "province", "oblast", "governorate", "state", "district", "county", "prefecture", "territory", "krai", "kray",
    };

    private static readonly HashSet<string> CityWords = new(StringComparer.Ordinal) { "city", "town", "municipality" };

    private static readonly HashSet<string> DirectionWords = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
        "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest", "greater", "upper", "lower",
    };

    /// <summary>
    /// Continents and world regions (keys): the gazetteer holds no record for them, and the towns that share their
    /// names (Asia in the Philippines, Republic in the United States) are never what a text means by them.
    /// </summary>
    private static readonly HashSet<string> WorldRegions = new(StringComparer.Ordinal)
    {
        "africa", "asia", "europe", "america", "americas", "north america", "south america", "latin america", "central america", "oceania",
        "antarctica", "antarctic", "arctic", "australasia", "eurasia", "middle east", "near east", "far east", "central asia", "south asia",
        "east asia", "southeast asia", "south east asia", "west asia", "western asia", "asia pacific", "indo pacific", "pacific", "atlantic",
        "mediterranean", "caribbean", "caucasus", "south caucasus", "north caucasus", "balkans", "western balkans", "baltic", "baltics",
        "baltic states", "scandinavia", "nordic countries", "sahel", "maghreb", "horn of africa", "sub saharan africa", "west africa",
        "east africa", "north africa", "southern africa", "central africa", "persian gulf", "gulf", "levant", "western europe", "eastern europe",
        "central europe", "northern europe", "southern europe", "latin america and caribbean", "pacific islands", "indian ocean", "black sea",
        "red sea", "south china sea", "east china sea", "caspian sea", "arabian peninsula", "korean peninsula", "world", "earth",
    };

    private readonly List<Place> _places = [];
    private readonly Dictionary<string, List<Entry>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countryByIso = new(StringComparer.Ordinal);

    private PlaceResolver()
    {
    }

    /// <summary>Cities, regions and countries loaded.</summary>
    public int PlaceCount => _places.Count;

    /// <summary>Distinct normalised name keys.</summary>
    public int KeyCount => _index.Count;

    /// <summary>Finds the <c>data/places</c> folder under the current directory or above the executable (the repository root).</summary>
    public static string LocateData()
    {
        var local = Path.Combine("data", "places");
        if (File.Exists(Path.Combine(local, "cities.tsv")))
        {
            return Path.GetFullPath(local);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "places");
            if (File.Exists(Path.Combine(candidate, "cities.tsv")))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.DataFile, "The place gazetteer data/places was not found; rebuild it with './parley build places' or pass --data.");
    }

    /// <summary>Loads the gazetteer from <paramref name="dataDir"/> (default: <see cref="LocateData"/>). PRL2004 when a file is missing or malformed.</summary>
    public static PlaceResolver Load(string? dataDir = null)
    {
        dataDir ??= LocateData();
        var r = new PlaceResolver();
        var capitals = new HashSet<long>();
        foreach (var (n, f) in ReadTsv(dataDir, "countries.tsv", PlaceDataBuilder.CountryHeader.Length))
        {
            if (long.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var capitalId))
            {
                capitals.Add(capitalId);
            }

            var index = r.Add(new Place(PlacePrecision.Country, null, f[2], f[0], null, Number(f[6], n, "countries.tsv"), Number(f[7], n, "countries.tsv"), null, "", false));
            r._countryByIso[f[0]] = index;
            r.AddName(f[2], index, MatchKind.CountryName);
            foreach (var alt in Split(f[8]))
            {
                r.AddName(alt, index, MatchKind.CountryAlias);
            }
        }

        foreach (var (n, f) in ReadTsv(dataDir, "regions.tsv", PlaceDataBuilder.RegionHeader.Length))
        {
            // a region has no GeoNames record in cities1000 (its seat city's id is in regions.tsv, not reported as the region's)
            var index = r.Add(new Place(PlacePrecision.Admin, null, f[2], f[0], f[1],
                Number(f[5], n, "regions.tsv"), Number(f[6], n, "regions.tsv"), (long)Number(f[7], n, "regions.tsv"), "ADM1", false));
            r.AddName(f[2], index, MatchKind.RegionName);
            foreach (var alt in Split(f[3]))
            {
                r.AddName(alt, index, MatchKind.RegionAlias);
            }
        }

        foreach (var (n, f) in ReadTsv(dataDir, "cities.tsv", PlaceDataBuilder.CityHeader.Length))
        {
            if (!long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new ParleyException(Errors.DataFile, $"cities.tsv:{n}: bad GeoNames id '{f[0]}'.");
            }

            var capital = f[8] is "PPLC" or "PPLG" || capitals.Contains(id); // PPLG: seat of government (La Paz, The Hague)
            var index = r.Add(new Place(PlacePrecision.City, id, f[1], f[3], f[4], Number(f[5], n, "cities.tsv"), Number(f[6], n, "cities.tsv"),
                (long)Number(f[7], n, "cities.tsv"), f[8], capital));
            r.AddName(f[1], index, MatchKind.ExactName);
            if (f[2].Length > 0)
            {
                r.AddName(f[2], index, MatchKind.AsciiName);
            }

            foreach (var alt in Split(f[9]))
            {
                r.AddName(alt, index, MatchKind.AlternateName);
            }

            // "Washington, D. C." is also "Washington"
            var comma = f[1].IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                r.AddName(f[1][..comma], index, MatchKind.ShortName);
            }
        }

        return r;
    }

    /// <summary>Resolves <paramref name="text"/> (see <see cref="Lookup"/>); null when the name is unknown.</summary>
    /// <param name="text">The mention: a place name, optionally qualified ("Paris, Texas").</param>
    /// <param name="contextCountry">ISO-3 code of the document's country, preferred among namesakes (null: none).</param>
    /// <param name="datelineCity">The dateline's place (<c>MINSK</c>); places in its country, and near it, are preferred.</param>
    public PlaceResolution? Resolve(string text, string? contextCountry = null, string? datelineCity = null) =>
        Lookup(text, contextCountry, datelineCity).Resolution;

    /// <summary>
    /// Resolves <paramref name="text"/> and explains the outcome: the chosen place with every ranked candidate,
    /// or null with the reason (no letters; no gazetteer name; unknown qualifier; no namesake inside the qualifier).
    /// Tries, in order: the whole text; a comma-qualified name ("Paris, Texas"); the text without a descriptor
    /// word ("Donetsk region", "city of Aleppo") or a leading direction ("northern Syria").
    /// </summary>
    public PlaceLookup Lookup(string text, string? contextCountry = null, string? datelineCity = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = PlaceKey.Of(text);
        if (key.Length == 0)
        {
            return new PlaceLookup(null, "the text holds no letters or digits", []);
        }

        if (WorldRegions.Contains(key))
        {
            return new PlaceLookup(null, $"\"{text.Trim()}\" names a continent, sea or world region, which the gazetteer does not hold", []);
        }

        var dateline = string.IsNullOrWhiteSpace(datelineCity) ? null : Lookup(datelineCity, null, null).Resolution;
        var context = new Context(contextCountry?.ToUpperInvariant(), dateline);
        var entries = Entries(text, key);
        if (entries.Count > 0)
        {
            return Rank(entries, context, null, "");
        }

        var qualified = SplitQualifier(text);
        if (qualified is { } q)
        {
            var head = Entries(q.Head, PlaceKey.Of(q.Head));
            var qualifier = Lookup(q.Qualifier, null, null);
            if (head.Count == 0)
            {
                return new PlaceLookup(null, $"no place named \"{q.Head.Trim()}\" in the gazetteer", []);
            }

            if (qualifier.Ranked.Count == 0)
            {
                return new PlaceLookup(null, $"the qualifier \"{q.Qualifier.Trim()}\" is not a known country, region or city", []);
            }

            // The qualifier may be any of its own candidates (Georgia: the country or the US state).
            var inside = head.Where(e => qualifier.Ranked.Any(p => Contains(p, _places[e.Place]))).ToList();
            return inside.Count == 0
                ? new PlaceLookup(null, $"no place named \"{q.Head.Trim()}\" lies in {q.Qualifier.Trim()}", [])
                : Rank(inside, context, null, "qualifier");
        }

        var words = key.Split(' ');
        if (words.Length > 1)
        {
            PlacePrecision? hint = null;
            var rest = words;
            if (AdminWords.Contains(words[^1]) || CityWords.Contains(words[^1]))
            {
                hint = CityWords.Contains(words[^1]) ? PlacePrecision.City : PlacePrecision.Admin;
                rest = words[..^1];
            }
            else if (words.Length > 2 && words[1] == "of" && (AdminWords.Contains(words[0]) || CityWords.Contains(words[0])))
            {
                hint = CityWords.Contains(words[0]) ? PlacePrecision.City : PlacePrecision.Admin;
                rest = words[2..];
            }
            else if (DirectionWords.Contains(words[0]))
            {
                rest = words[1..];
            }

            if (rest.Length > 0 && WorldRegions.Contains(string.Join(' ', rest)))
            {
                return new PlaceLookup(null, $"\"{text.Trim()}\" names part of a continent, sea or world region, which the gazetteer does not hold", []);
            }

            if (rest.Length > 0 && rest.Length < words.Length && _index.TryGetValue(string.Join(' ', rest), out var stripped))
            {
                // "northern Syria" names a part of a country or region, not a town
                var kept = stripped;
                var large = hint is null ? stripped.Where(e => _places[e.Place].Precision != PlacePrecision.City).ToList() : [];
                if (large.Count > 0)
                {
                    kept = large;
                }

                return Rank(kept, context, hint, hint is null ? "direction-stripped" : "descriptor");
            }
        }

        return new PlaceLookup(null, $"no gazetteer name matches \"{text.Trim()}\"", []);
    }

    private List<Entry> Entries(string text, string key)
    {
        var result = new List<Entry>();
        if (PlaceKey.IsCapitalAbbreviation(text) && _index.TryGetValue(PlaceKey.CapitalsPrefix + key, out var caps))
        {
            result.AddRange(caps);
        }

        if (_index.TryGetValue(key, out var plain))
        {
            result.AddRange(plain.Where(e => result.All(x => x.Place != e.Place)));
        }

        return result;
    }

    private PlaceLookup Rank(List<Entry> entries, Context context, PlacePrecision? hint, string factor)
    {
        var scored = entries.Select(e => (Entry: e, Score: Score(e, context, hint), Plain: Score(e, Context.None, hint)))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Plain).ThenBy(x => _places[x.Entry.Place].Id ?? 0).ToList();
        var plainWinner = scored.MaxBy(x => x.Plain).Entry.Place;
        var best = scored[0];
        var margin = scored.Count > 1 ? best.Score - scored[1].Score : double.PositiveInfinity;
        var ranked = new List<PlaceResolution>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (entry, score, _) = scored[i];
            var place = _places[entry.Place];
            var factors = new List<string>();
            if (factor.Length > 0)
            {
                factors.Add(factor);
            }

            if (i == 0 && scored.Count > 1)
            {
                if (entry.Place != plainWinner)
                {
                    if (context.Country is not null && place.Country == context.Country)
                    {
                        factors.Add("context-country");
                    }

                    if (context.Dateline is { } d && place.Country == d.Country)
                    {
                        factors.Add("dateline");
                    }
                }
                else if (factor.Length == 0)
                {
                    var runnerUp = _places[scored[1].Entry.Place];
                    factors.Add(runnerUp.Precision != place.Precision || place.Capital != runnerUp.Capital ? "kind" : "population");
                }
            }

            var how = string.Join('+', new[] { MatchName(entry.Kind) }.Concat(place.Capital ? ["capital"] : []).Concat(factors));
            var nameConfidence = entry.Kind switch
            {
                MatchKind.CountryName or MatchKind.RegionName or MatchKind.ExactName or MatchKind.AsciiName => 0.95,
                MatchKind.CountryAlias or MatchKind.RegionAlias => 0.9,
                _ => 0.85,
            };
            var gap = i == 0 ? margin : score - best.Score;
            var confidence = double.IsPositiveInfinity(gap) ? nameConfidence : nameConfidence * (i == 0 ? 1 - (0.5 * Math.Exp(-gap)) : 0.5 * Math.Exp(gap));
            ranked.Add(new PlaceResolution(place.Id, place.Name, place.Country, place.Admin1, place.Latitude, place.Longitude, place.Population,
                place.Precision, how, Math.Round(confidence, 4), scored.Count));
        }

        return new PlaceLookup(ranked[0], null, ranked);
    }

    private double Score(Entry entry, Context context, PlacePrecision? hint)
    {
        var p = _places[entry.Place];
        var score = p.Precision switch
        {
            PlacePrecision.Country => CountryScore,
            PlacePrecision.Admin => RegionScore + (0.1 * Math.Log10((p.Population ?? 0) + 10)),
            _ => Math.Log10((p.Population ?? 0) + 10) + (p.Capital ? CapitalBonus : p.Feature == "PPLA" ? 0.3 : 0)
                - (p.Feature is "PPLX" or "PPLL" or "PPLR" or "PPLF" or "PPLQ" or "PPLW" or "PPLH" or "PPLS" or "STLMT" ? 1.0 : 0),
        };
        score += entry.Kind switch
        {
            MatchKind.AlternateName => -0.5,
            MatchKind.ShortName => -0.3,
            _ => 0,
        };
        // the context country and the dateline's country count once, not twice, when they agree
        if ((context.Country is not null && p.Country == context.Country) || (context.Dateline is { } dl && p.Country == dl.Country))
        {
            score += ContextBonus;
        }

        if (context.Dateline is { } d && p.Precision == PlacePrecision.City && DistanceKm(p.Latitude, p.Longitude, d.Latitude, d.Longitude) < 300)
        {
            score += DatelineNearBonus;
        }

        if (hint is not null && p.Precision == hint)
        {
            score += HintBonus;
        }

        return score;
    }

    /// <summary>True when <paramref name="place"/> lies inside <paramref name="container"/> (a country, a region or the same city).</summary>
    private static bool Contains(PlaceResolution container, Place place) => container.Precision switch
    {
        PlacePrecision.Country => place.Country == container.Country,
        PlacePrecision.Admin => place.Country == container.Country && place.Admin1 == container.Admin1,
        _ => place.Country == container.Country && place.Admin1 == container.Admin1 && place.Precision == PlacePrecision.City,
    };

    private static (string Head, string Qualifier)? SplitQualifier(string text)
    {
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && text.TrimEnd().EndsWith(')'))
        {
            var inner = text[(paren + 1)..text.LastIndexOf(')')];
            return (text[..paren], inner);
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma < text.Length - 1 ? (text[..comma], text[(comma + 1)..]) : null;
    }

    private static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180;
        var dLat = (lat2 - lat1) * rad;
        var dLon = (lon2 - lon1) * rad;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static string MatchName(MatchKind kind) => kind switch
    {
        MatchKind.ExactName => "exact-name",
        MatchKind.AsciiName => "ascii-name",
        MatchKind.AlternateName => "alternate-name",
        MatchKind.ShortName => "short-name",
        MatchKind.CountryName => "country-name",
        MatchKind.CountryAlias => "country-alias",
        MatchKind.RegionName => "region-name",
        _ => "region-alias",
    };

    private int Add(Place place)
    {
        _places.Add(place);
        return _places.Count - 1;
    }

    private void AddName(string name, int place, MatchKind kind)
    {
        var key = PlaceKey.Of(name);
        if (key.Length == 0)
        {
            return;
        }

        if (PlaceKey.IsCapitalAbbreviation(name))
        {
            key = PlaceKey.CapitalsPrefix + key;
        }

        if (!_index.TryGetValue(key, out var list))
        {
            _index[key] = list = new List<Entry>(1);
        }

        // one entry per place and key: the best kind of name wins (exact before alternate)
        var existing = list.FindIndex(e => e.Place == place);
        if (existing < 0)
        {
            list.Add(new Entry(place, kind));
        }
        else if (kind < list[existing].Kind)
        {
            list[existing] = new Entry(place, kind);
        }
    }

    private static IEnumerable<string> Split(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Number(string text, int line, string file) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ParleyException(Errors.DataFile, $"{file}:{line}: '{text}' is not a number.");

    internal static IEnumerable<(int Line, string[] Fields)> ReadTsv(string dir, string file, int columns)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.DataFile, $"Gazetteer file {path} not found; rebuild it with './parley build places'.");
        }

        var n = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            if (n == 1 || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != columns)
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{n}: expected {columns} tab-separated columns, got {f.Length}.");
            }

            yield return (n, f);
        }
    }

    private enum MatchKind
    {
        CountryName,
        RegionName,
        ExactName,
        AsciiName,
        CountryAlias,
        RegionAlias,
        ShortName,
        AlternateName,
    }

    private readonly record struct Entry(int Place, MatchKind Kind);

    private sealed record Place(PlacePrecision Precision, long? Id, string Name, string Country, string? Admin1, double Latitude, double Longitude, long? Population, string Feature, bool Capital);

    private sealed record Context(string? Country, PlaceResolution? Dateline)
    {
        public static Context None { get; } = new(null, null);
    }
}
