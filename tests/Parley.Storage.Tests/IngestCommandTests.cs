using Parley.Cli.Tests;
namespace Parley.Storage.Tests;

/// <summary>
/// <c>./parley ingest</c> end to end on two dev articles that report one meeting from its two sides, published two days
/// apart (the brief's deduplication case): the same pipeline as <c>./parley code</c>, then the store.
/// </summary>
public sealed class IngestCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Ingest_TwoReportsOfOneMeeting_Window3MergesThemAndARerunAddsNothing(string backend)
    {
        using var t = TestStore.Create(backend);
        var folder = Directory.CreateTempSubdirectory("parley-ingest-test-").FullName;
        try
        {
            var jsonl = DevSet.Articles(folder, "000", "001");
            var first = CliRunner.Run(null, "ingest", jsonl, "--store", t.Value, "--dedup", "window:3");
            Assert.True(first.ExitCode == 0, first.StdErr);
            Assert.Contains("2 documents: 2 new, 0 new versions, 0 skipped", first.StdErr, StringComparison.Ordinal);
            StoreCounts counts;
            using (var store = t.Open())
            {
                counts = store.Counts();
                var consult = store.QueryEvents(new EventQuery { Type = "CONSULT" });
                var meeting = Assert.Single(consult, e => e.MentionCount == 2);
                Assert.Equal(["000", "001"], meeting.Mentions.Select(m => m.DocId).Order());
                Assert.All(meeting.Mentions, m => Assert.Equal("window:3", m.DedupPolicy));
                Assert.Equal(counts.Mentions, counts.Events + store.QueryEvents(new EventQuery()).Sum(e => e.MentionCount - 1));
                Assert.True(counts.CalendarItems > 0);
            }

            var again = CliRunner.Run(null, "ingest", jsonl, "--store", t.Value, "--dedup", "window:3");
            Assert.True(again.ExitCode == 0, again.StdErr);
            Assert.Contains("2 documents: 0 new, 0 new versions, 2 skipped", again.StdErr, StringComparison.Ordinal);
            using var reopened = t.Open();
            Assert.Equal(counts, reopened.Counts());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ingest_PolicyNone_KeepsTheReportsApart_AndABadRecordDoesNotStopTheBatch()
    {
        using var t = TestStore.Create("sqlite");
        var folder = Directory.CreateTempSubdirectory("parley-ingest-test-").FullName;
        try
        {
            var jsonl = DevSet.Articles(folder, "000", "001");
            File.AppendAllText(jsonl, "{\"id\": \"broken\", \"text\": \n");
            var r = CliRunner.Run(null, "ingest", jsonl, "--store", t.Value, "--dedup", "none", "--jobs", "1");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("error PRL1006", r.StdErr, StringComparison.Ordinal);
            Assert.Contains("2 new, 0 new versions, 0 skipped (same content), 1 failed", r.StdErr, StringComparison.Ordinal);
            Assert.Contains("failed PRL1006", r.StdErr, StringComparison.Ordinal);
            using var store = t.Open();
            var consult = store.QueryEvents(new EventQuery { Type = "CONSULT" });
            Assert.True(consult.Count >= 2);
            Assert.All(consult, e => Assert.Equal(1, e.MentionCount));
            Assert.All(consult, e => Assert.Equal("none", e.DedupPolicy));
            Assert.Equal(2, store.Search("referendum").Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public void Postgres_ServerForTheTests_IsConfigured()
    {
        Assert.True(TestStore.PostgresServer is not null, $"{TestStore.PostgresVariable} is not set while CI=true: scripts/test must start PostgreSQL before the tests.");
        using var t = TestStore.Create("postgres");
        using var store = t.Open();
        Assert.Equal(StoreBackend.Postgres, store.Backend);
    }
}
