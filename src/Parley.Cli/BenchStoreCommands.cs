using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parley.Core;
using Parley.Linguistics.Entities;
using Parley.Readers;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// <c>parley bench ingest</c> and <c>parley bench dyad</c>: the event store's throughput and query speed, on a temporary
/// SQLite file unless <c>--store</c> names a store (PostgreSQL included) that may be filled with benchmark data.
/// </summary>
internal static class BenchStoreCommands
{
    public static Command CreateIngest()
    {
        var shared = SharedData.CreateOption();
        var store = IngestCommand.StoreOption();
        var articles = new Option<int>("--articles") { Description = "Distinct articles to generate and ingest (default 10,000).", DefaultValueFactory = _ => 10_000 };
        var jobs = new Option<int>("--jobs") { Description = "Coding workers (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("ingest", "Ingest throughput: distinct articles recombined from the NGEC synthetic stories (two stories each), coded and stored; articles/s.") { shared, store, articles, jobs };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(articles);
            if (count <= 0)
            {
                throw new ParleyException(Errors.InvalidOption, "--articles must be positive.");
            }

            var texts = EntityCorpora.NgecTexts(SharedData.Locate(parse.GetValue(shared)));
            var folder = Directory.CreateTempSubdirectory("parley-bench-ingest-").FullName;
            try
            {
                var input = Path.Combine(folder, "articles.jsonl");
                using (var writer = new StreamWriter(input))
                {
                    for (var i = 0; i < count; i++)
                    {
                        var text = texts[i % texts.Count] + "\n\n" + texts[(int)((i * 31L + 7 + i / texts.Count) % texts.Count)];
                        var record = new Dictionary<string, object>
                        {
                            ["id"] = string.Create(CultureInfo.InvariantCulture, $"bench-{i}"),
                            ["title"] = string.Create(CultureInfo.InvariantCulture, $"Generated article {i}"),
                            ["published"] = new DateOnly(2023, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            ["text"] = text,
                        };
                        writer.WriteLine(JsonSerializer.Serialize(record));
                    }
                }

                var location = StoreLocation.Parse(parse.GetValue(store) ?? Path.Combine(folder, "bench.db"));
                using var me = Process.GetCurrentProcess();
                var summary = IngestCommand.Run(new DocumentReader(new ReaderOptions()), [input], location, DedupPolicy.Parse("window:1"), Math.Clamp(parse.GetValue(jobs), 1, 64), cancellationToken);
                summary.Print(location);
                me.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ingest: {count} articles, {summary.Added + summary.NewVersions} stored, {summary.Mentions} event mentions in {summary.Elapsed.TotalSeconds:0.0} s: {(summary.Added + summary.NewVersions) / summary.Elapsed.TotalSeconds:0.00} articles/s with {parse.GetValue(jobs)} workers on {Environment.ProcessorCount} cores (gate ≥ 200/s); peak working set {me.PeakWorkingSet64 / (1 << 20)} MB"));
                return Task.FromResult(summary.ExitCode);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    public static Command CreateDyad()
    {
        var store = IngestCommand.StoreOption();
        var events = new Option<int>("--events") { Description = "Synthetic events to generate (default 1,000,000).", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each query (the median is reported).", DefaultValueFactory = _ => 5 };
        var command = new Command("dyad", "Dyad series speed over synthetic events (week and month) and the store's size per million events; a temporary SQLite file unless --store names a throw-away store.") { store, events, runs };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(events);
            if (count <= 0)
            {
                throw new ParleyException(Errors.InvalidOption, "--events must be positive.");
            }

            var folder = Directory.CreateTempSubdirectory("parley-bench-dyad-").FullName;
            try
            {
                using var db = EventStore.Open(StoreLocation.Parse(parse.GetValue(store) ?? Path.Combine(folder, "bench.db")));
                var clock = Stopwatch.StartNew();
                var (a, b) = db.AddSyntheticEvents(count);
                var fill = clock.Elapsed;
                var size = db.SizeInBytes();
                var total = db.Counts().Events;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench dyad: {db.Backend} {db.Location.Display}: {count:N0} synthetic events added in {fill.TotalSeconds:0.0} s ({count / fill.TotalSeconds:N0} events/s); store holds {total:N0} events, {size / 1048576.0:0.0} MB ({size / 1048576.0 / (total / 1e6):0.0} MB per million events)"));
                foreach (var by in new[] { "week", "month" })
                {
                    var times = new List<double>();
                    IReadOnlyList<DyadPeriod> series = [];
                    for (var i = 0; i < Math.Max(1, parse.GetValue(runs)); i++)
                    {
                        clock.Restart();
                        series = db.Dyad(a, b, by);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }

                    times.Sort();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bench dyad: {a}–{b} by {by}: {series.Count} periods, {series.Sum(p => p.Events):N0} events; median {times[times.Count / 2]:0.0} ms, slowest {times.Max():0.0} ms (gate ≤ 200 ms)"));
                }

                return ExitCodes.Success;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
