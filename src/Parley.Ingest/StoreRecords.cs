using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Events.Coding;
using Parley.Storage;

namespace Parley.Ingest;

/// <summary>A coded document turned into what the event store keeps.</summary>
/// <param name="Document">The coded document.</param>
/// <param name="Record">Its metadata and text.</param>
/// <param name="Mentions">Its event mentions, each with the complete record of <c>parley code</c>.</param>
/// <param name="Calendar">Its calendar items (announcements and anniversaries).</param>
public sealed record CodedDocument(Document Document, DocumentRecord Record, IReadOnlyList<EventMention> Mentions, IReadOnlyList<CalendarEntry> Calendar)
{
    /// <summary>Stores the document in <paramref name="store"/> in one transaction under <paramref name="policy"/>.</summary>
    public StoreResult StoreIn(EventStore store, DedupPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Store(Record, Mentions, Calendar, policy);
    }
}

/// <summary>Turns a document coded by <see cref="CodingPipeline"/> into store records (shared by <c>parley ingest</c> and the web API).</summary>
public static class StoreRecords
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The store records of <paramref name="document"/>, which must carry the tokens and events layers: metadata (reader
    /// metadata as JSON; the publisher is the dateline agency, else the URL's host), one mention per realised event with
    /// its evidence sentences and trigger offsets, and one calendar entry per announced happening or anniversary.
    /// </summary>
    public static CodedDocument From(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var meta = document.Metadata;
        var tokens = document.Get(Layers.Tokens);
        var layer = document.Get(Layers.Events);
        var metadata = new Dictionary<string, object?>
        {
            ["title"] = meta.Title,
            ["url"] = meta.Url,
            ["published"] = meta.Published?.ToIso(),
            ["published_source"] = meta.Published?.Source.ToString(),
            ["published_raw"] = meta.Published?.Raw,
            ["published_missing_reason"] = meta.PublishedMissingReason,
            ["language"] = meta.Language?.Code,
            ["encoding"] = meta.Encoding?.Name,
            ["format"] = meta.Format,
            ["origin"] = meta.Origin?.ToString(),
            ["dateline"] = meta.Dateline,
            ["dateline_place"] = meta.DatelinePlace,
            ["dateline_agency"] = meta.DatelineAgency,
            ["extra"] = meta.Extra.Select(p => new[] { p.Key, p.Value }).ToList(),
        };
        var publisher = meta.DatelineAgency ?? (Uri.TryCreate(meta.Url, UriKind.Absolute, out var uri) ? uri.Host : null);
        var record = new DocumentRecord(document.Id, document.Text, meta.Title, meta.Url, meta.Published?.ToIso(), meta.Language?.Code, meta.Format, publisher, JsonSerializer.Serialize(metadata, Json));
        var mentions = new List<EventMention>();
        foreach (var e in layer.Events)
        {
            var spans = e.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
            var trace = new Dictionary<string, object?> { ["value"] = e.Date.Value, ["precision"] = e.Date.Precision, ["how"] = e.Date.How, ["text"] = e.Date.Text };
            mentions.Add(new EventMention(
                $"{document.Id}#{e.Id}", e.Event, e.Mode, e.Contexts, e.Cameo, e.Goldstein, e.Quad, e.Date.Value, JsonSerializer.Serialize(trace, Json),
                e.Source.Select(Actor).ToList(), e.Recipient.Select(Actor).ToList(), e.Sentences.Count > 0 ? e.Sentences[0] : 0,
                string.Join(" ", spans.Select(document.Slice)), spans.Count > 0 ? spans[0].Start : e.Trigger.Start, spans.Count > 0 ? spans[^1].End : e.Trigger.End,
                document.Slice(e.Trigger), e.Trigger.Start, e.Trigger.End, e.Confidence, EventCoder.Producer, Parley.Events.Codebook.PloverTypes.CodebookVersion, e.Modality,
                JsonSerializer.Serialize(EventRecords.Create(document, e, false), Json))
            {
                Location = e.Location is { } l ? new StoredLocation(l.Text, l.Name, l.GeoNamesId, l.Country, l.Admin1, l.Latitude, l.Longitude, l.Precision, l.How) : null,
            });
        }

        var calendar = new List<CalendarEntry>();
        foreach (var item in layer.Calendar)
        {
            var spans = item.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
            calendar.Add(new CalendarEntry(
                item.Kind, item.Event, item.Cameo, item.Actors.Select(Actor).ToList(), item.ExpectedDate, item.OriginDate, string.Join(" ", spans.Select(document.Slice)),
                spans.Count > 0 ? spans[0].Start : item.Trigger.Start, spans.Count > 0 ? spans[^1].End : item.Trigger.End, document.Slice(item.Trigger), item.How, EventCoder.Producer));
        }

        return new CodedDocument(document, record, mentions, calendar);
    }

    private static StoredActor Actor(EventActor a) => new(a.Text, a.Name, a.Country, a.Org, a.Sector, a.How);
}
