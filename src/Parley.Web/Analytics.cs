using Parley.Storage;

namespace Parley.Web;

/// <summary>Events per month by quad class.</summary>
/// <param name="Month">The month (<c>2022-06</c>).</param>
/// <param name="VerbalCooperation">Quad 1.</param>
/// <param name="MaterialCooperation">Quad 2.</param>
/// <param name="VerbalConflict">Quad 3.</param>
/// <param name="MaterialConflict">Quad 4.</param>
internal sealed record MonthQuads(string Month, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict);

/// <summary>A pair of actor entities and how often they appear in one event.</summary>
/// <param name="A">The alphabetically first entity (ISO-3 country or organisation code).</param>
/// <param name="B">The other.</param>
/// <param name="Events">Events naming both.</param>
/// <param name="GoldsteinMean">Mean Goldstein weight of those events (those with a weight), or null.</param>
internal sealed record DyadCount(string A, string B, int Events, double? GoldsteinMean);

/// <summary>An actor entity (country or organisation) and its events.</summary>
/// <param name="Code">ISO-3 country or organisation code.</param>
/// <param name="Kind"><c>country</c> or <c>org</c>.</param>
/// <param name="Name">Its most frequent canonical name in the events, else the code.</param>
/// <param name="Events">Events naming it.</param>
/// <param name="AsSource">Events where it is a source.</param>
/// <param name="AsRecipient">Events where it is a recipient.</param>
internal sealed record ActorCount(string Code, string Kind, string Name, int Events, int AsSource, int AsRecipient);

/// <summary>The actor network: entities and the events linking them.</summary>
/// <param name="Nodes">Actors, most events first.</param>
/// <param name="Edges">Pairs with their event counts, heaviest first.</param>
internal sealed record Network(IReadOnlyList<ActorCount> Nodes, IReadOnlyList<DyadCount> Edges);

/// <summary>Overview figures.</summary>
/// <param name="Counts">What the store holds.</param>
/// <param name="ByMonth">Events per month by quad class (day- or month-dated events).</param>
/// <param name="TopTypes">PLOVER types, most frequent first.</param>
/// <param name="TopDyads">The most frequent pairs.</param>
/// <param name="LatestDocuments">The most recently published documents.</param>
internal sealed record Stats(StoreCounts Counts, IReadOnlyList<MonthQuads> ByMonth, IReadOnlyList<KeyValuePair<string, int>> TopTypes, IReadOnlyList<DyadCount> TopDyads, IReadOnlyList<DocumentSummary> LatestDocuments);

/// <summary>
/// Aggregates computed in the web layer from <see cref="EventStore.AllEvents"/> (read page by page): the overview, the
/// actor list and the actor network. An actor entity is the ISO-3 country of an actor, else its organisation code. These
/// scan the events of the period on each call; an indexed store-side actor query can replace <see cref="Actors"/>.
/// </summary>
internal static class Analytics
{
    public static Stats Stats(EventStore store, string? from, string? to, int top)
    {
        var months = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new PairTally();
        foreach (var e in store.AllEvents(from, to))
        {
            types[e.Event] = types.GetValueOrDefault(e.Event) + 1;
            if (e.Date is { Length: >= 7 } date && e.Quad is >= 1 and <= 4)
            {
                if (!months.TryGetValue(date[..7], out var q))
                {
                    months[date[..7]] = q = new int[4];
                }

                q[e.Quad - 1]++;
            }

            pairs.Add(e);
        }

        return new Stats(
            store.Counts(),
            [.. months.Select(m => new MonthQuads(m.Key, m.Value[0], m.Value[1], m.Value[2], m.Value[3]))],
            [.. types.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(top)],
            pairs.Top(top),
            store.Documents(top));
    }

    public static IReadOnlyList<ActorCount> Actors(EventStore store, string? from, string? to, string kind, int limit) =>
        Network(store, from, to, kind, limit, 0).Nodes;

    public static Network Network(EventStore store, string? from, string? to, string kind, int maxNodes, int minEdge)
    {
        var actors = new Dictionary<string, ActorTally>(StringComparer.Ordinal);
        var pairs = new PairTally();
        foreach (var e in store.AllEvents(from, to))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (a, role) in e.Source.Select(a => (a, "source")).Concat(e.Recipient.Select(a => (a, "recipient"))))
            {
                if (a.Entity is not { } code || !KindMatches(a, kind))
                {
                    continue;
                }

                if (!actors.TryGetValue(code, out var t))
                {
                    actors[code] = t = new ActorTally(a.Country is not null ? "country" : "org");
                }

                if (a.Name is { Length: > 0 } name)
                {
                    t.Names[name] = t.Names.GetValueOrDefault(name) + 1;
                }

                if (seen.Add(code))
                {
                    t.Events++;
                }

                if (seen.Add(role + ":" + code))
                {
                    if (role == "source")
                    {
                        t.AsSource++;
                    }
                    else
                    {
                        t.AsRecipient++;
                    }
                }
            }

            pairs.Add(e, a => KindMatches(a, kind));
        }

        var nodes = actors.Select(a => new ActorCount(a.Key, a.Value.Kind, a.Value.Names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).FirstOrDefault() ?? a.Key,
                a.Value.Events, a.Value.AsSource, a.Value.AsRecipient))
            .OrderByDescending(n => n.Events).ThenBy(n => n.Code, StringComparer.Ordinal).Take(maxNodes).ToList();
        var kept = nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var edges = pairs.Top(int.MaxValue).Where(p => p.Events >= minEdge && kept.Contains(p.A) && kept.Contains(p.B)).ToList();
        return new Network(nodes, edges);
    }

    /// <summary>The entities of an event's actors (sources then recipients, each once).</summary>
    public static IReadOnlyList<string> Entities(StoredEvent e) =>
        [.. e.Source.Concat(e.Recipient).Select(a => a.Entity).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The events of the dyad <paramref name="a"/>–<paramref name="b"/>, oldest first: with <paramref name="directed"/>, those
    /// with <paramref name="a"/> a source and <paramref name="b"/> a recipient; otherwise those naming both in any role.
    /// </summary>
    public static IReadOnlyList<StoredEvent> DyadEvents(EventStore store, string a, string b, bool directed, string? from, string? to, int limit)
    {
        if (directed)
        {
            return store.QueryEvents(new EventQuery { Actor = a, Recipient = b, From = from, To = to, Limit = limit });
        }

        var candidates = store.QueryEvents(new EventQuery { Actor = a, From = from, To = to, Limit = 20_000 })
            .Concat(store.QueryEvents(new EventQuery { Recipient = a, From = from, To = to, Limit = 20_000 }));
        return [.. candidates.DistinctBy(e => e.Id)
            .Where(e => Names(e, a) && Names(e, b))
            .OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Id).Take(limit)];
    }

    private static bool Names(StoredEvent e, string actor) => e.Source.Concat(e.Recipient).Any(x =>
        x.Country == actor || x.Org == actor || string.Equals(x.Name, actor, StringComparison.OrdinalIgnoreCase)
        || (actor.Contains('-', StringComparison.Ordinal) && (x.Entity + "-" + x.Sector) == actor));

    private static bool KindMatches(StoredActor a, string kind) => kind switch
    {
        "country" => a.Country is not null,
        "org" => a.Country is null && a.Org is not null,
        _ => true,
    };

    private sealed class ActorTally(string kind)
    {
        public string Kind { get; } = kind;

        public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);

        public int Events { get; set; }

        public int AsSource { get; set; }

        public int AsRecipient { get; set; }
    }

    private sealed class PairTally
    {
        private readonly Dictionary<(string, string), (int Events, int Weighted, double Sum)> _pairs = [];

        public void Add(StoredEvent e, Func<StoredActor, bool>? keep = null)
        {
            var entities = e.Source.Concat(e.Recipient).Where(a => keep is null || keep(a)).Select(a => a.Entity).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < entities.Count; i++)
            {
                for (var j = i + 1; j < entities.Count; j++)
                {
                    var key = (entities[i], entities[j]);
                    var (n, w, s) = _pairs.GetValueOrDefault(key);
                    _pairs[key] = e.Goldstein is { } g ? (n + 1, w + 1, s + g) : (n + 1, w, s);
                }
            }
        }

        public IReadOnlyList<DyadCount> Top(int n) => [.. _pairs
            .Select(p => new DyadCount(p.Key.Item1, p.Key.Item2, p.Value.Events, p.Value.Weighted > 0 ? Math.Round(p.Value.Sum / p.Value.Weighted, 3) : null))
            .OrderByDescending(p => p.Events).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).Take(n)];
    }
}
