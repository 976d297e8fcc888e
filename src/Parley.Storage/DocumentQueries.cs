using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Parley.Storage;

/// <summary>A current document in a list, without its text.</summary>
/// <param name="DocId">The document id.</param>
/// <param name="Version">Its current version.</param>
/// <param name="Title">Its title, when any.</param>
/// <param name="Url">Its URL, when known.</param>
/// <param name="Published">Its publication time (ISO, partial allowed), when known.</param>
/// <param name="Publisher">Dateline agency or URL host, when known.</param>
/// <param name="Language">Language code.</param>
/// <param name="Format">Input format (text, html, jsonl, rss).</param>
/// <param name="IngestedAt">When this version was stored (UTC).</param>
/// <param name="Mentions">How many event mentions the version has.</param>
public sealed record DocumentSummary(string DocId, int Version, string? Title, string? Url, string? Published, string? Publisher, string? Language, string Format, string IngestedAt, long Mentions);

/// <summary>An event mention as a document states it, with everything needed to highlight it in the text.</summary>
/// <param name="EventId">The store's event (happening) id, shared with other stories' mentions after deduplication.</param>
/// <param name="RecordId">The coder's record id (<c>doc#e1</c>).</param>
/// <param name="Event">PLOVER type.</param>
/// <param name="Mode">PLOVER mode, or null.</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="Goldstein">Goldstein weight, or null.</param>
/// <param name="Quad">Quad class 1–4.</param>
/// <param name="Date">ISO date, or null.</param>
/// <param name="Source">Source actors.</param>
/// <param name="Recipient">Recipient actors.</param>
/// <param name="Evidence">The evidence text.</param>
/// <param name="EvidenceStart">Start offset of the evidence in the document text.</param>
/// <param name="EvidenceEnd">End offset (exclusive).</param>
/// <param name="Trigger">The trigger words.</param>
/// <param name="TriggerStart">Start offset of the trigger.</param>
/// <param name="TriggerEnd">End offset of the trigger (exclusive).</param>
/// <param name="Confidence">The coder's confidence.</param>
/// <param name="Modality">asserted, negated or hypothetical.</param>
/// <param name="RecordJson">The complete record of <c>parley code</c> (date trace, location, actors' resolution, planned event).</param>
public sealed record DocumentMention(long EventId, string RecordId, string Event, string? Mode, string Cameo, double? Goldstein, int Quad, string? Date,
    IReadOnlyList<StoredActor> Source, IReadOnlyList<StoredActor> Recipient, string Evidence, int EvidenceStart, int EvidenceEnd, string Trigger, int TriggerStart,
    int TriggerEnd, double Confidence, string Modality, string RecordJson);

/// <summary>One stored document version with its text, its event mentions and its calendar items.</summary>
/// <param name="Summary">Its metadata.</param>
/// <param name="IsCurrent">False for a version replaced by newer content under the same id.</param>
/// <param name="MetadataJson">The reader's metadata as JSON.</param>
/// <param name="Text">The verbatim text every offset points into.</param>
/// <param name="Mentions">Its event mentions in text order.</param>
/// <param name="Calendar">Its calendar items in text order.</param>
public sealed record StoredDocument(DocumentSummary Summary, bool IsCurrent, string MetadataJson, string Text, IReadOnlyList<DocumentMention> Mentions, IReadOnlyList<CalendarEntry> Calendar);

/// <content>Documents: lists and one document with its annotations.</content>
public sealed partial class EventStore
{
    private const string SummaryColumns =
        "d.doc_id, d.version, d.title, d.url, d.published, d.publisher, d.language, d.format, d.ingested_at, (SELECT COUNT(*) FROM event_mentions m WHERE m.document_id = d.id)";

    /// <summary>
    /// Current documents, newest publication first (undated ones last, then by id), <paramref name="offset"/> rows skipped;
    /// <paramref name="from"/>/<paramref name="to"/> bound the publication date (a partial <paramref name="to"/> takes its
    /// whole month or year).
    /// </summary>
    public IReadOnlyList<DocumentSummary> Documents(int limit = 50, int offset = 0, string? from = null, string? to = null)
    {
        var where = new StringBuilder("d.is_current = 1");
        var ps = new List<(string, object?)> { ("n", Math.Max(1, limit)), ("skip", Math.Max(0, offset)) };
        if (from is { Length: > 0 })
        {
            where.Append(" AND d.published >= @from");
            ps.Add(("from", from));
        }

        if (to is { Length: > 0 })
        {
            where.Append(ToClause("d.published", to, ps));
        }

        var list = new List<DocumentSummary>();
        using var cmd = Command(
            $"SELECT {SummaryColumns} FROM documents d WHERE {where} ORDER BY CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, d.published DESC, d.doc_id LIMIT @n OFFSET @skip", [.. ps]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(Summary(r));
        }

        return list;
    }

    /// <summary>The document <paramref name="docId"/> (its current version, or <paramref name="version"/>) with its text, mentions and calendar items; null when absent.</summary>
    public StoredDocument? Document(string docId, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(docId);
        long id;
        DocumentSummary summary;
        bool current;
        string metadata, text;
        using (var cmd = version is { } v
            ? Command($"SELECT {SummaryColumns}, d.id, d.is_current, d.metadata, d.text FROM documents d WHERE d.doc_id = @d AND d.version = @v", ("d", docId), ("v", v))
            : Command($"SELECT {SummaryColumns}, d.id, d.is_current, d.metadata, d.text FROM documents d WHERE d.doc_id = @d AND d.is_current = 1", ("d", docId)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            summary = Summary(r);
            id = Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture);
            current = Int(r, 11) == 1;
            metadata = r.GetValue(12).ToString()!;
            text = r.GetString(13);
        }

        var mentions = new List<DocumentMention>();
        using (var cmd = Command(
            """
            SELECT m.event_id, m.record_id, m.event_type, m.mode, m.cameo, m.goldstein, m.quad, m.date, m.source, m.recipient, m.evidence, m.evidence_start, m.evidence_end,
                m.trigger_text, m.trigger_start, m.trigger_end, m.confidence, m.modality, m.record
            FROM event_mentions m WHERE m.document_id = @id ORDER BY m.trigger_start, m.id
            """,
            ("id", id)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                mentions.Add(new DocumentMention(
                    Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), Str(r, 3), r.GetString(4),
                    r.IsDBNull(5) ? null : Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture), Int(r, 6), Str(r, 7), Actors(r.GetValue(8).ToString()!), Actors(r.GetValue(9).ToString()!),
                    r.GetString(10), Int(r, 11), Int(r, 12), r.GetString(13), Int(r, 14), Int(r, 15), Convert.ToDouble(r.GetValue(16), CultureInfo.InvariantCulture), r.GetString(17),
                    r.GetValue(18).ToString()!));
            }
        }

        var calendar = new List<CalendarEntry>();
        using (var cmd = Command(
            "SELECT kind, event_type, cameo, actors, expected_date, origin_date, evidence, evidence_start, evidence_end, trigger_text, how, coder FROM calendar_items WHERE document_id = @id ORDER BY evidence_start, id",
            ("id", id)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                calendar.Add(new CalendarEntry(r.GetString(0), r.GetString(1), Str(r, 2), Actors(r.GetValue(3).ToString()!), Str(r, 4), Str(r, 5), r.GetString(6), Int(r, 7), Int(r, 8),
                    r.GetString(9), r.GetString(10), r.GetString(11)));
            }
        }

        return new StoredDocument(summary, current, metadata, text, mentions, calendar);
    }

    /// <summary>The event with store id <paramref name="id"/> with its mentions, or null.</summary>
    public StoredEvent? Event(long id) => ReadEvents($"{EventColumns} FROM events e WHERE e.id = @id", [("id", id)]) is [var e] ? e : null;

    private static DocumentSummary Summary(DbDataReader r) => new(
        r.GetString(0), Int(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), r.GetString(7), r.GetString(8), Convert.ToInt64(r.GetValue(9), CultureInfo.InvariantCulture));
}
