using Parley.Core;

namespace Parley.Places;

/// <summary>
/// Pipeline component that resolves every LOC mention of the <c>entities</c> layer to a place (<c>places</c>
/// layer). Two passes: the first resolves each mention on its own (with the dateline as a hint) and counts the
/// countries found; the most frequent country (ties: the one mentioned first) then becomes the context country
/// of the second pass, so "Georgia" in a document about Atlanta and Savannah is the US state. The dateline place
/// comes from <see cref="DocumentMetadata.DatelinePlace"/> when the reader found one.
/// </summary>
public sealed class PlaceTagger : IPipelineComponent
{
    private readonly PlaceResolver _resolver;

    /// <summary>Creates the component over a loaded (shared, immutable) resolver.</summary>
    public PlaceTagger(PlaceResolver resolver)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
    }

    /// <summary>The versioned producer name written into every place layer.</summary>
    public static string Producer => "parley.places.v1";

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor { get; } = new("parley.places", "1", [LayerNames.Entities], [LayerNames.Places]);

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Places, Annotate(document, document.Get(Layers.Entities), cancellationToken));
    }

    /// <summary>The place layer of <paramref name="document"/> for the given entity mentions (without setting it on the document).</summary>
    public PlaceLayer Annotate(Document document, EntityLayer entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entities);
        var dateline = string.IsNullOrWhiteSpace(document.Metadata.DatelinePlace) ? null : document.Metadata.DatelinePlace;
        var locations = entities.Mentions.Select((m, i) => (Mention: m, Index: i)).Where(x => x.Mention.Type == "LOC").ToList();

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var (m, i) in locations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_resolver.Resolve(document.Slice(m.Span), null, dateline) is { } first)
            {
                counts[first.Country] = counts.TryGetValue(first.Country, out var c) ? (c.Count + 1, c.First) : (1, i);
            }
        }

        var context = counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First().Key;
        var mentions = new List<PlaceMention>(locations.Count);
        foreach (var (m, i) in locations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lookup = _resolver.Lookup(document.Slice(m.Span), context, dateline);
            mentions.Add(ToMention(m.Span, i, lookup));
        }

        return new PlaceLayer(mentions, context, dateline, Producer)
        {
            Dateline = dateline is null ? null : ToMention(default, -1, _resolver.Lookup(dateline, context, null)),
        };
    }

    /// <summary>Converts a lookup into a layer mention (resolved fields, or the reason).</summary>
    public static PlaceMention ToMention(TextSpan span, int entityIndex, PlaceLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var r = lookup.Resolution;
        return r is null
            ? new PlaceMention(span, entityIndex, null, null, null, null, null, null, null, null, null, 0, 0, lookup.Reason)
            : new PlaceMention(span, entityIndex, r.GeoNamesId, r.Name, r.Country, r.Admin1, r.Latitude, r.Longitude, r.Population,
                PrecisionName(r.Precision), r.How, r.Confidence, r.Candidates, null);
    }

    /// <summary>The lower-case name of a precision as written in layers and JSON: <c>city</c>, <c>admin</c>, <c>country</c>.</summary>
    public static string PrecisionName(PlacePrecision precision) => precision switch
    {
        PlacePrecision.City => "city",
        PlacePrecision.Admin => "admin",
        _ => "country",
    };
}
