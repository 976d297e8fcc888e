namespace Parley.Places;

/// <summary>How precisely a resolved place is located.</summary>
public enum PlacePrecision
{
    /// <summary>A populated place (city, town, capital) with its own GeoNames record and coordinates.</summary>
    City,

    /// <summary>A first-order administrative region (state, province, oblast); coordinates are the mean position of its towns.</summary>
    Admin,

    /// <summary>A country; coordinates are the country's centroid from world-countries.</summary>
    Country,
}

/// <summary>The resolution of a place mention.</summary>
/// <param name="GeoNamesId">GeoNames id of the city; null for a region or a country (cities1000 holds only populated places).</param>
/// <param name="Name">The gazetteer's name of the place (GeoNames' name, a curated current name such as <c>Kyiv</c>, the region or the country's common English name).</param>
/// <param name="Country">ISO 3166-1 alpha-3 code of the country the place lies in (world-countries codes; Kosovo is <c>UNK</c>).</param>
/// <param name="Admin1">GeoNames first-order administrative code within the country (<c>TX</c>, <c>04</c>); null for a country.</param>
/// <param name="Latitude">Latitude in degrees (WGS 84).</param>
/// <param name="Longitude">Longitude in degrees (WGS 84).</param>
/// <param name="Population">GeoNames population of a city, the summed population of a region's towns (a lower bound); null for a country.</param>
/// <param name="Precision">City, admin region or country.</param>
/// <param name="How">Why this place: the kind of name matched (<c>exact-name</c>, <c>ascii-name</c>, <c>alternate-name</c>, <c>curated-alias</c>, <c>short-name</c>, <c>country-name</c>, <c>country-alias</c>, <c>region-name</c>, <c>region-alias</c>, <c>capital</c>), then what chose it among namesakes, each after a <c>+</c>: <c>qualifier</c> ("Paris, Texas"), <c>context-country</c>, <c>dateline</c>, <c>population</c>, <c>kind</c> (a country or capital before a town).</param>
/// <param name="Confidence">A heuristic confidence in [0, 1]: high for a unique exact name, lower for an alternate name or a close call between namesakes.</param>
/// <param name="Candidates">How many gazetteer entries matched the name (1 = no ambiguity).</param>
public sealed record PlaceResolution(
    long? GeoNamesId,
    string Name,
    string Country,
    string? Admin1,
    double Latitude,
    double Longitude,
    long? Population,
    PlacePrecision Precision,
    string How,
    double Confidence,
    int Candidates);

/// <summary>The outcome of <see cref="PlaceResolver.Lookup"/>: a resolution, or null with the reason.</summary>
/// <param name="Resolution">The chosen place, or null.</param>
/// <param name="Reason">Why nothing was chosen (null when <paramref name="Resolution"/> is set).</param>
/// <param name="Ranked">Every candidate, best first, each with its own <see cref="PlaceResolution.How"/> and score-based confidence (for explanations).</param>
public sealed record PlaceLookup(PlaceResolution? Resolution, string? Reason, IReadOnlyList<PlaceResolution> Ranked);
