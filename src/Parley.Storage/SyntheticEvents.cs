using System.Data.Common;
using System.Globalization;

namespace Parley.Storage;

/// <content>Synthetic events for benchmarks.</content>
public sealed partial class EventStore
{
    private static readonly string[] BenchCountries =
    [
        "USA", "CHN", "RUS", "DEU", "FRA", "GBR", "IND", "BRA", "JPN", "TUR", "IRN", "ISR", "EGY", "ZAF", "NGA", "MEX", "CAN", "AUS", "IDN", "PAK",
        "SAU", "KOR", "PRK", "UKR", "POL", "ITA", "ESP", "ARG", "CHL", "PER", "COL", "VEN", "KEN", "ETH", "VNM", "THA", "PHL", "MYS", "NOR", "SWE",
    ];

    private static readonly (string Type, string Cameo, double Goldstein, int Quad)[] BenchTypes =
    [
        ("CONSULT", "040", 1.0, 1), ("SUPPORT", "051", 3.4, 1), ("AGREE", "057", 8.0, 1), ("REQUEST", "020", 3.0, 1), ("COOPERATE", "061", 6.4, 2), ("AID", "070", 7.0, 2),
        ("ACCUSE", "112", -2.0, 3), ("THREATEN", "130", -4.4, 3), ("REJECT", "120", -4.0, 3), ("MOBILIZE", "150", -7.2, 4), ("ASSAULT", "180", -9.0, 4), ("SANCTION", "163", -8.0, 4),
    ];

    private static readonly string[] BenchSectors = ["GOV", "MIL", "LEG", "BUS", "MED"];

    /// <summary>
    /// Adds <paramref name="count"/> synthetic events (each with one mention and one source and one recipient actor) to
    /// one synthetic document (and their dyad rows and rollups), for <c>parley bench dyad</c>: 40 countries drawn with a skew (the first countries are the
    /// busiest, so the first pair is a dense dyad; an actor's canonical name is "Country " followed by its code, so that a code never matches as a name), 12 event types across the four quad classes, day dates spread over
    /// 2015–2024, from a fixed <paramref name="seed"/>. Written in transactions of 20,000 events. Returns the pair of the
    /// densest dyad. Never use on a store holding real data: the events are invented.
    /// </summary>
    public (string A, string B) AddSyntheticEvents(int count, int seed = 7)
    {
        var random = new Random(seed);
        var first = new DateOnly(2015, 1, 1).DayNumber;
        var days = new DateOnly(2024, 12, 31).DayNumber - first + 1;
        var docId = Convert.ToInt64(Scalar(
            $"""
            INSERT INTO documents (doc_id, version, is_current, content_hash, title, url, published, language, format, publisher, metadata, text, ingested_at)
            VALUES (@doc, 1, 1, @h, 'synthetic', NULL, NULL, 'en', 'synthetic', NULL, {J("@meta")}, 'Synthetic events for benchmarks.', @at) RETURNING id
            """,
            ("doc", "synthetic-" + Guid.NewGuid().ToString("N")), ("h", Guid.NewGuid().ToString("N")), ("meta", "{}"), ("at", Now())), CultureInfo.InvariantCulture);
        var done = 0;
        while (done < count)
        {
            var batch = Math.Min(20_000, count - done);
            using var tx = _db.BeginTransaction();
            _tx = tx;
            try
            {
                using var ev = Command(
                    $"""
                    INSERT INTO events (event_type, mode, contexts, cameo, goldstein, quad, date, date_day, actor_key, sectors, source, recipient, dedup_policy, mention_count, first_record)
                    VALUES (@t, NULL, {J("@ctx")}, @cameo, @g, @q, @date, @day, @key, @sectors, {J("@src")}, {J("@rcp")}, 'none', 1, @rec) RETURNING id
                    """,
                    ("t", ""), ("ctx", "[]"), ("cameo", ""), ("g", 0.0), ("q", 0), ("date", ""), ("day", 0), ("key", ""), ("sectors", ""), ("src", ""), ("rcp", ""), ("rec", ""));
                using var mention = Command(
                    $"""
                    INSERT INTO event_mentions (event_id, document_id, record_id, event_type, mode, contexts, cameo, goldstein, quad, date, date_trace, source, recipient, sentence,
                        evidence, evidence_start, evidence_end, trigger_text, trigger_start, trigger_end, confidence, coder, codebook, modality, dedup_policy, record)
                    VALUES (@e, @d, @rec, @t, NULL, {J("'[]'")}, @cameo, @g, @q, @date, {J("'{}'")}, {J("@src")}, {J("@rcp")}, 0,
                        @ev, 0, 40, 'met', 0, 3, 0.5, 'synthetic', 'plover-0.8', 'asserted', 'none', {J("'{}'")}) RETURNING id
                    """,
                    ("e", 0L), ("d", docId), ("rec", ""), ("t", ""), ("cameo", ""), ("g", 0.0), ("q", 0), ("date", ""), ("src", ""), ("rcp", ""), ("ev", ""));
                using var actor = Command(
                    "INSERT INTO event_actors (event_id, mention_id, role, position, text, name, country, org, sector, how) VALUES (@e, @m, @r, 0, @c, @n, @c, NULL, @s, 'synthetic')",
                    ("e", 0L), ("m", 0L), ("r", ""), ("c", ""), ("n", ""), ("s", ""));
                using var dyad = Command(
                    "INSERT INTO event_dyads (event_id, a, b, direction, date_day, month, quad, goldstein) VALUES (@e, @a, @b, @dir, @day, @month, @q, @g)",
                    ("e", 0L), ("a", ""), ("b", ""), ("dir", 0), ("day", 0), ("month", ""), ("q", 0), ("g", 0.0));
                ev.Prepare();
                dyad.Prepare();
                mention.Prepare();
                actor.Prepare();
                for (var i = 0; i < batch; i++)
                {
                    var a = BenchCountries[(int)(BenchCountries.Length * Math.Pow(random.NextDouble(), 2.5))];
                    var b = BenchCountries[(int)(BenchCountries.Length * Math.Pow(random.NextDouble(), 2.5))];
                    if (a == b)
                    {
                        b = BenchCountries[(Array.IndexOf(BenchCountries, a) + 1) % BenchCountries.Length];
                    }

                    var (type, cameo, goldstein, quad) = BenchTypes[random.Next(BenchTypes.Length)];
                    var (sa, sb) = (BenchSectors[random.Next(BenchSectors.Length)], BenchSectors[random.Next(BenchSectors.Length)]);
                    var day = first + random.Next(days);
                    var date = DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var src = $"[{{\"text\":\"{a}\",\"country\":\"{a}\",\"sector\":\"{sa}\"}}]";
                    var rcp = $"[{{\"text\":\"{b}\",\"country\":\"{b}\",\"sector\":\"{sb}\"}}]";
                    var record = string.Create(CultureInfo.InvariantCulture, $"synthetic#e{done + i + 1}");
                    Set(ev, type, "[]", cameo, goldstein, quad, date, day, $"S:{a}|R:{b}", $"{a}={sa};{b}={sb}", src, rcp, record);
                    var eventId = Convert.ToInt64(ev.ExecuteScalar(), CultureInfo.InvariantCulture);
                    Set(mention, eventId, docId, record, type, cameo, goldstein, quad, date, src, rcp, $"{a} and {b}: {type} on {date}.");
                    var mid = Convert.ToInt64(mention.ExecuteScalar(), CultureInfo.InvariantCulture);
                    Set(actor, eventId, mid, "source", a, "Country " + a, sa);
                    actor.ExecuteNonQuery();
                    Set(actor, eventId, mid, "recipient", b, "Country " + b, sb);
                    actor.ExecuteNonQuery();
                    var forward = string.CompareOrdinal(a, b) < 0;
                    Set(dyad, eventId, forward ? a : b, forward ? b : a, forward ? 1 : 2, day, date[..7], quad, goldstein);
                    dyad.ExecuteNonQuery();
                    CountEvent(type, quad, date, goldstein, [new StoredActor(a, "Country " + a, a, null, sa, "synthetic")], [new StoredActor(b, "Country " + b, b, null, sb, "synthetic")], 1);
                }

                FlushAggregates();
                tx.Commit();
            }
            finally
            {
                ClearAggregates();
                _tx = null;
            }

            done += batch;
        }

        if (Pg)
        {
            Execute("ANALYZE");
        }
        else
        {
            Execute("PRAGMA optimize; ANALYZE");
        }

        return (BenchCountries[0], BenchCountries[1]);
    }

    /// <summary>The size of the store on disk in bytes: the SQLite file with its WAL, or <c>pg_database_size</c>.</summary>
    public long SizeInBytes()
    {
        if (Pg)
        {
            return Convert.ToInt64(Scalar("SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture);
        }

        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        var path = Location.ConnectionString;
        return new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
