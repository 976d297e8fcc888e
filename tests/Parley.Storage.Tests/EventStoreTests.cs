using Parley.Core;

namespace Parley.Storage.Tests;

public sealed class EventStoreTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Open_NewStore_AppliesEachMigrationOnce(string backend)
    {
        using var t = TestStore.Create(backend);
        using (var first = t.Open())
        {
            Assert.Equal(Migrations.Latest, first.SchemaVersion);
        }

        using var again = t.Open();
        Assert.Equal(Migrations.All.Select(m => m.Version), again.AppliedMigrations());
        Assert.Equal(backend == "sqlite" ? StoreBackend.Sqlite : StoreBackend.Postgres, again.Backend);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Store_SameContentTwice_SecondIsSkippedAndAddsNothing(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        Assert.Equal(StoreOutcome.Added, store.Store(doc, events, [], DedupPolicy.None).Outcome);
        var before = store.Counts();
        var again = store.Store(doc, events, [], DedupPolicy.None);
        Assert.Equal(StoreOutcome.Skipped, again.Outcome);
        Assert.Equal("unchanged (version 1)", again.Reason);
        var copy = store.Store(doc with { DocId = "mirror-of-cl-1" }, events, [], DedupPolicy.None);
        Assert.Equal(StoreOutcome.Skipped, copy.Outcome);
        Assert.Equal("same content as cl-1 (version 1)", copy.Reason);
        Assert.Equal(before, store.Counts());
        Assert.True(store.ContainsContent(doc.ContentHash));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Store_ChangedContentOfAKnownId_IsTheNextVersionAndReplacesItsEvents(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        store.Store(doc, events, [], DedupPolicy.None);
        var corrected = doc with { Text = doc.Text.Replace("Monday", "Tuesday", StringComparison.Ordinal) };
        var mention = events[0] with { Date = "2023-03-07" };
        var result = store.Store(corrected, [mention], [], DedupPolicy.None);
        Assert.Equal(StoreOutcome.NewVersion, result.Outcome);
        Assert.Equal(2, result.Version);
        Assert.Equal(new StoreCounts(1, 2, 1, 1, 0), store.Counts());
        var e = Assert.Single(store.QueryEvents(new EventQuery()));
        Assert.Equal("2023-03-07", e.Date);
        Assert.Equal(2, Assert.Single(e.Mentions).Version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Store_KilledBeforeCommit_LeavesNoPartOfTheDocument(string backend)
    {
        using var t = TestStore.Create(backend);
        using (var store = t.Open())
        {
            var (doc, events) = Samples.PeruStory();
            Assert.Throws<IOException>(() => store.Store(doc, events, [], DedupPolicy.None, () => throw new IOException("killed")));
            Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), store.Counts());
            Assert.False(store.ContainsContent(doc.ContentHash));
        }

        using var reopened = t.Open();
        var (d, e) = Samples.PeruStory();
        Assert.Equal(StoreOutcome.Added, reopened.Store(d, e, [], DedupPolicy.None).Outcome);
        Assert.Equal(new StoreCounts(1, 1, 2, 2, 0), reopened.Counts());
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Dedup_SameMeetingTwoDaysApartFromBothSides_WindowMergesAndNoneDoesNot(string backend)
    {
        foreach (var (policy, expectedEvents) in new[] { ("window:3", 2L), ("none", 3L), ("day", 3L), ("window:1", 3L) })
        {
            using var t = TestStore.Create(backend);
            using var store = t.Open();
            var (cl, clEvents) = Samples.ChileStory();
            var (pe, peEvents) = Samples.PeruStory();
            store.Store(cl, clEvents, [], DedupPolicy.Parse(policy));
            var result = store.Store(pe, peEvents, [], DedupPolicy.Parse(policy));
            Assert.Equal(expectedEvents, store.Counts().Events);
            Assert.Equal(3L, store.Counts().Mentions);
            var consult = store.QueryEvents(new EventQuery { Type = "CONSULT" });
            if (policy == "window:3")
            {
                Assert.Equal(1, result.Merged);
                var merged = Assert.Single(consult);
                Assert.Equal(2, merged.MentionCount);
                Assert.Equal(["cl-1", "pe-1"], merged.Mentions.Select(m => m.DocId));
                Assert.All(merged.Mentions, m => Assert.Equal("window:3", m.DedupPolicy));
                Assert.Equal("window:3", merged.DedupPolicy);
            }
            else
            {
                Assert.Equal(2, consult.Count);
                Assert.All(consult, e => Assert.Equal(policy, e.DedupPolicy));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Dedup_DifferentSectorsOrDirectedTypeReversed_AreNotMerged(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var policy = DedupPolicy.Parse("window:5");
        store.Store(Samples.Doc("a", "A"), [Samples.Event("a#e1", "ACCUSE", "112", -2, 3, "2023-01-10", [Samples.A("EGY", "GOV")], [Samples.A("ETH", "GOV")], "Egypt accused Ethiopia.")], [], policy);
        var reversed = store.Store(Samples.Doc("b", "B"), [Samples.Event("b#e1", "ACCUSE", "112", -2, 3, "2023-01-11", [Samples.A("ETH", "GOV")], [Samples.A("EGY", "GOV")], "Ethiopia accused Egypt.")], [], policy);
        var military = store.Store(Samples.Doc("c", "C"), [Samples.Event("c#e1", "ACCUSE", "112", -2, 3, "2023-01-11", [Samples.A("EGY", "MIL")], [Samples.A("ETH", "GOV")], "The Egyptian army accused Ethiopia.")], [], policy);
        var same = store.Store(Samples.Doc("d", "D"), [Samples.Event("d#e1", "ACCUSE", "112", -2, 3, "2023-01-12", [Samples.A("EGY")], [Samples.A("ETH", "GOV")], "Cairo accused Addis Ababa.")], [], policy);
        Assert.Equal((0, 0, 1), (reversed.Merged, military.Merged, same.Merged));
    }

    [Fact]
    public void Dyads_EveryPairOfEntities_InAlphabeticalOrderWithItsDirection()
    {
        var pairs = EventStore.Dyads([Samples.A("PER"), Samples.A("CHL")], [Samples.A("BOL"), Samples.Org("UNO")]).ToList();
        Assert.Equal(
            [("BOL", "CHL", 2), ("BOL", "PER", 2), ("BOL", "UNO", 0), ("CHL", "PER", 0), ("CHL", "UNO", 1), ("PER", "UNO", 1)],
            pairs);
        Assert.Empty(EventStore.Dyads([Samples.A("PER"), Samples.A("PER", "MIL")], []));
    }

    [Fact]
    public void DedupPolicy_ParsesTheThreeForms_AndRefusesOthersWithACode()
    {
        Assert.Equal("none", DedupPolicy.Parse("none").ToString());
        Assert.Equal("day", DedupPolicy.Parse("DAY").ToString());
        Assert.Equal(new DedupPolicy(DedupKind.Window, 3), DedupPolicy.Parse("window:3"));
        Assert.Equal("PRL3001", Assert.Throws<ParleyException>(() => DedupPolicy.Parse("week")).Error.Code);
        Assert.Equal("PRL3001", Assert.Throws<ParleyException>(() => DedupPolicy.Parse("window:-1")).Error.Code);
    }

    [Fact]
    public void StoreLocation_RecognisesPostgresUrisConnectionStringsAndFiles()
    {
        var uri = StoreLocation.Parse("postgres://ana:s%40cret@db.example.org:6543/events?sslmode=disable");
        Assert.Equal(StoreBackend.Postgres, uri.Backend);
        Assert.Contains("Host=db.example.org", uri.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Port=6543", uri.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Password=s@cret", uri.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("cret", uri.Display, StringComparison.Ordinal);
        Assert.Equal(StoreBackend.Postgres, StoreLocation.Parse("Host=localhost;Database=parley").Backend);
        var file = StoreLocation.Parse("data/events.db");
        Assert.Equal(StoreBackend.Sqlite, file.Backend);
        Assert.Equal(Path.GetFullPath("data/events.db"), file.ConnectionString);
    }

    [Fact]
    public void Open_UnreachableServer_IsACodedError()
    {
        var ex = Assert.Throws<ParleyException>(() => EventStore.Open("Host=127.0.0.1;Port=1;Timeout=2;Database=none"));
        Assert.Equal("PRL2005", ex.Error.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void QueryEvents_FiltersByActorRecipientTypeDatesAndText(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        string[] Ids(EventQuery q) => [.. store.QueryEvents(q).Select(e => e.FirstRecord)];
        Assert.Equal(["no-1#e1", "no-2#e1"], Ids(new EventQuery { Actor = "NOR" }));
        Assert.Equal(["se-1#e1", "se-1#e2"], Ids(new EventQuery { Recipient = "NOR" }));
        Assert.Equal(["se-1#e2"], Ids(new EventQuery { Actor = "SWE-MIL" }));
        Assert.Equal(["no-1#e1"], Ids(new EventQuery { Actor = "prime minister of norway" }));
        Assert.Equal(["ar-1#e1"], Ids(new EventQuery { Recipient = "UNO" }));
        Assert.Equal(["no-2#e1"], Ids(new EventQuery { Type = "consult" }));
        Assert.Equal(["se-1#e2"], Ids(new EventQuery { Type = "15" }));
        Assert.Equal(["se-1#e1", "se-1#e2"], Ids(new EventQuery { From = "2023-04-10", To = "2023-04" }));
        Assert.Equal(["ar-1#e1"], Ids(new EventQuery { Text = "FISHING rights" }));
        Assert.Empty(Ids(new EventQuery { Actor = "NOR", Type = "ACCUSE" }));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Dyad_ByWeekAndMonth_CountsQuadClassesAndGoldstein(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var months = store.Dyad("NOR", "SWE", "month");
        Assert.Equal(
            [new DyadPeriod("2023-04", 3, 1, 0, 1, 1, -5.8, -1.933333), new DyadPeriod("2023-05", 1, 1, 0, 0, 0, 1, 1)],
            months);
        var weeks = store.Dyad("SWE", "NOR", "week", directed: true);
        Assert.Equal([new DyadPeriod("2023-04-10", 2, 0, 0, 1, 1, -9.2, -4.6)], weeks);
        Assert.Empty(store.Dyad("NOR", "ARG"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Calendar_AndSearch_AnswerFromCurrentDocuments(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var item = Assert.Single(store.Calendar(from: "2023-05"));
        Assert.Equal(("no-1", "2023-05-15", "talks"), (item.DocId, item.Entry.ExpectedDate, item.Entry.Trigger));
        Assert.Single(store.Calendar(actor: "SWE-GOV"));
        Assert.Empty(store.Calendar(actor: "ARG"));
        var hits = store.Search("deployed troops");
        Assert.Equal("se-1", Assert.Single(hits).DocId);
        Assert.Contains("[", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal(["no-1"], store.Search("Norway talks").Select(h => h.DocId));
        Assert.Empty(store.Search("\"*"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Migration2_StoreWrittenBeforeIt_GetsTheLocationsOfItsCodeRecords(string backend)
    {
        using var t = TestStore.Create(backend);
        using (var store = t.Open())
        {
            var record = """{"id":"ke-1#e1","location":{"text":"Nairobi","name":"Nairobi","geonames_id":184745,"country":"KEN","admin1":"05","lat":-1.2833,"lon":36.8167,"precision":"city","how":"dateline"}}""";
            store.Store(
                Samples.Doc("ke-1", "Kenya's president received the Ghanaian foreign minister. Ghana thanked Kenya."),
                [
                    Samples.Event("ke-1#e1", "CONSULT", "040", 1.0, 1, "2023-03-01", [Samples.A("KEN", "GOV")], [Samples.A("GHA", "GOV")], "Kenya's president received the Ghanaian foreign minister.") with { RecordJson = record },
                    Samples.Event("ke-1#e2", "SUPPORT", "051", 3.4, 1, "2023-03-01", [Samples.A("GHA")], [Samples.A("KEN")], "Ghana thanked Kenya.", 1) with { RecordJson = """{"id":"ke-1#e2","location":null}""" },
                ],
                [],
                DedupPolicy.None);

            // back to schema 1: what a store written by the previous Parley looks like
            store.Execute("ALTER TABLE events DROP COLUMN location");
            store.Execute("ALTER TABLE event_mentions DROP COLUMN location");
            store.Execute("DROP TABLE api_keys");
            store.Execute("DROP TABLE agg_event_types; DROP TABLE agg_actors; DROP TABLE agg_entities; DROP TABLE agg_dyads; DROP INDEX events_date");
            store.Execute("DELETE FROM schema_migrations WHERE version >= 2");
        }

        using var migrated = t.Open();
        Assert.Equal(Migrations.Latest, migrated.SchemaVersion);
        Assert.Contains(2, migrated.AppliedMigrations());
        var events = migrated.AllEvents().ToList();
        Assert.Equal(new StoredLocation("Nairobi", "Nairobi", 184745, "KEN", "05", -1.2833, 36.8167, "city", "dateline"), events.Single(e => e.FirstRecord == "ke-1#e1").Location);
        Assert.Null(events.Single(e => e.FirstRecord == "ke-1#e2").Location);
        Assert.Equal(1L, Convert.ToInt64(migrated.Scalar("SELECT COUNT(*) FROM event_mentions WHERE location IS NOT NULL"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Store_EventWithAPlace_KeepsItOnTheEventAndItsMention(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        store.Store(doc, events, [], DedupPolicy.None);
        Assert.Equal(Samples.Lima, Assert.Single(store.AllEvents()).Location);
        Assert.Equal(1L, Convert.ToInt64(store.Scalar("SELECT COUNT(*) FROM event_mentions WHERE location IS NOT NULL"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
