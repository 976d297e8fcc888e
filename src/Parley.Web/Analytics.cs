using Parley.Storage;

namespace Parley.Web;

/// <summary>Overview figures of <c>GET /v1/stats</c> and the overview page.</summary>
/// <param name="Counts">What the store holds.</param>
/// <param name="Events">Events in the period (all events when no period is given).</param>
/// <param name="ByMonth">Events per month by quad class (dated events).</param>
/// <param name="TopTypes">PLOVER types, most frequent first.</param>
/// <param name="TopDyads">The pairs of entities with the most events.</param>
/// <param name="LatestDocuments">The most recently published documents.</param>
internal sealed record Stats(StoreCounts Counts, long Events, IReadOnlyList<MonthQuadCounts> ByMonth, IReadOnlyList<TypeCount> TopTypes, IReadOnlyList<PairCount> TopDyads, IReadOnlyList<DocumentSummary> LatestDocuments);

/// <summary>
/// The overview, actor and network figures, all computed by the store from its monthly rollups (<see cref="EventStore.Overview"/>,
/// <see cref="EventStore.Network"/>, <see cref="EventStore.ActorCounts"/>): no request reads the events themselves.
/// </summary>
internal static class Analytics
{
    public static Stats Stats(EventStore store, string? from, string? to, int top)
    {
        var overview = store.Overview(from, to, top);
        return new Stats(store.Counts(), overview.Events, overview.ByMonth, overview.Types, overview.Dyads, store.Documents(top));
    }

    /// <summary>The entities of an event's actors (sources then recipients, each once).</summary>
    public static IReadOnlyList<string> Entities(StoredEvent e) =>
        [.. e.Source.Concat(e.Recipient).Select(a => a.Entity).OfType<string>().Distinct(StringComparer.Ordinal)];
}
