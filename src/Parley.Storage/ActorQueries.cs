using System.Globalization;
using System.Text;

namespace Parley.Storage;

/// <summary>A filter over the actors of stored events; every field is optional and the fields combine with AND.</summary>
public sealed record ActorQuery
{
    /// <summary>First date (ISO, inclusive) of the event mentions counted, compared as text (so <c>2022-06</c> takes the whole month).</summary>
    public string? From { get; init; }

    /// <summary>Last date (ISO, inclusive); a partial date takes its whole month or year.</summary>
    public string? To { get; init; }

    /// <summary>
    /// Only actor mentions whose canonical name or words contain this text (case-insensitive), or whose country or
    /// organisation code is this text: the counts are then of the events where the actor was so named.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>At most this many actors, the busiest first.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>
/// An actor of stored events: a country or organisation with a sector (<c>KAZ-LEG</c>, <c>NATO</c>), how many events
/// it takes part in and in which role, when it was seen, and the people seen in it.
/// </summary>
/// <param name="Code">The actor code: the country (else the organisation) code, with <c>-SECTOR</c> when a sector is known.</param>
/// <param name="Country">ISO-3 country code, or null.</param>
/// <param name="Org">International organisation code, or null.</param>
/// <param name="Sector">Sector code (GOV, LEG, MIL…), or null when the events name the country or organisation as a whole.</param>
/// <param name="Events">Distinct events with this actor in any role.</param>
/// <param name="AsSource">Distinct events with this actor as a source.</param>
/// <param name="AsRecipient">Distinct events with this actor as a recipient (an event may count in both roles).</param>
/// <param name="FirstDate">The earliest date of its event mentions (ISO, partial allowed), or null when none is dated.</param>
/// <param name="LastDate">The latest date of its event mentions, or null.</param>
/// <param name="People">The people seen as this actor, busiest first.</param>
public sealed record ActorSummary(string Code, string? Country, string? Org, string? Sector, long Events, long AsSource, long AsRecipient, string? FirstDate, string? LastDate, IReadOnlyList<PersonSeen> People);

/// <summary>
/// A person seen as an actor: a canonical name that the actor dictionaries resolved as a person (their <c>how</c> starts
/// with <c>person</c>) at least once, with the codes of one role they were seen in (a minister is <c>KAZ-GOV</c>).
/// </summary>
/// <param name="Name">The canonical name.</param>
/// <param name="Sector">The sector (role) code of the actor they stood for, or null.</param>
/// <param name="Events">Distinct events they take part in with these codes.</param>
/// <param name="AsSource">Of which as a source.</param>
/// <param name="AsRecipient">Of which as a recipient.</param>
/// <param name="FirstDate">The earliest date they were seen so (ISO, partial allowed), or null.</param>
/// <param name="LastDate">The latest date they were seen so, or null.</param>
public sealed record PersonSeen(string Name, string? Sector, long Events, long AsSource, long AsRecipient, string? FirstDate, string? LastDate);

/// <content>The actors query.</content>
public sealed partial class EventStore
{
    /// <summary>
    /// The actors (country or organisation and sector) of the stored events, with their event counts as source and as
    /// recipient and the first and last dates of their mentions, the busiest first (then by code), at most
    /// <see cref="ActorQuery.Limit"/>; each with the people seen in that role. Actors resolved to no country or organisation
    /// are left out (and so are people whose codes are unknown).
    /// </summary>
    public IReadOnlyList<ActorSummary> Actors(ActorQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("(a.country IS NOT NULL OR a.org IS NOT NULL)");
        var ps = new List<(string, object?)>();
        if (query.From is { Length: > 0 })
        {
            where.Append(" AND m.date >= @from");
            ps.Add(("from", query.From));
        }

        if (query.To is { Length: > 0 })
        {
            where.Append(ToClause("m.date", query.To, ps));
        }

        if (query.Text is { Length: > 0 } text)
        {
            where.Append(" AND (lower(COALESCE(a.name, '')) LIKE @text OR lower(a.text) LIKE @text OR a.country = @code OR a.org = @code)");
            ps.Add(("text", "%" + text.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%"));
            ps.Add(("code", text.Trim().ToUpperInvariant()));
        }

        const string Counts = """
            COUNT(DISTINCT a.event_id), COUNT(DISTINCT CASE WHEN a.role = 'source' THEN a.event_id END),
            COUNT(DISTINCT CASE WHEN a.role = 'recipient' THEN a.event_id END), MIN(m.date), MAX(m.date)
            """;
        var actors = new List<ActorSummary>();
        var byKey = new Dictionary<(string?, string?, string?), List<PersonSeen>>();
        using (var cmd = Command(
            $"""
            SELECT a.country, a.org, a.sector, {Counts}
            FROM event_actors a JOIN event_mentions m ON m.id = a.mention_id WHERE {where}
            GROUP BY a.country, a.org, a.sector
            ORDER BY 4 DESC, COALESCE(a.country, a.org), COALESCE(a.sector, ''), COALESCE(a.org, '') LIMIT @n
            """,
            [.. ps, ("n", Math.Max(1, query.Limit))]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var (country, org, sector) = (Str(r, 0), Str(r, 1), Str(r, 2));
                var people = new List<PersonSeen>();
                byKey[(country, org, sector)] = people;
                actors.Add(new ActorSummary((country ?? org) + (sector is null ? "" : "-" + sector), country, org, sector, Long(r, 3), Long(r, 4), Long(r, 5), Str(r, 6), Str(r, 7), people));
            }
        }

        if (actors.Count == 0)
        {
            return actors;
        }

        using (var cmd = Command(
            $"""
            SELECT a.name, a.country, a.org, a.sector, {Counts}
            FROM event_actors a JOIN event_mentions m ON m.id = a.mention_id
            WHERE {where} AND a.name IN (SELECT p.name FROM event_actors p WHERE p.how LIKE 'person%' AND p.name IS NOT NULL)
            GROUP BY a.name, a.country, a.org, a.sector
            """,
            [.. ps]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (byKey.TryGetValue((Str(r, 1), Str(r, 2), Str(r, 3)), out var people))
                {
                    people.Add(new PersonSeen(r.GetString(0), Str(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Str(r, 7), Str(r, 8)));
                }
            }
        }

        foreach (var people in byKey.Values)
        {
            people.Sort((x, y) => y.Events != x.Events ? y.Events.CompareTo(x.Events) : string.CompareOrdinal(x.Name, y.Name));
        }

        return actors;
    }

    private static long Long(System.Data.Common.DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}
