using Parley.Cli.Tests;
namespace Parley.Storage.Tests;

public sealed class ExportTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Export_SampleStore_MatchesTheGoldenFilesOnEveryBackend(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store, DedupPolicy.Parse("window:3"));
        var (cl, clEvents) = Samples.ChileStory();
        var (pe, peEvents) = Samples.PeruStory();
        store.Store(cl, clEvents, [], DedupPolicy.Parse("window:3"));
        store.Store(pe, peEvents, [], DedupPolicy.Parse("window:3"));
        foreach (var (format, file) in new[] { ("plover-jsonl", "export.plover.jsonl"), ("csv", "export.csv"), ("icews-tsv", "export.icews.tsv"), ("phoenix-tsv", "export.phoenix.tsv") })
        {
            using var output = new StringWriter { NewLine = "\n" };
            var n = EventExport.Write(format, store.AllEvents(pageSize: 3), output);
            Assert.Equal(7, n);
            GoldenFile.AssertMatches(file, output.ToString(), "Parley.Storage.Tests");
        }
    }

    [Fact]
    public void Export_Icews_HasTheTwentyColumnsOnEveryLine()
    {
        using var t = TestStore.Create("sqlite");
        using var store = t.Open();
        Samples.Fill(store);
        using var output = new StringWriter { NewLine = "\n" };
        EventExport.Write("icews-tsv", store.AllEvents(), output, cameo => cameo == "051" ? "Praise or endorse" : null);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(EventExport.IcewsColumns, lines[0].Split('\t'));
        Assert.Equal(20, EventExport.IcewsColumns.Count);
        Assert.All(lines, l => Assert.Equal(20, l.Split('\t').Length));
        Assert.Contains("\tPraise or endorse\t051\t3.4\t", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void QueryAndExportCommands_SampleStore_MatchTheGoldenFiles()
    {
        using var t = TestStore.Create("sqlite");
        using (var store = t.Open())
        {
            Samples.Fill(store);
        }

        var dyad = CliRunner.Run(null, "query", "dyad", "NOR", "SWE", "--by", "week", "--store", t.Value, "--csv");
        Assert.Equal(0, dyad.ExitCode);
        GoldenFile.AssertMatches("query-dyad-week.csv", dyad.StdOut, "Parley.Storage.Tests");
        var events = CliRunner.Run(null, "query", "events", "--recipient", "NOR", "--store", t.Value, "--json");
        Assert.Equal(0, events.ExitCode);
        GoldenFile.AssertMatches("query-events-recipient.jsonl", events.StdOut, "Parley.Storage.Tests");
        var export = CliRunner.Run(null, "export", "--format", "icews-tsv", "--store", t.Value);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("export: 5 events", export.StdErr, StringComparison.Ordinal);
        GoldenFile.AssertMatches("export-cli.icews.tsv", export.StdOut, "Parley.Storage.Tests");
    }

    [Fact]
    public void QueryCommand_BadStoreValue_IsACodedUsageError()
    {
        var r = CliRunner.Run(null, "query", "events", "--store", "postgres://");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error PRL3001", r.StdErr, StringComparison.Ordinal);
    }
}
