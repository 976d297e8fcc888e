using System.Globalization;

namespace Parley.Storage.Tests;

/// <summary>
/// The monthly rollups (<see cref="EventStore.Overview"/>, <see cref="EventStore.Network"/>, <see cref="EventStore.ActorCounts"/>)
/// against the same figures counted by hand from <see cref="EventStore.AllEvents"/>, through new versions, merges, batches and
/// a rebuild; and the streaming and paging of events.
/// </summary>
public sealed class AggregateTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Overview_SampleStore_CountsMonthsTypesAndDyads(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var o = store.Overview();
        Assert.Equal(5, o.Events);
        Assert.Equal([new MonthQuadCounts("2023-04", 1, 0, 1, 1), new MonthQuadCounts("2023-05", 2, 0, 0, 0)], o.ByMonth);
        Assert.Equal(new TypeCount("ACCUSE", 1), o.Types[0]);
        Assert.Equal(5, o.Types.Count);
        Assert.Equal(new PairCount("NOR", "SWE", 4, -1.2), o.Dyads[0]);
        Assert.Equal(new PairCount("ARG", "UNO", 1, -0.1), o.Dyads[1]);
        var may = store.Overview("2023-05-10", "2023-05");
        Assert.Equal((2L, 1), (may.Events, may.ByMonth.Count));
        AssertMatchesTheEvents(store);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void NetworkAndActorCounts_SampleStore_CountEachEventOncePerEntityAndRole(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var network = store.Network();
        Assert.Equal(
            [new EntityCount("NOR", "country", 4, 2, 2), new EntityCount("SWE", "country", 4, 2, 2), new EntityCount("ARG", "country", 1, 1, 0), new EntityCount("UNO", "org", 1, 0, 1)],
            network.Nodes);
        Assert.Equal([new PairCount("NOR", "SWE", 4, -1.2), new PairCount("ARG", "UNO", 1, -0.1)], network.Edges);
        Assert.Equal(["UNO"], store.Network(kind: "org").Nodes.Select(n => n.Code));
        Assert.Empty(store.Network(kind: "org").Edges);
        Assert.Equal([new PairCount("NOR", "SWE", 4, -1.2)], store.Network(minEdge: 2).Edges);
        Assert.Equal(["NOR", "SWE"], store.Network(maxNodes: 2).Nodes.Select(n => n.Code));

        var actors = store.ActorCounts();
        Assert.Equal(["NOR-GOV", "SWE-GOV", "ARG-GOV", "NOR", "SWE-MIL", "UNO-IGO"], actors.Select(a => a.Code));
        Assert.Equal(new ActorCount("SWE-GOV", "SWE", null, "GOV", 3, 1, 2, "2023-04", "2023-05"), actors[1]);
        Assert.Equal(new ActorCount("UNO-IGO", null, "UNO", "IGO", 1, 0, 1, "2023-05", "2023-05"), actors[5]);
        Assert.Equal(["UNO-IGO"], store.ActorCounts(kind: "org").Select(a => a.Code));
        Assert.Equal(["ARG-GOV", "NOR-GOV", "SWE-GOV", "UNO-IGO"], store.ActorCounts(from: "2023-05").Select(a => a.Code));
        Assert.Equal(["NOR-GOV"], store.ActorCounts(limit: 1).Select(a => a.Code));
        Assert.Empty(store.ActorCounts(from: "2030"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Rollups_NewVersionsMergesBatchesAndRebuild_AlwaysAgreeWithTheEvents(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var (cl, clEvents) = Samples.ChileStory();
        var (pe, peEvents) = Samples.PeruStory();
        store.Store(cl, clEvents, [], DedupPolicy.Parse("window:3"));
        store.Store(pe, peEvents, [], DedupPolicy.Parse("window:3")); // the meeting merges into Chile's event
        AssertMatchesTheEvents(store);

        // a corrected Chilean story: its event (shared with Peru's mention) stays; a new version without events removes nothing else
        store.Store(cl with { Text = cl.Text + " Updated." }, [], [], DedupPolicy.None);
        AssertMatchesTheEvents(store);
        // Peru's story replaced: the merged event loses its last mention and is deleted, with its counts
        store.Store(pe with { Text = pe.Text + " Corrected." }, [peEvents[1]], [], DedupPolicy.None);
        AssertMatchesTheEvents(store);
        Assert.Equal(1, store.Overview().Events);

        // a batch holding a document and its next version
        var items = Samples.Corpus().Select(c => new StoreItem(c.Doc, c.Events, c.Calendar)).ToList();
        items.Add(items[0] with { Document = items[0].Document with { Text = items[0].Document.Text + " Later." } });
        store.StoreMany(items, DedupPolicy.None);
        AssertMatchesTheEvents(store);
        var before = (store.Overview(), store.Network(), store.ActorCounts());

        store.Execute("DELETE FROM agg_dyads; UPDATE agg_entities SET events = 99");
        store.RebuildAggregates();
        var after = (store.Overview(), store.Network(), store.ActorCounts());
        Assert.Equal(before.Item1.ByMonth, after.Item1.ByMonth);
        Assert.Equal(before.Item1.Dyads, after.Item1.Dyads);
        Assert.Equal(before.Item2.Nodes, after.Item2.Nodes);
        Assert.Equal(before.Item3, after.Item3);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Migration4_StoreWrittenBeforeIt_GetsItsRollupsFilled(string backend)
    {
        using var t = TestStore.Create(backend);
        using (var store = t.Open())
        {
            Samples.Fill(store);
            store.Execute("DROP TABLE agg_event_types; DROP TABLE agg_actors; DROP TABLE agg_entities; DROP TABLE agg_dyads; DROP INDEX events_date");
            store.Execute("DELETE FROM schema_migrations WHERE version >= 4");
        }

        using var migrated = t.Open();
        Assert.Contains(4, migrated.AppliedMigrations());
        Assert.Equal(5, migrated.Overview().Events);
        AssertMatchesTheEvents(migrated);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void StreamEvents_WithAndWithoutFilters_YieldsWhatQueryEventsFindsInIdOrder(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        store.Store(Samples.PeruStory().Doc, Samples.PeruStory().Events, [], DedupPolicy.None);
        foreach (var q in new[] { new EventQuery(), new EventQuery { Actor = "SWE" }, new EventQuery { Recipient = "NOR", From = "2023-04-13" }, new EventQuery { Type = "04" }, new EventQuery { Text = "troops" }, new EventQuery { Actor = "XXX" } })
        {
            var streamed = store.StreamEvents(q).ToList();
            var expected = store.QueryEvents(q with { Limit = 1000 }).OrderBy(e => e.Id).ToList();
            Assert.Equal(expected.Select(e => e.Id), streamed.Select(e => e.Id));
            Assert.Equal(expected.Select(e => e.Mentions.Count), streamed.Select(e => e.Mentions.Count));
            Assert.Equal(expected.SelectMany(e => e.Mentions), streamed.SelectMany(e => e.Mentions));
            Assert.Equal(expected.Select(e => (e.Event, e.Date, e.Goldstein, e.Location)), streamed.Select(e => (e.Event, e.Date, e.Goldstein, e.Location)));
        }

        // leaving a stream early frees the connection for the next query
        Assert.Single(store.StreamEvents(new EventQuery()).Take(1));
        Assert.Equal(7, store.QueryEvents(new EventQuery()).Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void QueryEventsOffsetAndDyadEvents_PageAndPickTheDyad(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var all = store.QueryEvents(new EventQuery());
        Assert.Equal(all.Skip(2).Take(2).Select(e => e.Id), store.QueryEvents(new EventQuery { Offset = 2, Limit = 2 }).Select(e => e.Id));
        Assert.Empty(store.QueryEvents(new EventQuery { Offset = 5 }));

        var dyad = store.DyadEvents("SWE", "NOR");
        Assert.Equal(["2023-05-02", "2023-04-13", "2023-04-12", "2023-04-03"], dyad.Select(e => e.Date));
        Assert.All(dyad, e => Assert.NotEmpty(e.Mentions));
        Assert.Equal(["2023-04-13", "2023-04-12"], store.DyadEvents("SWE", "NOR", directed: true).Select(e => e.Date));
        Assert.Equal(["2023-05-02", "2023-04-03"], store.DyadEvents("NOR", "SWE", directed: true).Select(e => e.Date));
        Assert.Equal(["2023-04-13", "2023-04-12"], store.DyadEvents("NOR", "SWE", from: "2023-04-10", to: "2023-04").Select(e => e.Date));
        Assert.Single(store.DyadEvents("NOR", "SWE", limit: 1));
        Assert.Empty(store.DyadEvents("NOR", "ARG"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Calendar_ActorFilterAndLimit_CountOnlyTheItemsThatNameTheActor(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        CalendarEntry Item(string actor, string date) =>
            new("planned", "CONSULT", "040", [Samples.A(actor, "GOV")], date, null, $"Talks with {actor} are planned.", 0, 20, "talks", "announced by \"will\"", "parley.events.v1");
        store.Store(Samples.Doc("cal-1", "Two rounds of talks are planned."), [], [Item("FIN", "2023-06-01"), Item("FIN", "2023-06-02"), Item("EST", "2023-06-03")], DedupPolicy.None);
        Assert.Equal(["2023-06-03"], store.Calendar(actor: "EST", limit: 1).Select(i => i.Entry.ExpectedDate));
        Assert.Equal(["2023-06-01"], store.Calendar(actor: "FIN", limit: 1).Select(i => i.Entry.ExpectedDate));
        Assert.Equal(2, store.Calendar(limit: 2).Count);
        Assert.Equal(3, store.Calendar().Count);
    }

    /// <summary>The rollups' answers equal the same figures counted from every stored event (all of them, and in a one-month period).</summary>
    private static void AssertMatchesTheEvents(EventStore store)
    {
        foreach (var (from, to) in new (string?, string?)[] { (null, null), ("2023-03", "2023-04-30") })
        {
            var events = store.AllEvents(from, to).ToList();
            var overview = store.Overview(from, to, 100);
            Assert.Equal(events.Count, overview.Events);
            var months = events.Where(e => e.Date is { Length: >= 7 }).GroupBy(e => e.Date![..7]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MonthQuadCounts(g.Key, g.Count(e => e.Quad == 1), g.Count(e => e.Quad == 2), g.Count(e => e.Quad == 3), g.Count(e => e.Quad == 4)));
            Assert.Equal(months, overview.ByMonth);
            Assert.Equal(events.GroupBy(e => e.Event).Select(g => new TypeCount(g.Key, g.Count())).OrderByDescending(c => c.Events).ThenBy(c => c.Event, StringComparer.Ordinal), overview.Types);

            var pairs = events.SelectMany(e =>
            {
                var entities = e.Source.Concat(e.Recipient).Select(a => a.Entity).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                return entities.SelectMany((a, i) => entities.Skip(i + 1).Select(b => (a, b, e.Goldstein)));
            }).GroupBy(p => (p.a, p.b)).Select(g => new PairCount(g.Key.a, g.Key.b, g.Count(), g.Any(p => p.Goldstein is not null) ? Math.Round(g.Where(p => p.Goldstein is not null).Average(p => p.Goldstein!.Value), 3) : null))
                .OrderByDescending(p => p.Events).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).ToList();
            Assert.Equal(pairs, overview.Dyads);
            Assert.Equal(pairs, store.Network(from, to, maxNodes: 300).Edges);

            var nodes = events.SelectMany(e => e.Source.Select(a => (a, role: 1)).Concat(e.Recipient.Select(a => (a, role: 2))).Where(x => x.a.Entity is not null)
                    .GroupBy(x => x.a.Entity!).Select(g => (g.Key, kind: g.First().a.Country is not null ? "country" : "org", roles: g.Aggregate(0, (r, x) => r | x.role))))
                .GroupBy(x => x.Key).Select(g => new EntityCount(g.Key, g.First().kind, g.Count(), g.Count(x => (x.roles & 1) != 0), g.Count(x => (x.roles & 2) != 0)))
                .OrderByDescending(n => n.Events).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
            Assert.Equal(nodes, store.Network(from, to, maxNodes: 300).Nodes);
            Assert.Equal(
                events.SelectMany(e => e.Source.Concat(e.Recipient).Where(a => a.Entity is not null).Select(a => (a.Country, a.Org, a.Sector)).Distinct()).Count(),
                store.ActorCounts(from, to, limit: 1000).Sum(a => a.Events));
        }

        Assert.Equal(store.Counts().Events.ToString(CultureInfo.InvariantCulture), store.Overview().Events.ToString(CultureInfo.InvariantCulture));
    }
}
