using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Core;

namespace Parley.Storage;

/// <summary>
/// Parley's event store: documents (versioned by content), event mentions with full provenance, the events that
/// cross-story deduplication links them to, their actors in a normalised table, calendar items and a full-text index of
/// documents, in SQLite (a file: WAL, foreign keys on) or PostgreSQL. Opening a store applies the numbered migrations it
/// lacks. Each document is written in one transaction, alone (<see cref="Store(DocumentRecord, IReadOnlyList{EventMention}, IReadOnlyList{CalendarEntry}, DedupPolicy)"/>)
/// or with other whole documents (<see cref="StoreMany(IReadOnlyList{StoreItem}, DedupPolicy)"/>), so a run killed at any
/// point leaves no half-stored document and a rerun completes the rest. One instance holds one connection and is not thread-safe: use one per thread (SQLite in WAL
/// mode lets readers work beside the single writer).
/// </summary>
public sealed partial class EventStore : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> SymmetricTypes = new(StringComparer.Ordinal) { "CONSULT", "COOPERATE" };

    private readonly DbConnection _db;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbTransaction? _tx;

    private EventStore(StoreLocation location, DbConnection db)
    {
        Location = location;
        _db = db;
    }

    /// <summary>Where the store lives.</summary>
    public StoreLocation Location { get; }

    /// <summary>The engine.</summary>
    public StoreBackend Backend => Location.Backend;

    /// <summary>The schema version after opening (the newest migration applied).</summary>
    public int SchemaVersion { get; private set; }

    private bool Pg => Backend == StoreBackend.Postgres;

    /// <summary>Opens (creating when absent) and migrates the store named by a <c>--store</c> value.</summary>
    /// <exception cref="ParleyException">PRL3001 for a bad value; PRL2005 when the store cannot be opened or migrated; PRL2006 when its schema is newer than this build.</exception>
    public static EventStore Open(string? store) => Open(StoreLocation.Parse(store));

    /// <summary>Opens (creating when absent) and migrates a store.</summary>
    /// <exception cref="ParleyException">PRL2005 when the store cannot be opened or migrated; PRL2006 when its schema is newer than this build.</exception>
    public static EventStore Open(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        DbConnection? db = null;
        try
        {
            if (location.Backend == StoreBackend.Sqlite)
            {
                var folder = Path.GetDirectoryName(location.ConnectionString);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                var builder = new SqliteConnectionStringBuilder { DataSource = location.ConnectionString, ForeignKeys = true, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60 };
                db = new SqliteConnection(builder.ConnectionString);
                db.Open();
                using var pragma = db.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";
                pragma.ExecuteNonQuery();
            }
            else
            {
                // statements used again and again (the writes of each document) are prepared on the server once
                var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
                if (builder.MaxAutoPrepare == 0)
                {
                    builder.MaxAutoPrepare = 64;
                }

                db = new NpgsqlConnection(builder.ConnectionString);
                db.Open();
            }

            var store = new EventStore(location, db);
            store.Migrate();
            return store;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            db?.Dispose();
            throw new ParleyException(Errors.StoreUnavailable, $"cannot open the store {location.Display}: {ex.Message}", null, ex);
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    /// <summary>Closes the connection (and its prepared statements).</summary>
    public void Dispose()
    {
        foreach (var cmd in _prepared.Values)
        {
            cmd.Dispose();
        }

        _prepared.Clear();
        _db.Dispose();
    }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        if (current > Migrations.Latest)
        {
            throw new ParleyException(Errors.StoreSchemaTooNew, $"the store {Location.Display} has schema version {current}; this Parley knows up to {Migrations.Latest}: upgrade Parley");
        }

        foreach (var m in Migrations.All.Where(m => m.Version > current))
        {
            using var tx = _db.BeginTransaction();
            _tx = tx;
            try
            {
                Execute(Pg ? m.Postgres : m.Sqlite);
                if (m.Version == Migrations.AggregatesVersion)
                {
                    FillAggregates();
                }

                Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", ("v", m.Version), ("n", m.Name), ("t", Now()));
                tx.Commit();
            }
            finally
            {
                _tx = null;
            }

            current = m.Version;
        }

        SchemaVersion = current;
    }

    /// <summary>The versions applied to this store, in order (the <c>schema_migrations</c> table).</summary>
    public IReadOnlyList<int> AppliedMigrations()
    {
        var result = new List<int>();
        using var cmd = Command("SELECT version FROM schema_migrations ORDER BY version");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result.Add(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>True when a document with this content hash is stored (under any id): ingesting it again would be skipped.</summary>
    public bool ContainsContent(string contentHash) => ScalarPrepared("SELECT 1 FROM documents WHERE content_hash = @h", ("h", contentHash)) is not null;

    /// <summary>
    /// Stores one document with its event mentions and calendar items in one transaction. The same content (by
    /// <see cref="DocumentRecord.ContentHash"/>) is skipped; changed content under a known id becomes the next version and
    /// replaces the previous version's mentions and calendar items (its text is kept). Each mention is linked to an event:
    /// an existing one from another document when <paramref name="policy"/> finds one, else a new one.
    /// </summary>
    /// <exception cref="ParleyException">PRL2005 when the database refuses the write; nothing of the document is then stored.</exception>
    public StoreResult Store(DocumentRecord document, IReadOnlyList<EventMention> mentions, IReadOnlyList<CalendarEntry> calendar, DedupPolicy policy) =>
        Store(document, mentions, calendar, policy, null);

    /// <summary>As the public overload; <paramref name="beforeCommit"/> runs inside the transaction just before it commits (tests kill the write there).</summary>
    internal StoreResult Store(DocumentRecord document, IReadOnlyList<EventMention> mentions, IReadOnlyList<CalendarEntry> calendar, DedupPolicy policy, Action? beforeCommit)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        using var tx = _db.BeginTransaction();
        _tx = tx;
        try
        {
            var result = StoreInTransaction(document, mentions, calendar, policy);
            if (result.Outcome == StoreOutcome.Skipped)
            {
                tx.Rollback();
                return result;
            }

            FlushPending();
            beforeCommit?.Invoke();
            tx.Commit();
            return result;
        }
        catch (DbException ex)
        {
            throw new ParleyException(Errors.StoreUnavailable, $"{document.DocId}: the store refused the document: {ex.Message}", null, ex);
        }
        finally
        {
            ClearPending();
            _tx = null;
        }
    }

    private StoreResult StoreInTransaction(DocumentRecord document, IReadOnlyList<EventMention> mentions, IReadOnlyList<CalendarEntry> calendar, DedupPolicy policy)
    {
        var same = Prepared("SELECT doc_id, version FROM documents WHERE content_hash = @h", ("h", document.ContentHash));
        using (var r = same.ExecuteReader())
        {
            if (r.Read())
            {
                var docId = r.GetString(0);
                var v = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
                var reason = docId == document.DocId ? $"unchanged (version {v})" : $"same content as {docId} (version {v})";
                return new StoreResult(StoreOutcome.Skipped, v, 0, 0, 0, reason);
            }
        }

        var previous = ScalarPrepared("SELECT MAX(version) FROM documents WHERE doc_id = @d", ("d", document.DocId));
        var version = previous is null or DBNull ? 1 : Convert.ToInt32(previous, CultureInfo.InvariantCulture) + 1;
        if (version > 1)
        {
            RetirePreviousVersions(document.DocId);
        }

        var id = Convert.ToInt64(ScalarPrepared(
            $"""
            INSERT INTO documents (doc_id, version, is_current, content_hash, title, url, published, language, format, publisher, metadata, text, ingested_at)
            VALUES (@doc, @v, 1, @h, @title, @url, @pub, @lang, @fmt, @publisher, {J("@meta")}, @text, @at) RETURNING id
            """,
            ("doc", document.DocId), ("v", version), ("h", document.ContentHash), ("title", document.Title), ("url", document.Url), ("pub", document.Published),
            ("lang", document.Language), ("fmt", document.Format), ("publisher", document.Publisher), ("meta", document.MetadataJson), ("text", document.Text), ("at", Now())), CultureInfo.InvariantCulture);
        if (!Pg)
        {
            ExecutePrepared("INSERT INTO documents_fts (rowid, title, text) VALUES (@id, @title, @text)", ("id", id), ("title", document.Title ?? ""), ("text", document.Text));
        }

        int newEvents = 0, merged = 0;
        foreach (var m in mentions)
        {
            if (StoreMention(id, document.DocId, m, policy))
            {
                merged++;
            }
            else
            {
                newEvents++;
            }
        }

        foreach (var c in calendar)
        {
            ExecutePrepared(
                $"""
                INSERT INTO calendar_items (document_id, kind, event_type, cameo, actors, expected_date, origin_date, evidence, evidence_start, evidence_end, trigger_text, how, coder)
                VALUES (@d, @k, @e, @c, {J("@a")}, @x, @o, @ev, @s, @t, @tr, @how, @coder)
                """,
                ("d", id), ("k", c.Kind), ("e", c.Event), ("c", c.Cameo), ("a", ToJson(c.Actors)), ("x", c.ExpectedDate), ("o", c.OriginDate), ("ev", c.Evidence),
                ("s", c.EvidenceStart), ("t", c.EvidenceEnd), ("tr", c.Trigger), ("how", c.How), ("coder", c.Coder));
        }

        return new StoreResult(version == 1 ? StoreOutcome.Added : StoreOutcome.NewVersion, version, mentions.Count, newEvents, merged, null);
    }

    /// <summary>Marks the stored versions of a document as superseded and removes their mentions, calendar items and the events left without mentions.</summary>
    private void RetirePreviousVersions(string docId)
    {
        var old = new List<long>();
        using (var cmd = Command("SELECT id FROM documents WHERE doc_id = @d AND is_current = 1", ("d", docId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                old.Add(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        foreach (var documentId in old)
        {
            var events = new List<long>();
            using (var cmd = Command("SELECT DISTINCT event_id FROM event_mentions WHERE document_id = @d", ("d", documentId)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    events.Add(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
                }
            }

            Execute("DELETE FROM event_actors WHERE mention_id IN (SELECT id FROM event_mentions WHERE document_id = @d)", ("d", documentId));
            Execute("DELETE FROM event_mentions WHERE document_id = @d", ("d", documentId));
            Execute("DELETE FROM calendar_items WHERE document_id = @d", ("d", documentId));
            foreach (var e in events)
            {
                Execute("UPDATE events SET mention_count = (SELECT COUNT(*) FROM event_mentions WHERE event_id = @e) WHERE id = @e", ("e", e));
                UncountIfUnmentioned(e);
                Execute("DELETE FROM events WHERE id = @e AND mention_count = 0", ("e", e));
            }

            Execute("UPDATE documents SET is_current = 0 WHERE id = @d", ("d", documentId));
        }
    }

    /// <summary>Writes one mention and its actors; returns true when it was merged into an existing event.</summary>
    private bool StoreMention(long documentId, string docId, EventMention m, DedupPolicy policy)
    {
        var (key, sectors) = DedupKey(m);
        var day = DayNumber(m.Date);
        long? eventId = policy.Kind == DedupKind.None || key.Length == 0 || day is null ? null : FindEvent(m.Event, key, sectors, day.Value, policy.Days, docId);
        var merged = eventId is not null;
        var location = m.Location is null ? null : ToJson(m.Location);
        if (eventId is null)
        {
            eventId = Convert.ToInt64(ScalarPrepared(
                $"""
                INSERT INTO events (event_type, mode, contexts, cameo, goldstein, quad, date, date_day, actor_key, sectors, source, recipient, dedup_policy, mention_count, first_record, location)
                VALUES (@t, @mode, {J("@ctx")}, @cameo, @g, @q, @date, @day, @key, @sectors, {J("@src")}, {J("@rcp")}, @policy, 1, @rec, {J("@loc")}) RETURNING id
                """,
                ("loc", location), ("t", m.Event), ("mode", m.Mode), ("ctx", ToJson(m.Contexts)), ("cameo", m.Cameo), ("g", m.Goldstein), ("q", m.Quad), ("date", m.Date), ("day", day),
                ("key", key), ("sectors", sectors), ("src", ToJson(m.Source)), ("rcp", ToJson(m.Recipient)), ("policy", policy.ToString()), ("rec", m.RecordId)), CultureInfo.InvariantCulture);
            CountEvent(m.Event, m.Quad, m.Date, m.Goldstein, m.Source, m.Recipient, 1);
            if (day is { } d)
            {
                foreach (var (a, b, direction) in Dyads(m.Source, m.Recipient))
                {
                    AddDyad(eventId.Value, a, b, direction, d, m.Date![..7], m.Quad, m.Goldstein);
                }
            }
        }
        else
        {
            ExecutePrepared("UPDATE events SET mention_count = mention_count + 1 WHERE id = @e", ("e", eventId));
        }

        var mentionId = Convert.ToInt64(ScalarPrepared(
            $"""
            INSERT INTO event_mentions (event_id, document_id, record_id, event_type, mode, contexts, cameo, goldstein, quad, date, date_trace, source, recipient, sentence,
                evidence, evidence_start, evidence_end, trigger_text, trigger_start, trigger_end, confidence, coder, codebook, modality, dedup_policy, record, location)
            VALUES (@e, @d, @rec, @t, @mode, {J("@ctx")}, @cameo, @g, @q, @date, {J("@trace")}, {J("@src")}, {J("@rcp")}, @sent,
                @ev, @es, @ee, @tr, @ts, @te, @conf, @coder, @codebook, @modality, @policy, {J("@record")}, {J("@loc")}) RETURNING id
            """,
            ("loc", location), ("e", eventId), ("d", documentId), ("rec", m.RecordId), ("t", m.Event), ("mode", m.Mode), ("ctx", ToJson(m.Contexts)), ("cameo", m.Cameo), ("g", m.Goldstein),
            ("q", m.Quad), ("date", m.Date), ("trace", m.DateTraceJson), ("src", ToJson(m.Source)), ("rcp", ToJson(m.Recipient)), ("sent", m.Sentence),
            ("ev", m.Evidence), ("es", m.EvidenceStart), ("ee", m.EvidenceEnd), ("tr", m.Trigger), ("ts", m.TriggerStart), ("te", m.TriggerEnd), ("conf", m.Confidence),
            ("coder", m.Coder), ("codebook", m.Codebook), ("modality", m.Modality), ("policy", policy.ToString()), ("record", m.RecordJson)), CultureInfo.InvariantCulture);
        foreach (var (role, actors) in new[] { ("source", m.Source), ("recipient", m.Recipient) })
        {
            for (var i = 0; i < actors.Count; i++)
            {
                AddActor(eventId.Value, mentionId, role, i, actors[i]);
            }
        }

        return merged;
    }

    private long? FindEvent(string type, string key, string sectors, int day, int window, string docId)
    {
        var cmd = Prepared(
            """
            SELECT e.id, e.sectors, e.date_day FROM events e
            WHERE e.event_type = @t AND e.actor_key = @k AND e.date_day BETWEEN @lo AND @hi
              AND NOT EXISTS (SELECT 1 FROM event_mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id AND d.doc_id = @doc)
            ORDER BY e.id
            """,
            ("t", type), ("k", key), ("lo", day - window), ("hi", day + window), ("doc", docId));
        using var r = cmd.ExecuteReader();
        long? best = null;
        var bestDistance = int.MaxValue;
        while (r.Read())
        {
            var distance = Math.Abs(Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture) - day);
            if (distance < bestDistance && SectorsCompatible(sectors, r.GetString(1)))
            {
                best = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The deduplication key of a mention: its type's actor entities (country, else organisation), sorted, per side
    /// (<c>S:BLR|R:KAZ</c>), or as one set of parties for CONSULT and COOPERATE (<c>P:BLR,KAZ</c>); empty when no actor is
    /// resolved. Also the sectors seen for each entity (<c>BLR=LEG;KAZ=GOV+LEG</c>).
    /// </summary>
    internal static (string Key, string Sectors) DedupKey(EventMention m)
    {
        static string Entities(IEnumerable<StoredActor> actors) =>
            string.Join(',', actors.Select(a => a.Entity).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var all = m.Source.Concat(m.Recipient).ToList();
        if (!all.Any(a => a.Entity is not null))
        {
            return ("", "");
        }

        var key = SymmetricTypes.Contains(m.Event) ? "P:" + Entities(all) : "S:" + Entities(m.Source) + "|R:" + Entities(m.Recipient);
        var sectors = string.Join(';', all.Where(a => a.Entity is not null).GroupBy(a => a.Entity!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + string.Join('+', g.Select(a => a.Sector).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))));
        return (key, sectors);
    }

    /// <summary>
    /// The dyads of an event: every pair of distinct actor entities (country, else organisation) among its actors, in
    /// alphabetical order <c>a &lt; b</c>, with its direction: 1 when <c>a</c> is a source and <c>b</c> a recipient, 2 the
    /// other way, 3 both, 0 neither (the two on one side, e.g. the parties of a joint statement).
    /// </summary>
    internal static IEnumerable<(string A, string B, int Direction)> Dyads(IReadOnlyList<StoredActor> source, IReadOnlyList<StoredActor> recipient)
    {
        var sources = source.Select(a => a.Entity).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var recipients = recipient.Select(a => a.Entity).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var all = sources.Concat(recipients).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                var (a, b) = (all[i], all[j]);
                var direction = (sources.Contains(a) && recipients.Contains(b) ? 1 : 0) | (sources.Contains(b) && recipients.Contains(a) ? 2 : 0);
                yield return (a, b, direction);
            }
        }
    }

    /// <summary>True when, for every entity both name, their sector sets share a sector or one of them is empty.</summary>
    internal static bool SectorsCompatible(string a, string b)
    {
        static Dictionary<string, string[]> Parse(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Split('+', StringSplitOptions.RemoveEmptyEntries) : [], StringComparer.Ordinal);
        var pb = Parse(b);
        foreach (var (entity, sectors) in Parse(a))
        {
            if (pb.TryGetValue(entity, out var other) && sectors.Length > 0 && other.Length > 0 && !sectors.Intersect(other, StringComparer.Ordinal).Any())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The day number (days since 0001-01-01, a Monday) of a day-precise ISO date; null for partial or missing dates.</summary>
    internal static int? DayNumber(string? date) =>
        date is { Length: >= 10 } && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.DayNumber : null;

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A JSON parameter: as text in SQLite, cast to jsonb in PostgreSQL.</summary>
    private string J(string parameter) => Pg ? $"CAST({parameter} AS jsonb)" : parameter;

    internal DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    /// <summary>
    /// A command kept for the life of the store and reused (compiled once: SQLite prepares it, PostgreSQL auto-prepares
    /// it), with its parameters set anew. Never dispose it; a call site must pass the same parameter names in the same order.
    /// </summary>
    internal DbCommand Prepared(string sql, params (string Name, object? Value)[] parameters)
    {
        var fresh = false;
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            foreach (var (name, _) in parameters)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@" + name;
                cmd.Parameters.Add(p);
            }

            _prepared[sql] = cmd;
            fresh = true;
        }

        cmd.Transaction = _tx;
        for (var i = 0; i < parameters.Length; i++)
        {
            cmd.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        if (fresh && !Pg)
        {
            cmd.Prepare();
        }

        return cmd;
    }

    private int ExecutePrepared(string sql, params (string Name, object? Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    private object? ScalarPrepared(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = Prepared(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    internal object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
