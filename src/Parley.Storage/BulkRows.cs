using Npgsql;
using NpgsqlTypes;

namespace Parley.Storage;

/// <content>
/// The rows nothing reads back while a transaction is open (event actors and dyads): written at once in SQLite (a prepared
/// insert costs microseconds), gathered and sent with one binary COPY per transaction in PostgreSQL (a statement costs a
/// round trip there).
/// </content>
public sealed partial class EventStore
{
    private readonly List<DyadRow> _pendingDyads = [];
    private readonly List<ActorRow> _pendingActors = [];

    private void AddDyad(long eventId, string a, string b, int direction, int day, string month, int quad, double? goldstein)
    {
        if (Pg)
        {
            _pendingDyads.Add(new DyadRow(eventId, a, b, direction, day, month, quad, goldstein));
            return;
        }

        ExecutePrepared(
            "INSERT INTO event_dyads (event_id, a, b, direction, date_day, month, quad, goldstein) VALUES (@e, @a, @b, @dir, @day, @month, @q, @g)",
            ("e", eventId), ("a", a), ("b", b), ("dir", direction), ("day", day), ("month", month), ("q", quad), ("g", goldstein));
    }

    private void AddActor(long eventId, long mentionId, string role, int position, StoredActor a)
    {
        if (Pg)
        {
            _pendingActors.Add(new ActorRow(eventId, mentionId, role, position, a));
            return;
        }

        ExecutePrepared(
            "INSERT INTO event_actors (event_id, mention_id, role, position, text, name, country, org, sector, how) VALUES (@e, @m, @r, @p, @x, @n, @c, @o, @s, @h)",
            ("e", eventId), ("m", mentionId), ("r", role), ("p", position), ("x", a.Text), ("n", a.Name), ("c", a.Country), ("o", a.Org), ("s", a.Sector), ("h", a.How));
    }

    /// <summary>How many rows are pending, to drop those of a document rolled back to its savepoint.</summary>
    private (int Dyads, int Actors) PendingMark => (_pendingDyads.Count, _pendingActors.Count);

    private void DropPending((int Dyads, int Actors) mark)
    {
        _pendingDyads.RemoveRange(mark.Dyads, _pendingDyads.Count - mark.Dyads);
        _pendingActors.RemoveRange(mark.Actors, _pendingActors.Count - mark.Actors);
    }

    private void ClearPending()
    {
        ClearAggregates();
        _pendingDyads.Clear();
        _pendingActors.Clear();
    }

    /// <summary>Writes the pending rows (PostgreSQL: one binary COPY per table) inside the open transaction.</summary>
    private void FlushPending()
    {
        FlushAggregates();
        if (!Pg || (_pendingDyads.Count == 0 && _pendingActors.Count == 0))
        {
            return;
        }

        var db = (NpgsqlConnection)_db;
        if (_pendingDyads.Count > 0)
        {
            using var copy = db.BeginBinaryImport("COPY event_dyads (event_id, a, b, direction, date_day, month, quad, goldstein) FROM STDIN (FORMAT BINARY)");
            foreach (var d in _pendingDyads)
            {
                copy.StartRow();
                copy.Write(d.EventId, NpgsqlDbType.Bigint);
                copy.Write(d.A, NpgsqlDbType.Text);
                copy.Write(d.B, NpgsqlDbType.Text);
                copy.Write(d.Direction, NpgsqlDbType.Integer);
                copy.Write(d.Day, NpgsqlDbType.Integer);
                copy.Write(d.Month, NpgsqlDbType.Text);
                copy.Write(d.Quad, NpgsqlDbType.Integer);
                Nullable(copy, d.Goldstein, NpgsqlDbType.Double);
            }

            copy.Complete();
        }

        if (_pendingActors.Count > 0)
        {
            using var copy = db.BeginBinaryImport("COPY event_actors (event_id, mention_id, role, position, text, name, country, org, sector, how) FROM STDIN (FORMAT BINARY)");
            foreach (var r in _pendingActors)
            {
                copy.StartRow();
                copy.Write(r.EventId, NpgsqlDbType.Bigint);
                copy.Write(r.MentionId, NpgsqlDbType.Bigint);
                copy.Write(r.Role, NpgsqlDbType.Text);
                copy.Write(r.Position, NpgsqlDbType.Integer);
                copy.Write(r.Actor.Text, NpgsqlDbType.Text);
                Text(copy, r.Actor.Name);
                Text(copy, r.Actor.Country);
                Text(copy, r.Actor.Org);
                Text(copy, r.Actor.Sector);
                copy.Write(r.Actor.How, NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        ClearPending();

        static void Text(NpgsqlBinaryImporter copy, string? value)
        {
            if (value is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(value, NpgsqlDbType.Text);
            }
        }

        static void Nullable(NpgsqlBinaryImporter copy, double? value, NpgsqlDbType type)
        {
            if (value is { } v)
            {
                copy.Write(v, type);
            }
            else
            {
                copy.WriteNull();
            }
        }
    }

    private readonly record struct DyadRow(long EventId, string A, string B, int Direction, int Day, string Month, int Quad, double? Goldstein);

    private readonly record struct ActorRow(long EventId, long MentionId, string Role, int Position, StoredActor Actor);
}
