namespace Parley.Storage;

/// <summary>One numbered schema change, with its SQL for each backend (types and full-text indexes differ).</summary>
/// <param name="Version">The number recorded in <c>schema_migrations</c>; applied in increasing order, each once.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sqlite">Statements for SQLite.</param>
/// <param name="Postgres">Statements for PostgreSQL.</param>
internal sealed record Migration(int Version, string Name, string Sqlite, string Postgres);

/// <summary>
/// The store schema as numbered migrations. Never edit a published migration: add the next number. Both backends get the
/// same tables and columns; only column types (INTEGER PRIMARY KEY vs identity, TEXT vs jsonb, REAL vs double precision)
/// and the full-text index (an FTS5 table vs a generated tsvector column) differ.
/// </summary>
internal static class Migrations
{
    private const string CommonTables = """
        CREATE TABLE documents (
            id {ID},
            doc_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            is_current INTEGER NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            url TEXT,
            published TEXT,
            language TEXT,
            format TEXT NOT NULL,
            publisher TEXT,
            metadata {JSON} NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            UNIQUE (doc_id, version)
        );
        CREATE INDEX documents_doc ON documents (doc_id, is_current);
        CREATE TABLE events (
            id {ID},
            event_type TEXT NOT NULL,
            mode TEXT,
            contexts {JSON} NOT NULL,
            cameo TEXT NOT NULL,
            goldstein {REAL},
            quad INTEGER NOT NULL,
            date TEXT,
            date_day INTEGER,
            actor_key TEXT NOT NULL,
            sectors TEXT NOT NULL,
            source {JSON} NOT NULL,
            recipient {JSON} NOT NULL,
            dedup_policy TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            first_record TEXT NOT NULL
        );
        CREATE INDEX events_dedup ON events (event_type, actor_key, date_day);
        CREATE INDEX events_day ON events (date_day);
        CREATE TABLE event_mentions (
            id {ID},
            event_id BIGINT NOT NULL REFERENCES events (id),
            document_id BIGINT NOT NULL REFERENCES documents (id),
            record_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            mode TEXT,
            contexts {JSON} NOT NULL,
            cameo TEXT NOT NULL,
            goldstein {REAL},
            quad INTEGER NOT NULL,
            date TEXT,
            date_trace {JSON} NOT NULL,
            source {JSON} NOT NULL,
            recipient {JSON} NOT NULL,
            sentence INTEGER NOT NULL,
            evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            confidence {REAL} NOT NULL,
            coder TEXT NOT NULL,
            codebook TEXT NOT NULL,
            modality TEXT NOT NULL,
            dedup_policy TEXT NOT NULL,
            record {JSON} NOT NULL
        );
        CREATE INDEX event_mentions_event ON event_mentions (event_id);
        CREATE INDEX event_mentions_document ON event_mentions (document_id);
        CREATE TABLE event_actors (
            id {ID},
            event_id BIGINT NOT NULL REFERENCES events (id),
            mention_id BIGINT NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT,
            country TEXT,
            org TEXT,
            sector TEXT,
            how TEXT NOT NULL
        );
        CREATE INDEX event_actors_country ON event_actors (country, role, event_id);
        CREATE INDEX event_actors_org ON event_actors (org, role, event_id);
        CREATE INDEX event_actors_name ON event_actors (lower(name));
        CREATE INDEX event_actors_event ON event_actors (event_id);
        CREATE INDEX event_actors_mention ON event_actors (mention_id);
        CREATE TABLE event_dyads (
            event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            direction INTEGER NOT NULL,
            date_day INTEGER NOT NULL,
            month TEXT NOT NULL,
            quad INTEGER NOT NULL,
            goldstein {REAL}
        );
        CREATE INDEX event_dyads_pair ON event_dyads (a, b, date_day, direction, quad, goldstein, month);
        CREATE INDEX event_dyads_event ON event_dyads (event_id);
        CREATE TABLE calendar_items (
            id {ID},
            document_id BIGINT NOT NULL REFERENCES documents (id),
            kind TEXT NOT NULL,
            event_type TEXT NOT NULL,
            cameo TEXT,
            actors {JSON} NOT NULL,
            expected_date TEXT,
            origin_date TEXT,
            evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            how TEXT NOT NULL,
            coder TEXT NOT NULL
        );
        CREATE INDEX calendar_items_document ON calendar_items (document_id);
        CREATE INDEX calendar_items_expected ON calendar_items (expected_date);
        """;

    /// <summary>API keys for writes through the web API: only the SHA-256 of each key is kept, never the key.</summary>
    private const string ApiKeysTable = """
        CREATE TABLE api_keys (
            id {ID},
            key_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );
        """;

    /// <summary>
    /// Monthly rollups of the events (by type and quad class, by actor, by entity, by pair of entities), kept up to date as
    /// events are created and deleted, so that overviews, actor lists and networks read thousands of rows, not millions;
    /// and an index for listing events by date. Filled from the stored events when applied (<c>EventStore.RebuildAggregates</c>).
    /// </summary>
    private const string AggregateTables = """
        CREATE TABLE agg_event_types (
            month TEXT NOT NULL,
            event_type TEXT NOT NULL,
            quad INTEGER NOT NULL,
            events BIGINT NOT NULL,
            PRIMARY KEY (month, event_type, quad)
        );
        CREATE TABLE agg_actors (
            month TEXT NOT NULL,
            country TEXT NOT NULL,
            org TEXT NOT NULL,
            sector TEXT NOT NULL,
            events BIGINT NOT NULL,
            as_source BIGINT NOT NULL,
            as_recipient BIGINT NOT NULL,
            PRIMARY KEY (month, country, org, sector)
        );
        CREATE TABLE agg_entities (
            month TEXT NOT NULL,
            entity TEXT NOT NULL,
            kind TEXT NOT NULL,
            events BIGINT NOT NULL,
            as_source BIGINT NOT NULL,
            as_recipient BIGINT NOT NULL,
            PRIMARY KEY (month, entity)
        );
        CREATE TABLE agg_dyads (
            month TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            events BIGINT NOT NULL,
            weighted BIGINT NOT NULL,
            goldstein_sum {REAL} NOT NULL,
            PRIMARY KEY (month, a, b)
        );
        CREATE INDEX agg_actors_actor ON agg_actors (country, org, sector, month, events, as_source, as_recipient);
        CREATE INDEX agg_entities_entity ON agg_entities (entity, month, kind, events, as_source, as_recipient);
        CREATE INDEX agg_dyads_pair ON agg_dyads (a, b, month, events, weighted, goldstein_sum);
        CREATE INDEX events_date ON events (date, id);
        """;

    /// <summary>Every migration, in order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(
            1,
            "documents, events, event mentions, event actors, event dyads, calendar items, full-text index",
            CommonTables.Replace("{ID}", "INTEGER PRIMARY KEY", StringComparison.Ordinal).Replace("{JSON}", "TEXT", StringComparison.Ordinal).Replace("{REAL}", "REAL", StringComparison.Ordinal)
                + "\nCREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='id', tokenize='porter unicode61');",
            CommonTables.Replace("{ID}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal).Replace("{JSON}", "JSONB", StringComparison.Ordinal).Replace("{REAL}", "DOUBLE PRECISION", StringComparison.Ordinal)
                + "\nALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;"
                + "\nCREATE INDEX documents_search ON documents USING GIN (search);"),
        new(
            2,
            "event locations: a location column (JSON) on events and event mentions, filled from the stored code records",
            """
            ALTER TABLE event_mentions ADD COLUMN location TEXT;
            ALTER TABLE events ADD COLUMN location TEXT;
            UPDATE event_mentions SET location = json_extract(record, '$.location') WHERE json_type(record, '$.location') = 'object';
            UPDATE events SET location = (SELECT m.location FROM event_mentions m WHERE m.event_id = events.id ORDER BY m.id LIMIT 1);
            """,
            """
            ALTER TABLE event_mentions ADD COLUMN location JSONB;
            ALTER TABLE events ADD COLUMN location JSONB;
            UPDATE event_mentions SET location = record->'location' WHERE jsonb_typeof(record->'location') = 'object';
            UPDATE events SET location = (SELECT m.location FROM event_mentions m WHERE m.event_id = events.id ORDER BY m.id LIMIT 1);
            """),
        new(
            3,
            "API keys of the web API (hashed)",
            ApiKeysTable.Replace("{ID}", "INTEGER PRIMARY KEY", StringComparison.Ordinal),
            ApiKeysTable.Replace("{ID}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)),
        new(
            4,
            "monthly rollups of events by type, actor, entity and pair (for overviews and networks); events indexed by date",
            AggregateTables.Replace("{REAL}", "REAL", StringComparison.Ordinal),
            AggregateTables.Replace("{REAL}", "DOUBLE PRECISION", StringComparison.Ordinal)),
    ];

    /// <summary>The migration after which the rollups are filled from the stored events.</summary>
    public const int AggregatesVersion = 4;

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => All[^1].Version;
}
