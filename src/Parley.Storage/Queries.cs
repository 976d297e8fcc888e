using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parley.Storage;

/// <summary>A filter over stored events; every field is optional and the fields combine with AND.</summary>
public sealed record EventQuery
{
    /// <summary>A source actor: an ISO-3 country or organisation code, optionally with a sector (<c>KAZ-LEG</c>), or a canonical name.</summary>
    public string? Actor { get; init; }

    /// <summary>A recipient actor, written as <see cref="Actor"/>.</summary>
    public string? Recipient { get; init; }

    /// <summary>A PLOVER type (<c>CONSULT</c>) or a CAMEO code prefix (<c>04</c>, <c>040</c>).</summary>
    public string? Type { get; init; }

    /// <summary>First date (ISO, inclusive), compared with the event's date as text (so <c>2022-06</c> takes the whole month).</summary>
    public string? From { get; init; }

    /// <summary>Last date (ISO, inclusive); a partial date takes its whole month or year.</summary>
    public string? To { get; init; }

    /// <summary>Words the evidence of one of the event's mentions must contain (case-insensitive substring).</summary>
    public string? Text { get; init; }

    /// <summary>At most this many events, oldest date first.</summary>
    public int Limit { get; init; } = 1000;

    /// <summary>How many matching events to skip before the first returned (for paging; 0 by default).</summary>
    public int Offset { get; init; }
}

/// <summary>A stored event (a happening, possibly reported by several documents) with its mentions.</summary>
/// <param name="Id">The store's event id.</param>
/// <param name="Event">PLOVER type.</param>
/// <param name="Mode">PLOVER mode, or null.</param>
/// <param name="Contexts">PLOVER contexts.</param>
/// <param name="Cameo">CAMEO code as a string.</param>
/// <param name="Goldstein">Goldstein weight, or null.</param>
/// <param name="Quad">Quad class 1–4.</param>
/// <param name="Date">ISO date (of the first mention), or null.</param>
/// <param name="Source">Source actors (of the first mention).</param>
/// <param name="Recipient">Recipient actors (of the first mention).</param>
/// <param name="MentionCount">How many mentions (stories) report it.</param>
/// <param name="DedupPolicy">The policy in force when the event was created.</param>
/// <param name="FirstRecord">The coder's record id of its first mention (<c>doc#e1</c>).</param>
/// <param name="Mentions">Its mentions, oldest first.</param>
public sealed record StoredEvent(long Id, string Event, string? Mode, IReadOnlyList<string> Contexts, string Cameo, double? Goldstein, int Quad, string? Date, IReadOnlyList<StoredActor> Source, IReadOnlyList<StoredActor> Recipient, int MentionCount, string DedupPolicy, string FirstRecord, IReadOnlyList<StoredMention> Mentions)
{
    /// <summary>Where it happened (the location of its first mention), or null when no place was found.</summary>
    public StoredLocation? Location { get; init; }
}

/// <summary>One mention of a stored event: which document and sentence said it, and the coder's provenance.</summary>
/// <param name="DocId">The document id.</param>
/// <param name="Version">The document version.</param>
/// <param name="RecordId">The coder's record id.</param>
/// <param name="Sentence">First evidence sentence index.</param>
/// <param name="Evidence">The evidence text.</param>
/// <param name="EvidenceStart">Start offset of the evidence in the document text.</param>
/// <param name="EvidenceEnd">End offset (exclusive).</param>
/// <param name="Trigger">The trigger words.</param>
/// <param name="Confidence">The coder's confidence.</param>
/// <param name="Coder">Coder version.</param>
/// <param name="Codebook">Codebook version.</param>
/// <param name="DedupPolicy">The policy in force when this mention was stored.</param>
/// <param name="Publisher">The document's publisher, when known.</param>
/// <param name="Url">The document's URL, when known.</param>
/// <param name="Published">The document's publication time, when known.</param>
public sealed record StoredMention(string DocId, int Version, string RecordId, int Sentence, string Evidence, int EvidenceStart, int EvidenceEnd, string Trigger, double Confidence, string Coder, string Codebook, string DedupPolicy, string? Publisher, string? Url, string? Published);

/// <summary>One period of a dyad series.</summary>
/// <param name="Period">The ISO week's Monday (<c>2022-06-06</c>) or the month (<c>2022-06</c>).</param>
/// <param name="Events">Events in the period.</param>
/// <param name="VerbalCooperation">Quad 1 events.</param>
/// <param name="MaterialCooperation">Quad 2 events.</param>
/// <param name="VerbalConflict">Quad 3 events.</param>
/// <param name="MaterialConflict">Quad 4 events.</param>
/// <param name="GoldsteinSum">Sum of the Goldstein weights (events without one count as 0).</param>
/// <param name="GoldsteinMean">Mean Goldstein weight over the events that have one, or null.</param>
public sealed record DyadPeriod(string Period, long Events, long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict, double GoldsteinSum, double? GoldsteinMean);

/// <summary>A stored calendar item with the document that announced it.</summary>
/// <param name="DocId">The announcing document.</param>
/// <param name="Entry">The item.</param>
public sealed record StoredCalendarItem(string DocId, CalendarEntry Entry);

/// <summary>A document found by full-text search.</summary>
/// <param name="DocId">The document id.</param>
/// <param name="Version">Its current version.</param>
/// <param name="Title">Its title, when any.</param>
/// <param name="Published">Its publication time, when known.</param>
/// <param name="Snippet">The matching passage, matches in [brackets].</param>
/// <param name="Rank">Relevance (higher is better; scales differ between backends).</param>
public sealed record SearchHit(string DocId, int Version, string? Title, string? Published, string Snippet, double Rank);

/// <summary>Counts of what a store holds.</summary>
/// <param name="Documents">Current documents.</param>
/// <param name="Versions">Stored document versions (all).</param>
/// <param name="Events">Events (after deduplication).</param>
/// <param name="Mentions">Event mentions.</param>
/// <param name="CalendarItems">Calendar items.</param>
public sealed record StoreCounts(long Documents, long Versions, long Events, long Mentions, long CalendarItems);

/// <content>Queries and exports.</content>
public sealed partial class EventStore
{
    /// <summary>Counts of documents, versions, events, mentions and calendar items.</summary>
    public StoreCounts Counts()
    {
        long C(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);
        return new StoreCounts(
            C("SELECT COUNT(*) FROM documents WHERE is_current = 1"),
            C("SELECT COUNT(*) FROM documents"),
            C("SELECT COUNT(*) FROM events"),
            C("SELECT COUNT(*) FROM event_mentions"),
            C("SELECT COUNT(*) FROM calendar_items"));
    }

    /// <summary>Events matching <paramref name="query"/>, oldest date first (then by id), each with its mentions.</summary>
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ps = new List<(string, object?)>();
        // when the filters keep many events (≥ 1 %, estimated from the rollups), the actor filters are checked event by event
        // along the date order, so a page needs few probes; otherwise by the sets of the actors' events
        var probe = (query.Actor is { Length: > 0 } || query.Recipient is { Length: > 0 }) && Density(query) >= 0.01;
        var where = EventWhere(query, ps, _ => probe);
        ps.Add(("limit", Math.Max(1, query.Limit)));
        ps.Add(("offset", Math.Max(0, query.Offset)));
        return ReadEvents($"{EventColumns} FROM events e WHERE {where} ORDER BY e.date, e.id LIMIT @limit OFFSET @offset", [.. ps]);
    }

    /// <summary>
    /// The WHERE clause (over <c>events e</c>) of an event query's filters; parameters are added to <paramref name="ps"/>.
    /// An actor filter is written as a correlated EXISTS when <paramref name="probe"/> says so (for an actor in many events,
    /// whose page is found after few probes along an index), else as membership in the set of the actor's events.
    /// </summary>
    private static string EventWhere(EventQuery query, List<(string, object?)> ps, Func<string, bool>? probe = null)
    {
        var where = new StringBuilder("1 = 1");
        if (query.Actor is { Length: > 0 })
        {
            where.Append(probe?.Invoke(query.Actor) == true
                ? " AND " + ActorExists(query.Actor, "source", "a", ps)
                : " AND e.id IN (" + ActorSubquery(query.Actor, "source", "a", ps) + ")");
        }

        if (query.Recipient is { Length: > 0 })
        {
            where.Append(probe?.Invoke(query.Recipient) == true
                ? " AND " + ActorExists(query.Recipient, "recipient", "r", ps)
                : " AND e.id IN (" + ActorSubquery(query.Recipient, "recipient", "r", ps) + ")");
        }

        if (query.Type is { Length: > 0 } type)
        {
            if (type.All(char.IsAsciiDigit))
            {
                where.Append(" AND e.cameo LIKE @cameo");
                ps.Add(("cameo", type + "%"));
            }
            else
            {
                where.Append(" AND e.event_type = @type");
                ps.Add(("type", type.ToUpperInvariant()));
            }
        }

        if (query.From is { Length: > 0 })
        {
            where.Append(" AND e.date >= @from");
            ps.Add(("from", query.From));
        }

        if (query.To is { Length: > 0 })
        {
            where.Append(ToClause("e.date", query.To, ps));
        }

        if (query.Text is { Length: > 0 })
        {
            where.Append(" AND e.id IN (SELECT m.event_id FROM event_mentions m WHERE lower(m.evidence) LIKE @text)");
            ps.Add(("text", "%" + query.Text.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%"));
        }

        return where.ToString();
    }

    /// <summary>
    /// Every event (after deduplication) in id order, optionally within dates, read page by page so that memory stays
    /// bounded whatever the store's size; each with its mentions.
    /// </summary>
    public IEnumerable<StoredEvent> AllEvents(string? from = null, string? to = null, int pageSize = 1000)
    {
        long last = 0;
        while (true)
        {
            var ps = new List<(string, object?)> { ("last", last), ("n", pageSize) };
            var where = "e.id > @last";
            if (from is { Length: > 0 })
            {
                where += " AND e.date >= @from";
                ps.Add(("from", from));
            }

            if (to is { Length: > 0 })
            {
                where += ToClause("e.date", to, ps);
            }

            var page = ReadEvents($"{EventColumns} FROM events e WHERE {where} ORDER BY e.id LIMIT @n", [.. ps]);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            last = page[^1].Id;
        }
    }

    /// <summary>
    /// The WHERE condition on the <c>event_dyads</c> index (alias <c>d</c>; it holds each event once per unordered pair of
    /// entities, with its date, quad and weight) for the pair <paramref name="a"/>–<paramref name="b"/>: directed when
    /// asked (<paramref name="a"/> a source, <paramref name="b"/> a recipient), bounded by day or, for a partial bound, by
    /// month. Its parameters are added to <paramref name="ps"/>.
    /// </summary>
    private StringBuilder DyadFilter(string a, string b, bool directed, string? from, string? to, List<(string, object?)> ps)
    {
        var (lo, hi) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        ps.Add(("lo", lo));
        ps.Add(("hi", hi));
        var where = new StringBuilder("d.a = @lo AND d.b = @hi");
        if (directed)
        {
            where.Append(lo == a ? " AND d.direction IN (1, 3)" : " AND d.direction IN (2, 3)");
        }

        if (DayNumber(from) is { } fromDay)
        {
            where.Append(" AND d.date_day >= @from");
            ps.Add(("from", fromDay));
        }
        else if (from is { Length: >= 4 })
        {
            where.Append(" AND d.month >= @fromMonth");
            ps.Add(("fromMonth", from[..Math.Min(7, from.Length)]));
        }

        if (DayNumber(to) is { } toDay)
        {
            where.Append(" AND d.date_day <= @to");
            ps.Add(("to", toDay));
        }
        else if (to is { Length: >= 4 })
        {
            where.Append(ToClause("d.month", to[..Math.Min(7, to.Length)], ps));
        }

        return where;
    }

    /// <summary>
    /// The dyad series of two actors (ISO-3 country or organisation codes) per ISO week (labelled by its Monday) or per
    /// month: events counted by quad class, Goldstein sum and mean, from the <c>event_dyads</c> index (one row per event and
    /// unordered pair of its actor entities). Undirected (both among the event's actors, in any roles) unless
    /// <paramref name="directed"/>, where <paramref name="a"/> is a source and <paramref name="b"/> a recipient. Only events
    /// with a day-precise date are counted; a partial <paramref name="from"/>/<paramref name="to"/> bounds by month.
    /// </summary>
    public IReadOnlyList<DyadPeriod> Dyad(string a, string b, string by = "month", bool directed = false, string? from = null, string? to = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(a);
        ArgumentException.ThrowIfNullOrEmpty(b);
        var ps = new List<(string, object?)>();
        var period = by == "week" ? "(d.date_day / 7)" : "d.month";
        var where = DyadFilter(a, b, directed, from, to, ps);

        var sql = $"""
            SELECT {period} AS period, COUNT(*),
                SUM(CASE WHEN d.quad = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN d.quad = 2 THEN 1 ELSE 0 END),
                SUM(CASE WHEN d.quad = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN d.quad = 4 THEN 1 ELSE 0 END),
                COALESCE(SUM(d.goldstein), 0), AVG(d.goldstein)
            FROM event_dyads d WHERE {where}
            GROUP BY {period} ORDER BY 1
            """;
        var result = new List<DyadPeriod>();
        using var cmd = Command(sql, [.. ps]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var label = by == "week"
                ? DateOnly.FromDayNumber(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture) * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : r.GetString(0);
            long L(int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
            result.Add(new DyadPeriod(label, L(1), L(2), L(3), L(4), L(5), Math.Round(Convert.ToDouble(r.GetValue(6), CultureInfo.InvariantCulture), 6),
                r.IsDBNull(7) ? null : Math.Round(Convert.ToDouble(r.GetValue(7), CultureInfo.InvariantCulture), 6)));
        }

        return result;
    }

    /// <summary>
    /// Calendar items of current documents, by expected (else origin) date, optionally within dates and naming an actor,
    /// at most <paramref name="limit"/> (counted after the actor filter: the items are read in date order until enough match).
    /// </summary>
    public IReadOnlyList<StoredCalendarItem> Calendar(string? from = null, string? to = null, string? actor = null, int limit = 1000)
    {
        var where = new StringBuilder("d.is_current = 1");
        var filtered = actor is { Length: > 0 };
        var ps = new List<(string, object?)> { ("n", filtered ? int.MaxValue : Math.Max(1, limit)) };
        if (from is { Length: > 0 })
        {
            where.Append(" AND COALESCE(c.expected_date, c.origin_date) >= @from");
            ps.Add(("from", from));
        }

        if (to is { Length: > 0 })
        {
            where.Append(ToClause("COALESCE(c.expected_date, c.origin_date)", to, ps));
        }

        var items = new List<StoredCalendarItem>();
        using (var cmd = Command(
            $"""
            SELECT d.doc_id, c.kind, c.event_type, c.cameo, c.actors, c.expected_date, c.origin_date, c.evidence, c.evidence_start, c.evidence_end, c.trigger_text, c.how, c.coder
            FROM calendar_items c JOIN documents d ON d.id = c.document_id WHERE {where}
            ORDER BY COALESCE(c.expected_date, c.origin_date), d.doc_id, c.id LIMIT @n
            """,
            [.. ps]))
        using (var r = cmd.ExecuteReader())
        {
            while (items.Count < Math.Max(1, limit) && r.Read())
            {
                var actors = Actors(r.GetValue(4).ToString()!);
                if (filtered && !actors.Any(a => Matches(a, actor!)))
                {
                    continue;
                }

                items.Add(new StoredCalendarItem(r.GetString(0), new CalendarEntry(r.GetString(1), r.GetString(2), Str(r, 3), actors, Str(r, 5), Str(r, 6), r.GetString(7),
                    Int(r, 8), Int(r, 9), r.GetString(10), r.GetString(11), r.GetString(12))));
            }
        }

        return items;
    }

    /// <summary>
    /// Full-text search of current documents (FTS5 with the Porter stemmer in SQLite, an English tsvector in PostgreSQL):
    /// every word of <paramref name="text"/> must occur; best matches first.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '\'')]))
            .Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var sql = Pg
            ? """
              SELECT d.doc_id, d.version, d.title, d.published,
                  ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1'), ts_rank(d.search, q)
              FROM documents d, plainto_tsquery('english', @q) q
              WHERE d.search @@ q AND d.is_current = 1 ORDER BY 6 DESC, d.doc_id LIMIT @n
              """
            : """
              SELECT d.doc_id, d.version, d.title, d.published, snippet(documents_fts, 1, '[', ']', '…', 16), -bm25(documents_fts)
              FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
              WHERE documents_fts MATCH @q AND d.is_current = 1 ORDER BY 6 DESC, d.doc_id LIMIT @n
              """;
        var q = Pg ? string.Join(' ', words) : string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "", StringComparison.Ordinal) + "\""));
        var hits = new List<SearchHit>();
        using var cmd = Command(sql, ("q", q), ("n", Math.Max(1, limit)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            hits.Add(new SearchHit(r.GetString(0), Int(r, 1), Str(r, 2), Str(r, 3), r.GetString(4).ReplaceLineEndings(" "), Math.Round(Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture), 6)));
        }

        return hits;
    }

    private const string EventColumns = "SELECT e.id, e.event_type, e.mode, e.contexts, e.cameo, e.goldstein, e.quad, e.date, e.source, e.recipient, e.mention_count, e.dedup_policy, e.first_record, e.location";

    private List<StoredEvent> ReadEvents(string sql, (string, object?)[] ps)
    {
        var rows = new List<StoredEvent>();
        using (var cmd = Command(sql, ps))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add(new StoredEvent(
                    Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), Str(r, 2), JsonSerializer.Deserialize<List<string>>(r.GetString(3), Json) ?? [],
                    r.GetString(4), r.IsDBNull(5) ? null : Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture), Int(r, 6), Str(r, 7), Actors(r.GetString(8)), Actors(r.GetString(9)),
                    Int(r, 10), r.GetString(11), r.GetString(12), [])
                {
                    Location = r.IsDBNull(13) ? null : JsonSerializer.Deserialize<StoredLocation>(r.GetString(13), Json),
                });
            }
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        var mentions = new Dictionary<long, List<StoredMention>>();
        var ids = string.Join(',', rows.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)));
        using (var cmd = Command(
            $"""
            SELECT m.event_id, d.doc_id, d.version, m.record_id, m.sentence, m.evidence, m.evidence_start, m.evidence_end, m.trigger_text, m.confidence, m.coder, m.codebook,
                m.dedup_policy, d.publisher, d.url, d.published
            FROM event_mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id IN ({ids}) ORDER BY m.event_id, m.id
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
                if (!mentions.TryGetValue(id, out var list))
                {
                    mentions[id] = list = [];
                }

                list.Add(new StoredMention(r.GetString(1), Int(r, 2), r.GetString(3), Int(r, 4), r.GetString(5), Int(r, 6), Int(r, 7), r.GetString(8),
                    Convert.ToDouble(r.GetValue(9), CultureInfo.InvariantCulture), r.GetString(10), r.GetString(11), r.GetString(12), Str(r, 13), Str(r, 14), Str(r, 15)));
            }
        }

        return [.. rows.Select(e => e with { Mentions = mentions.TryGetValue(e.Id, out var m) ? m : [] })];
    }

    /// <summary>
    /// The ids of events with an actor matching <paramref name="actor"/> (<c>KAZ</c>, <c>NATO</c>, <c>KAZ-LEG</c>, or a
    /// canonical name) in <paramref name="role"/> (any role when null), as a subquery; parameters are added to <paramref name="ps"/>.
    /// </summary>
    private static string ActorSubquery(string actor, string? role, string prefix, List<(string, object?)> ps, bool byName = true)
    {
        var (code, sector) = SplitActor(actor);
        var roleClause = role is null ? "" : $" AND role = @{prefix}role";
        if (role is not null)
        {
            ps.Add((prefix + "role", role));
        }

        var sectorClause = sector is null ? "" : $" AND sector = @{prefix}sector";
        if (sector is not null)
        {
            ps.Add((prefix + "sector", sector));
        }

        ps.Add((prefix + "code", code));
        var sql = $"SELECT event_id FROM event_actors WHERE country = @{prefix}code{roleClause}{sectorClause}"
            + $" UNION SELECT event_id FROM event_actors WHERE org = @{prefix}code{roleClause}{sectorClause}";
        if (byName)
        {
            ps.Add((prefix + "name", actor.ToLowerInvariant()));
            sql += $" UNION SELECT event_id FROM event_actors WHERE lower(name) = @{prefix}name{roleClause}";
        }

        return sql;
    }

    /// <summary>The same condition as <see cref="ActorSubquery"/> (with its name match), as an EXISTS over the event <c>e</c>'s actors.</summary>
    private static string ActorExists(string actor, string role, string prefix, List<(string, object?)> ps)
    {
        var (code, sector) = SplitActor(actor);
        ps.Add((prefix + "role", role));
        ps.Add((prefix + "code", code));
        ps.Add((prefix + "name", actor.ToLowerInvariant()));
        var sectorClause = "";
        if (sector is not null)
        {
            ps.Add((prefix + "sector", sector));
            sectorClause = $" AND x.sector = @{prefix}sector";
        }

        return $"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role = @{prefix}role"
            + $" AND (((x.country = @{prefix}code OR x.org = @{prefix}code){sectorClause}) OR lower(x.name) = @{prefix}name))";
    }

    /// <summary>
    /// The estimated share of all events an event query keeps: the product of its actors' and type's shares in the
    /// rollups (as if independent); 0 (rare) with a text filter or a name for an actor.
    /// </summary>
    private double Density(EventQuery query)
    {
        if (query.Text is { Length: > 0 })
        {
            return 0;
        }

        var density = 1.0;
        foreach (var actor in new[] { query.Actor, query.Recipient })
        {
            if (actor is { Length: > 0 })
            {
                density *= Share(actor);
            }
        }

        if (query.Type is { Length: > 0 } type && density > 0)
        {
            var total = Convert.ToDouble(Scalar("SELECT COALESCE(SUM(events), 0) FROM agg_event_types"), CultureInfo.InvariantCulture);
            density *= type.All(char.IsAsciiDigit) || total <= 0
                ? 0.05
                : Convert.ToDouble(Scalar("SELECT COALESCE(SUM(events), 0) FROM agg_event_types WHERE event_type = @t", ("t", type.ToUpperInvariant())), CultureInfo.InvariantCulture) / total;
        }

        return density;
    }

    /// <summary>The share of all events that name the entity of <paramref name="actor"/> (a country or organisation code, with or without sector), from the rollups; 0 for names.</summary>
    private double Share(string actor)
    {
        var (code, _) = SplitActor(actor);
        var total = Convert.ToDouble(Scalar("SELECT COALESCE(SUM(events), 0) FROM agg_event_types"), CultureInfo.InvariantCulture);
        return total <= 0 ? 0 : Convert.ToDouble(Scalar("SELECT COALESCE(SUM(events), 0) FROM agg_entities WHERE entity = @c", ("c", code)), CultureInfo.InvariantCulture) / total;
    }

    /// <summary>An inclusive upper bound on an ISO date column: a partial <paramref name="to"/> (<c>2022-06</c>) takes its whole month or year.</summary>
    private static string ToClause(string column, string to, List<(string, object?)> ps)
    {
        ps.Add(("to", to));
        return string.Create(CultureInfo.InvariantCulture, $" AND substr({column}, 1, {to.Length}) <= @to");
    }

    private static (string Code, string? Sector) SplitActor(string actor)
    {
        var dash = actor.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && actor[..dash].All(char.IsAsciiLetterUpper) && actor[(dash + 1)..].All(char.IsAsciiLetterUpper)
            ? (actor[..dash], actor[(dash + 1)..])
            : (actor, null);
    }

    private static bool Matches(StoredActor a, string actor)
    {
        var (code, sector) = SplitActor(actor);
        return (a.Country == code || a.Org == code || string.Equals(a.Name, actor, StringComparison.OrdinalIgnoreCase)) && (sector is null || a.Sector == sector);
    }

    private static IReadOnlyList<StoredActor> Actors(string json) => JsonSerializer.Deserialize<List<StoredActor>>(json, Json) ?? [];

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
