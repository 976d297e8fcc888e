namespace Parley.Core;

/// <summary>
/// A location mention resolved against the place gazetteer (GeoNames cities, first-order regions, countries),
/// or left unresolved with the reason. Coordinates are WGS 84 degrees.
/// </summary>
/// <param name="Span">Characters of the mention in the document text (the same span as its entity mention).</param>
/// <param name="EntityIndex">Index of the mention in <see cref="EntityLayer.Mentions"/>.</param>
/// <param name="GeoNamesId">GeoNames id of the city; null for a region, a country or when unresolved.</param>
/// <param name="Name">The gazetteer's name of the place; null when unresolved.</param>
/// <param name="Country">ISO-3 code of the country the place lies in; null when unresolved.</param>
/// <param name="Admin1">GeoNames first-order administrative code; null for a country or when unresolved.</param>
/// <param name="Latitude">Latitude; null when unresolved.</param>
/// <param name="Longitude">Longitude; null when unresolved.</param>
/// <param name="Population">Population (a city's, or the summed towns of a region); null for a country or when unresolved.</param>
/// <param name="Precision"><c>city</c>, <c>admin</c> or <c>country</c>; null when unresolved.</param>
/// <param name="How">Why this place (kind of name matched and what chose it among namesakes); null when unresolved.</param>
/// <param name="Confidence">Heuristic confidence in [0, 1]; 0 when unresolved.</param>
/// <param name="Candidates">Number of gazetteer entries that matched the name.</param>
/// <param name="Reason">Why the mention is unresolved; null when resolved.</param>
public sealed record PlaceMention(
    TextSpan Span,
    int EntityIndex,
    long? GeoNamesId,
    string? Name,
    string? Country,
    string? Admin1,
    double? Latitude,
    double? Longitude,
    long? Population,
    string? Precision,
    string? How,
    double Confidence,
    int Candidates,
    string? Reason)
{
    /// <summary>True when the mention was resolved to a place.</summary>
    public bool IsResolved => Name is not null;
}

/// <summary>The place mentions of a document (one per LOC entity mention, in text order) and the context used to resolve them. Immutable.</summary>
/// <param name="Mentions">The mentions, resolved or with a reason.</param>
/// <param name="ContextCountry">The document's most frequent country (ISO-3) used to choose between namesakes, or null.</param>
/// <param name="DatelinePlace">The dateline place from the metadata used as a hint, or null.</param>
/// <param name="Producer">Versioned name of the component that produced the layer.</param>
public sealed record PlaceLayer(IReadOnlyList<PlaceMention> Mentions, string? ContextCountry, string? DatelinePlace, string Producer)
{
    /// <summary>
    /// <see cref="DatelinePlace"/> resolved like a mention (in the context country), or null when the document has no
    /// dateline. The dateline is not part of the body text: its <see cref="PlaceMention.Span"/> is empty and its
    /// <see cref="PlaceMention.EntityIndex"/> is -1.
    /// </summary>
    public PlaceMention? Dateline { get; init; }
}
