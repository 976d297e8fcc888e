using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parley.Storage;

/// <summary>Events of one month by quad class.</summary>
/// <param name="Month">The month (<c>2022-06</c>).</param>
/// <param name="VerbalCooperation">Quad class 1.</param>
/// <param name="MaterialCooperation">Quad class 2.</param>
/// <param name="VerbalConflict">Quad class 3.</param>
/// <param name="MaterialConflict">Quad class 4.</param>
public sealed record MonthQuadCounts(string Month, long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict);

/// <summary>A PLOVER event type and how many events have it.</summary>
/// <param name="Event">The PLOVER type.</param>
/// <param name="Events">Events of that type.</param>
public sealed record TypeCount(string Event, long Events);

/// <summary>A pair of actor entities (ISO-3 country, else organisation code) and the events naming both.</summary>
/// <param name="A">The alphabetically first entity.</param>
/// <param name="B">The other.</param>
/// <param name="Events">Events whose actors include both (in any roles).</param>
/// <param name="GoldsteinMean">Mean Goldstein weight of those of the events that have one, or null when none has.</param>
public sealed record PairCount(string A, string B, long Events, double? GoldsteinMean);

/// <summary>An actor entity (ISO-3 country, else organisation code) and its events.</summary>
/// <param name="Code">The entity code.</param>
/// <param name="Kind"><c>country</c> or <c>org</c>.</param>
/// <param name="Events">Events naming it.</param>
/// <param name="AsSource">Of which with it as a source.</param>
/// <param name="AsRecipient">Of which with it as a recipient (an event may count in both roles).</param>
public sealed record EntityCount(string Code, string Kind, long Events, long AsSource, long AsRecipient);

/// <summary>An actor (country or organisation with its sector, <c>KAZ-LEG</c>, <c>NATO</c>) and its events, from the monthly rollups.</summary>
/// <param name="Code">The country (else organisation) code, with <c>-SECTOR</c> when a sector is known.</param>
/// <param name="Country">ISO-3 country code, or null.</param>
/// <param name="Org">Organisation code, or null.</param>
/// <param name="Sector">Sector code, or null.</param>
/// <param name="Events">Events naming it.</param>
/// <param name="AsSource">Of which with it as a source.</param>
/// <param name="AsRecipient">Of which with it as a recipient.</param>
/// <param name="FirstMonth">The first month of its dated events, or null when none is dated.</param>
/// <param name="LastMonth">The last month of its dated events, or null.</param>
public sealed record ActorCount(string Code, string? Country, string? Org, string? Sector, long Events, long AsSource, long AsRecipient, string? FirstMonth, string? LastMonth);

/// <summary>What the events of a period look like.</summary>
/// <param name="Events">Events in the period (all events, dated or not, when no period is given).</param>
/// <param name="ByMonth">Events per month by quad class (dated events only), oldest month first.</param>
/// <param name="Types">PLOVER types, most frequent first.</param>
/// <param name="Dyads">Pairs of entities, most events first.</param>
public sealed record EventOverview(long Events, IReadOnlyList<MonthQuadCounts> ByMonth, IReadOnlyList<TypeCount> Types, IReadOnlyList<PairCount> Dyads);

/// <summary>The actor network of a period: entities and the events linking them.</summary>
/// <param name="Nodes">Entities, most events first.</param>
/// <param name="Edges">Pairs of those entities with their events, heaviest first.</param>
public sealed record ActorNetwork(IReadOnlyList<EntityCount> Nodes, IReadOnlyList<PairCount> Edges);

/// <content>
/// Monthly rollups (migration 4): per month, events by type and quad class, by actor (country, organisation, sector), by
/// entity and by pair of entities. They count each event (after deduplication) once, with the actors of the mention that
/// created it (the event's <c>source</c>/<c>recipient</c>); an undated event is filed under the month <c>''</c>. They are
/// changed in the transaction that creates or deletes events (the changes are summed in memory and written just before the
/// commit), so they always agree with the events table; <see cref="RebuildAggregates"/> recomputes them from scratch.
/// Their period filters work by month: a day in <c>from</c> or <c>to</c> selects its whole month.
/// </content>
public sealed partial class EventStore
{
    private readonly Dictionary<(string Month, string Type, int Quad), long> _aggTypes = [];
    private readonly Dictionary<(string Month, string Country, string Org, string Sector), (long Events, long Source, long Recipient)> _aggActors = [];
    private readonly Dictionary<(string Month, string Entity), (string Kind, long Events, long Source, long Recipient)> _aggEntities = [];
    private readonly Dictionary<(string Month, string A, string B), (long Events, long Weighted, double Sum)> _aggDyads = [];

    /// <summary>
    /// Recomputes the rollups from the stored events, in one transaction (for a store whose rollups are suspected wrong;
    /// opening an older store fills them once by itself).
    /// </summary>
    public void RebuildAggregates()
    {
        using var tx = _db.BeginTransaction();
        _tx = tx;
        try
        {
            FillAggregates();
            tx.Commit();
        }
        finally
        {
            ClearAggregates();
            _tx = null;
        }
    }

    /// <summary>Empties the rollups and counts every stored event into them, a page of events at a time (inside the open transaction).</summary>
    private void FillAggregates()
    {
        Execute("DELETE FROM agg_event_types; DELETE FROM agg_actors; DELETE FROM agg_entities; DELETE FROM agg_dyads");
        long last = 0;
        while (true)
        {
            var n = 0;
            using (var cmd = Command("SELECT id, event_type, quad, date, goldstein, source, recipient FROM events WHERE id > @last ORDER BY id LIMIT 20000", ("last", last)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    n++;
                    last = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
                    CountEvent(r.GetString(1), Int(r, 2), Str(r, 3), r.IsDBNull(4) ? null : Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture),
                        Actors(r.GetValue(5).ToString()!), Actors(r.GetValue(6).ToString()!), 1);
                }
            }

            FlushAggregates();
            if (n < 20000)
            {
                return;
            }
        }
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or removes (-1) one event's contribution to the pending rollup changes.</summary>
    private void CountEvent(string type, int quad, string? date, double? goldstein, IReadOnlyList<StoredActor> source, IReadOnlyList<StoredActor> recipient, int sign)
    {
        var month = date is { Length: >= 7 } ? date[..7] : "";
        _aggTypes[(month, type, quad)] = _aggTypes.GetValueOrDefault((month, type, quad)) + sign;

        var actors = new Dictionary<(string, string, string), int>();
        var entities = new Dictionary<string, (string Kind, int Roles)>(StringComparer.Ordinal);
        foreach (var (list, role) in new[] { (source, 1), (recipient, 2) })
        {
            foreach (var a in list)
            {
                if (a.Entity is not { } entity)
                {
                    continue;
                }

                var key = (a.Country ?? "", a.Org ?? "", a.Sector ?? "");
                actors[key] = actors.GetValueOrDefault(key) | role;
                entities[entity] = (a.Country is not null ? "country" : "org", (entities.TryGetValue(entity, out var e) ? e.Roles : 0) | role);
            }
        }

        foreach (var ((country, org, sector), roles) in actors)
        {
            var (n, s, r) = _aggActors.GetValueOrDefault((month, country, org, sector));
            _aggActors[(month, country, org, sector)] = (n + sign, s + ((roles & 1) != 0 ? sign : 0), r + ((roles & 2) != 0 ? sign : 0));
        }

        foreach (var (entity, (kind, roles)) in entities)
        {
            var (_, n, s, r) = _aggEntities.GetValueOrDefault((month, entity));
            _aggEntities[(month, entity)] = (kind, n + sign, s + ((roles & 1) != 0 ? sign : 0), r + ((roles & 2) != 0 ? sign : 0));
        }

        var sorted = entities.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < sorted.Count; j++)
            {
                var (n, w, g) = _aggDyads.GetValueOrDefault((month, sorted[i], sorted[j]));
                _aggDyads[(month, sorted[i], sorted[j])] = goldstein is { } x ? (n + sign, w + sign, g + (sign * x)) : (n + sign, w, g);
            }
        }
    }

    /// <summary>Before an event without mentions is deleted, takes its contribution out of the rollups.</summary>
    private void UncountIfUnmentioned(long eventId)
    {
        using var cmd = Command("SELECT event_type, quad, date, goldstein, source, recipient FROM events WHERE id = @e AND mention_count = 0", ("e", eventId));
        using var r = cmd.ExecuteReader();
        if (r.Read())
        {
            CountEvent(r.GetString(0), Int(r, 1), Str(r, 2), r.IsDBNull(3) ? null : Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture),
                Actors(r.GetValue(4).ToString()!), Actors(r.GetValue(5).ToString()!), -1);
        }
    }

    private void ClearAggregates()
    {
        _aggTypes.Clear();
        _aggActors.Clear();
        _aggEntities.Clear();
        _aggDyads.Clear();
    }

    /// <summary>
    /// Writes the pending rollup changes inside the open transaction: an upsert per changed row in SQLite (prepared,
    /// microseconds each), one upsert per table from arrays in PostgreSQL (one round trip each).
    /// </summary>
    private void FlushAggregates()
    {
        var types = _aggTypes.Where(t => t.Value != 0).ToList();
        var actors = _aggActors.Where(t => t.Value != default).ToList();
        var entities = _aggEntities.Where(t => (t.Value.Events, t.Value.Source, t.Value.Recipient) != default).ToList();
        var dyads = _aggDyads.Where(t => t.Value.Events != 0 || t.Value.Weighted != 0).ToList();
        ClearAggregates();
        const string TypesSql = "INSERT INTO agg_event_types (month, event_type, quad, events) {0} ON CONFLICT (month, event_type, quad) DO UPDATE SET events = agg_event_types.events + excluded.events";
        const string ActorsSql = "INSERT INTO agg_actors (month, country, org, sector, events, as_source, as_recipient) {0} ON CONFLICT (month, country, org, sector) DO UPDATE SET events = agg_actors.events + excluded.events, as_source = agg_actors.as_source + excluded.as_source, as_recipient = agg_actors.as_recipient + excluded.as_recipient";
        const string EntitiesSql = "INSERT INTO agg_entities (month, entity, kind, events, as_source, as_recipient) {0} ON CONFLICT (month, entity) DO UPDATE SET events = agg_entities.events + excluded.events, as_source = agg_entities.as_source + excluded.as_source, as_recipient = agg_entities.as_recipient + excluded.as_recipient";
        const string DyadsSql = "INSERT INTO agg_dyads (month, a, b, events, weighted, goldstein_sum) {0} ON CONFLICT (month, a, b) DO UPDATE SET events = agg_dyads.events + excluded.events, weighted = agg_dyads.weighted + excluded.weighted, goldstein_sum = agg_dyads.goldstein_sum + excluded.goldstein_sum";
        if (Pg)
        {
            string Sql(string template, string columns) => string.Format(CultureInfo.InvariantCulture, template, "SELECT * FROM unnest(" + columns + ")");
            if (types.Count > 0)
            {
                Execute(Sql(TypesSql, "@m, @t, @q, @n"), ("m", types.Select(t => t.Key.Month).ToArray()), ("t", types.Select(t => t.Key.Type).ToArray()),
                    ("q", types.Select(t => t.Key.Quad).ToArray()), ("n", types.Select(t => t.Value).ToArray()));
            }

            if (actors.Count > 0)
            {
                Execute(Sql(ActorsSql, "@m, @c, @o, @s, @n, @src, @rcp"), ("m", actors.Select(t => t.Key.Month).ToArray()), ("c", actors.Select(t => t.Key.Country).ToArray()),
                    ("o", actors.Select(t => t.Key.Org).ToArray()), ("s", actors.Select(t => t.Key.Sector).ToArray()), ("n", actors.Select(t => t.Value.Events).ToArray()),
                    ("src", actors.Select(t => t.Value.Source).ToArray()), ("rcp", actors.Select(t => t.Value.Recipient).ToArray()));
            }

            if (entities.Count > 0)
            {
                Execute(Sql(EntitiesSql, "@m, @e, @k, @n, @src, @rcp"), ("m", entities.Select(t => t.Key.Month).ToArray()), ("e", entities.Select(t => t.Key.Entity).ToArray()),
                    ("k", entities.Select(t => t.Value.Kind).ToArray()), ("n", entities.Select(t => t.Value.Events).ToArray()),
                    ("src", entities.Select(t => t.Value.Source).ToArray()), ("rcp", entities.Select(t => t.Value.Recipient).ToArray()));
            }

            if (dyads.Count > 0)
            {
                Execute(Sql(DyadsSql, "@m, @a, @b, @n, @w, @g"), ("m", dyads.Select(t => t.Key.Month).ToArray()), ("a", dyads.Select(t => t.Key.A).ToArray()),
                    ("b", dyads.Select(t => t.Key.B).ToArray()), ("n", dyads.Select(t => t.Value.Events).ToArray()), ("w", dyads.Select(t => t.Value.Weighted).ToArray()),
                    ("g", dyads.Select(t => t.Value.Sum).ToArray()));
            }

            return;
        }

        var types1 = string.Format(CultureInfo.InvariantCulture, TypesSql, "VALUES (@m, @t, @q, @n)");
        foreach (var ((m, t, q), n) in types)
        {
            ExecutePrepared(types1, ("m", m), ("t", t), ("q", q), ("n", n));
        }

        var actors1 = string.Format(CultureInfo.InvariantCulture, ActorsSql, "VALUES (@m, @c, @o, @s, @n, @src, @rcp)");
        foreach (var ((m, c, o, s), (n, src, rcp)) in actors)
        {
            ExecutePrepared(actors1, ("m", m), ("c", c), ("o", o), ("s", s), ("n", n), ("src", src), ("rcp", rcp));
        }

        var entities1 = string.Format(CultureInfo.InvariantCulture, EntitiesSql, "VALUES (@m, @e, @k, @n, @src, @rcp)");
        foreach (var ((m, e), (k, n, src, rcp)) in entities)
        {
            ExecutePrepared(entities1, ("m", m), ("e", e), ("k", k), ("n", n), ("src", src), ("rcp", rcp));
        }

        var dyads1 = string.Format(CultureInfo.InvariantCulture, DyadsSql, "VALUES (@m, @a, @b, @n, @w, @g)");
        foreach (var ((m, a, b), (n, w, g)) in dyads)
        {
            ExecutePrepared(dyads1, ("m", m), ("a", a), ("b", b), ("n", n), ("w", w), ("g", g));
        }
    }

    /// <summary>
    /// The events of a period at a glance, from the rollups: how many, per month by quad class, the <paramref name="top"/>
    /// most frequent types and pairs of entities. <paramref name="from"/>/<paramref name="to"/> (ISO, partial allowed) select
    /// whole months; with either, undated events are left out.
    /// </summary>
    public EventOverview Overview(string? from = null, string? to = null, int top = 10)
    {
        var n = Math.Max(1, top);
        var ps = new List<(string, object?)>();
        var where = MonthWhere(from, to, ps);
        long total = 0;
        var months = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        using (var cmd = Command($"SELECT month, quad, SUM(events) FROM agg_event_types WHERE {where} GROUP BY month, quad", [.. ps]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var count = Long(r, 2);
                total += count;
                var (month, quad) = (r.GetString(0), Int(r, 1));
                if (month.Length == 0 || quad is < 1 or > 4 || count == 0)
                {
                    continue;
                }

                if (!months.TryGetValue(month, out var q))
                {
                    months[month] = q = new long[4];
                }

                q[quad - 1] += count;
            }
        }

        var types = new List<TypeCount>();
        using (var cmd = Command($"SELECT event_type, SUM(events) FROM agg_event_types WHERE {where} GROUP BY event_type HAVING SUM(events) > 0 ORDER BY 2 DESC, 1 LIMIT @n", [.. ps, ("n", n)]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                types.Add(new TypeCount(r.GetString(0), Long(r, 1)));
            }
        }

        var dyads = Pairs($"SELECT a, b, SUM(events), SUM(weighted), SUM(goldstein_sum) FROM agg_dyads WHERE {where} GROUP BY a, b HAVING SUM(events) > 0 ORDER BY 3 DESC, a, b LIMIT @n", [.. ps, ("n", n)]);
        return new EventOverview(total, [.. months.Select(m => new MonthQuadCounts(m.Key, m.Value[0], m.Value[1], m.Value[2], m.Value[3]))], types, dyads);
    }

    /// <summary>
    /// The actor network of a period, from the rollups: the <paramref name="maxNodes"/> entities with the most events
    /// (<paramref name="kind"/> <c>country</c>, <c>org</c> or <c>all</c>), and the pairs of them named together by at least
    /// <paramref name="minEdge"/> events. Periods select whole months.
    /// </summary>
    public ActorNetwork Network(string? from = null, string? to = null, string kind = "all", int maxNodes = 40, int minEdge = 1)
    {
        var ps = new List<(string, object?)>();
        var where = new StringBuilder(MonthWhere(from, to, ps));
        if (kind is "country" or "org")
        {
            where.Append(" AND kind = @kind");
            ps.Add(("kind", kind));
        }

        var nodes = new List<EntityCount>();
        using (var cmd = Command(
            $"SELECT entity, MIN(kind), SUM(events), SUM(as_source), SUM(as_recipient) FROM agg_entities WHERE {where} GROUP BY entity HAVING SUM(events) > 0 ORDER BY 3 DESC, 1 LIMIT @n",
            [.. ps, ("n", Math.Max(1, maxNodes))]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                nodes.Add(new EntityCount(r.GetString(0), r.GetString(1), Long(r, 2), Long(r, 3), Long(r, 4)));
            }
        }

        if (nodes.Count < 2)
        {
            return new ActorNetwork(nodes, []);
        }

        var eps = new List<(string, object?)>();
        var months = MonthWhere(from, to, eps);
        var names = string.Join(", ", nodes.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@e{i}")));
        eps.AddRange(nodes.Select((x, i) => (string.Create(CultureInfo.InvariantCulture, $"e{i}"), (object?)x.Code)));
        eps.Add(("min", Math.Max(1, minEdge)));
        var edges = Pairs(
            $"SELECT a, b, SUM(events), SUM(weighted), SUM(goldstein_sum) FROM agg_dyads WHERE {months} AND a IN ({names}) AND b IN ({names}) GROUP BY a, b HAVING SUM(events) >= @min ORDER BY 3 DESC, a, b",
            [.. eps]);
        return new ActorNetwork(nodes, edges);
    }

    /// <summary>
    /// The actors (country or organisation with sector) of a period's events from the rollups, most events first (then by
    /// code), at most <paramref name="limit"/>; <paramref name="kind"/> <c>country</c> keeps actors with a country,
    /// <c>org</c> those with only an organisation. Unlike <see cref="Actors(ActorQuery)"/>, which reads every actor mention
    /// (exact mention dates, text search, the people seen), this counts each event once with the actors of the mention that
    /// created it, and periods select whole months; it answers in milliseconds on millions of events.
    /// </summary>
    public IReadOnlyList<ActorCount> ActorCounts(string? from = null, string? to = null, string kind = "all", int limit = 100)
    {
        var ps = new List<(string, object?)>();
        var where = new StringBuilder(MonthWhere(from, to, ps));
        if (kind == "country")
        {
            where.Append(" AND country <> ''");
        }
        else if (kind == "org")
        {
            where.Append(" AND country = ''");
        }

        var result = new List<ActorCount>();
        using var cmd = Command(
            $"""
            SELECT country, org, sector, SUM(events), SUM(as_source), SUM(as_recipient), MIN(CASE WHEN month <> '' AND events > 0 THEN month END), MAX(CASE WHEN events > 0 THEN month END)
            FROM agg_actors WHERE {where} GROUP BY country, org, sector HAVING SUM(events) > 0
            ORDER BY 4 DESC, CASE WHEN country <> '' THEN country ELSE org END, sector, org LIMIT @n
            """,
            [.. ps, ("n", Math.Max(1, limit))]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            static string? Null(string s) => s.Length == 0 ? null : s;
            var (country, org, sector) = (Null(r.GetString(0)), Null(r.GetString(1)), Null(r.GetString(2)));
            var last = Str(r, 7);
            result.Add(new ActorCount((country ?? org) + (sector is null ? "" : "-" + sector), country, org, sector, Long(r, 3), Long(r, 4), Long(r, 5), Str(r, 6),
                last is { Length: > 0 } ? last : null));
        }

        return result;
    }

    /// <summary>
    /// The events of the dyad of two entities (ISO-3 country or organisation codes) from the <c>event_dyads</c> index, as
    /// <see cref="Dyad"/> counts them (day-dated events naming both; with <paramref name="directed"/>, <paramref name="a"/>
    /// a source and <paramref name="b"/> a recipient), newest first, at most <paramref name="limit"/>, each with its mentions.
    /// </summary>
    public IReadOnlyList<StoredEvent> DyadEvents(string a, string b, bool directed = false, string? from = null, string? to = null, int limit = 200)
    {
        ArgumentException.ThrowIfNullOrEmpty(a);
        ArgumentException.ThrowIfNullOrEmpty(b);
        var ps = new List<(string, object?)> { ("n", Math.Max(1, limit)) };
        var where = DyadFilter(a, b, directed, from, to, ps);
        var ids = new List<long>();
        using (var cmd = Command($"SELECT d.event_id FROM event_dyads d WHERE {where} ORDER BY d.date_day DESC, d.event_id DESC LIMIT @n", [.. ps]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(Long(r, 0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var events = ReadEvents($"{EventColumns} FROM events e WHERE e.id IN ({string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})", []);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. events.OrderBy(e => order[e.Id])];
    }

    /// <summary>
    /// Every event matching <paramref name="query"/> (its <see cref="EventQuery.Limit"/> and <see cref="EventQuery.Offset"/>
    /// are ignored) in id order, each with its mentions, read from ONE query as the caller consumes them: nothing is held
    /// but the event being built, so a caller can write each out as it comes. The connection is busy until the enumeration
    /// ends or is disposed.
    /// </summary>
    public IEnumerable<StoredEvent> StreamEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ps = new List<(string, object?)>();
        var where = EventWhere(query, ps);
        var sql = $"""
            {EventColumns}, m.event_id, d.doc_id, d.version, m.record_id, m.sentence, m.evidence, m.evidence_start, m.evidence_end, m.trigger_text, m.confidence, m.coder, m.codebook,
                m.dedup_policy, d.publisher, d.url, d.published
            FROM events e LEFT JOIN event_mentions m ON m.event_id = e.id LEFT JOIN documents d ON d.id = m.document_id
            WHERE {where} ORDER BY e.id, m.id
            """;
        return Stream(sql, [.. ps]);
    }

    private IEnumerable<StoredEvent> Stream(string sql, (string, object?)[] ps)
    {
        using var cmd = Command(sql, ps);
        using var r = cmd.ExecuteReader();
        StoredEvent? current = null;
        var mentions = new List<StoredMention>();
        while (r.Read())
        {
            var id = Long(r, 0);
            if (current is null || current.Id != id)
            {
                if (current is not null)
                {
                    yield return current with { Mentions = mentions };
                    mentions = [];
                }

                current = new StoredEvent(
                    id, r.GetString(1), Str(r, 2), JsonSerializer.Deserialize<List<string>>(r.GetValue(3).ToString()!, Json) ?? [],
                    r.GetString(4), r.IsDBNull(5) ? null : Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture), Int(r, 6), Str(r, 7),
                    Actors(r.GetValue(8).ToString()!), Actors(r.GetValue(9).ToString()!), Int(r, 10), r.GetString(11), r.GetString(12), [])
                {
                    Location = r.IsDBNull(13) ? null : JsonSerializer.Deserialize<StoredLocation>(r.GetValue(13).ToString()!, Json),
                };
            }

            const int M = 14;
            if (!r.IsDBNull(M))
            {
                mentions.Add(new StoredMention(r.GetString(M + 1), Int(r, M + 2), r.GetString(M + 3), Int(r, M + 4), r.GetString(M + 5), Int(r, M + 6), Int(r, M + 7), r.GetString(M + 8),
                    Convert.ToDouble(r.GetValue(M + 9), CultureInfo.InvariantCulture), r.GetString(M + 10), r.GetString(M + 11), r.GetString(M + 12), Str(r, M + 13), Str(r, M + 14), Str(r, M + 15)));
            }
        }

        if (current is not null)
        {
            yield return current with { Mentions = mentions };
        }
    }

    private List<PairCount> Pairs(string sql, (string, object?)[] ps)
    {
        var pairs = new List<PairCount>();
        using var cmd = Command(sql, ps);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var weighted = Long(r, 3);
            pairs.Add(new PairCount(r.GetString(0), r.GetString(1), Long(r, 2),
                weighted > 0 ? Math.Round(Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture) / weighted, 3) : null));
        }

        return pairs;
    }

    /// <summary>The rollups' period filter: whole months; with a bound, undated events (month <c>''</c>) are out.</summary>
    private static string MonthWhere(string? from, string? to, List<(string, object?)> ps)
    {
        var where = new StringBuilder("1 = 1");
        if (from is { Length: > 0 } || to is { Length: > 0 })
        {
            where.Append(" AND month <> ''");
        }

        if (from is { Length: > 0 })
        {
            where.Append(" AND month >= @from");
            ps.Add(("from", from[..Math.Min(7, from.Length)]));
        }

        if (to is { Length: > 0 })
        {
            where.Append(ToClause("month", to[..Math.Min(7, to.Length)], ps));
        }

        return where.ToString();
    }
}
