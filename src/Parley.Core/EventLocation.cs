namespace Parley.Core;

/// <summary>
/// Where an event happened: a place the text names for it (an <c>in</c>/<c>at</c> phrase of the trigger's clause, a
/// visit's destination) or the dateline city of a meeting reported from there, resolved through the places layer.
/// Coordinates are WGS 84 degrees.
/// </summary>
/// <param name="Text">The words that name the place (the LOC mention, or the dateline place).</param>
/// <param name="Span">Characters of <paramref name="Text"/> in the document; null for the dateline, which is not part of the body text.</param>
/// <param name="Name">The gazetteer's name of the place.</param>
/// <param name="GeoNamesId">GeoNames id of a city; null for a region or a country.</param>
/// <param name="Country">ISO-3 code of the country the place lies in.</param>
/// <param name="Admin1">GeoNames first-order administrative code; null for a country.</param>
/// <param name="Latitude">Latitude.</param>
/// <param name="Longitude">Longitude.</param>
/// <param name="Precision"><c>city</c>, <c>admin</c> or <c>country</c>: how exactly the place is known.</param>
/// <param name="How">Why this place: the syntactic rule that chose the mention (<c>oblique "in" of "hold"</c>,
/// <c>visit destination: object of "visit"</c>, <c>dateline</c>) followed by how the places layer resolved it.</param>
public sealed record EventLocation(
    string Text,
    TextSpan? Span,
    string Name,
    long? GeoNamesId,
    string Country,
    string? Admin1,
    double? Latitude,
    double? Longitude,
    string Precision,
    string How);
