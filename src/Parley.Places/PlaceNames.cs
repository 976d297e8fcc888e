namespace Parley.Places;

/// <summary>
/// The names of countries (by ISO-3 code) and of first-order regions (by ISO-3 and GeoNames admin1 code) from the
/// <c>countries.tsv</c> and <c>regions.tsv</c> files of <c>data/places</c>: what the exports write in their place-name
/// columns. Much smaller than the full gazetteer (no cities), and immutable once loaded.
/// </summary>
public sealed class PlaceNames
{
    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Admin1), string> _regions = [];

    private PlaceNames()
    {
    }

    /// <summary>Loads the names from <paramref name="dataDir"/> (default: <see cref="PlaceResolver.LocateData"/>). PRL2004 when a file is missing or malformed.</summary>
    public static PlaceNames Load(string? dataDir = null)
    {
        dataDir ??= PlaceResolver.LocateData();
        var names = new PlaceNames();
        foreach (var (_, f) in PlaceResolver.ReadTsv(dataDir, "countries.tsv", PlaceDataBuilder.CountryHeader.Length))
        {
            names._countries[f[0]] = f[2];
        }

        foreach (var (_, f) in PlaceResolver.ReadTsv(dataDir, "regions.tsv", PlaceDataBuilder.RegionHeader.Length))
        {
            names._regions[(f[0], f[1])] = f[2];
        }

        return names;
    }

    /// <summary>
    /// The name of a country (<paramref name="admin1"/> null) or of one of its first-order regions; null when unknown.
    /// The signature fits <c>EventExport.Write</c>'s place-name callback.
    /// </summary>
    public string? Name(string country, string? admin1) =>
        admin1 is null ? _countries.GetValueOrDefault(country) : _regions.GetValueOrDefault((country, admin1));
}
