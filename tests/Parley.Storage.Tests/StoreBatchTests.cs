namespace Parley.Storage.Tests;

/// <summary><see cref="EventStore.StoreMany(IReadOnlyList{StoreItem}, DedupPolicy)"/>: several documents per transaction, each in a savepoint.</summary>
public sealed class StoreBatchTests
{
    private static List<StoreItem> Corpus() => [.. Samples.Corpus().Select(c => new StoreItem(c.Doc, c.Events, c.Calendar))];

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void StoreMany_Corpus_StoresWhatOneDocumentPerTransactionStores(string backend)
    {
        using var one = TestStore.Create(backend);
        using var many = TestStore.Create(backend);
        using var a = one.Open();
        using var b = many.Open();
        Samples.Fill(a, DedupPolicy.Parse("window:3"));
        var results = b.StoreMany(Corpus(), DedupPolicy.Parse("window:3"));
        Assert.All(results, r => Assert.Equal(StoreOutcome.Added, r.Result!.Outcome));
        Assert.Equal(a.Counts(), b.Counts());
        Assert.Equal(a.Actors(new ActorQuery()), b.Actors(new ActorQuery()), new ActorComparer());
        Assert.Equal(a.Dyad("NOR", "SWE", "week"), b.Dyad("NOR", "SWE", "week"));
        Assert.Equal(
            a.QueryEvents(new EventQuery()).Select(e => (e.FirstRecord, e.Source.Count, e.Recipient.Count, e.Location)),
            b.QueryEvents(new EventQuery()).Select(e => (e.FirstRecord, e.Source.Count, e.Recipient.Count, e.Location)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void StoreMany_ARefusedDocument_IsLeftOutAloneWithACode(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var items = Corpus();
        var bad = items[1];
        items[1] = bad with { Mentions = [bad.Mentions[0], bad.Mentions[1] with { Evidence = null! }] }; // NOT NULL: the database refuses it
        var results = store.StoreMany(items, DedupPolicy.None);
        Assert.Null(results[1].Result);
        Assert.Equal("PRL2005", results[1].Error!.Diagnostic.Error.Code);
        Assert.Contains("se-1", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.All(results.Where((_, i) => i != 1), r => Assert.Equal(StoreOutcome.Added, r.Result!.Outcome));
        Assert.Equal(new StoreCounts(3, 3, 3, 3, 1), store.Counts());
        Assert.False(store.ContainsContent(bad.Document.ContentHash));
        Assert.DoesNotContain(store.Actors(new ActorQuery()), a => a.Code == "SWE-MIL"); // none of its actor rows either
        Assert.Equal(StoreOutcome.Added, store.Store(bad.Document, bad.Mentions, bad.Calendar, DedupPolicy.None).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void StoreMany_KilledBeforeCommit_LeavesNoneOfTheBatch_AndARerunStoresIt(string backend)
    {
        using var t = TestStore.Create(backend);
        using (var store = t.Open())
        {
            Assert.Throws<IOException>(() => store.StoreMany(Corpus(), DedupPolicy.None, () => throw new IOException("killed")));
            Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), store.Counts());
        }

        using var reopened = t.Open();
        Assert.All(reopened.StoreMany(Corpus(), DedupPolicy.None), r => Assert.Equal(StoreOutcome.Added, r.Result!.Outcome));
        Assert.Equal(new StoreCounts(4, 4, 5, 5, 1), reopened.Counts());
        Assert.Equal(6, reopened.Actors(new ActorQuery()).Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void StoreMany_SameContentAndANewVersionInOneBatch_SkipsTheCopyAndReplacesTheOldVersion(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        var corrected = doc with { Text = doc.Text.Replace("Monday", "Tuesday", StringComparison.Ordinal) };
        var results = store.StoreMany(
            [new StoreItem(doc, events, []), new StoreItem(doc with { DocId = "cl-copy" }, events, []), new StoreItem(corrected, [events[0] with { Date = "2023-03-07" }], [])],
            DedupPolicy.None);
        Assert.Equal([StoreOutcome.Added, StoreOutcome.Skipped, StoreOutcome.NewVersion], results.Select(r => r.Result!.Outcome));
        Assert.Equal(new StoreCounts(1, 2, 1, 1, 0), store.Counts());
        var actor = Assert.Single(store.Actors(new ActorQuery()), a => a.Code == "CHL-GOV");
        Assert.Equal((1L, "2023-03-07"), (actor.Events, actor.FirstDate));
        Assert.Equal(1, store.Dyad("CHL", "PER").Sum(p => p.Events));
    }

    [Fact]
    public void StoreMany_MoreThanTheMaximum_IsRefused()
    {
        using var t = TestStore.Create("sqlite");
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        var items = Enumerable.Range(0, EventStore.MaxBatch + 1).Select(i => new StoreItem(doc with { DocId = $"d{i}", Title = $"t{i}" }, events, [])).ToList();
        Assert.Throws<ArgumentException>(() => store.StoreMany(items, DedupPolicy.None));
    }

    private sealed class ActorComparer : IEqualityComparer<ActorSummary>
    {
        public bool Equals(ActorSummary? x, ActorSummary? y) =>
            x is not null && y is not null && x with { People = [] } == y with { People = [] } && x.People.SequenceEqual(y.People);

        public int GetHashCode(ActorSummary obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
