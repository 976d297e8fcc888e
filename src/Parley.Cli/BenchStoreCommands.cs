using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parley.Core;
using Parley.Ingest;
using Parley.Linguistics;
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
        var storeOnly = new Option<bool>("--store-only")
        {
            Description = "Measure the store alone: code a sample of 50 articles once, then store --articles copies of them (new ids, titles and dates), one document per transaction and in batches.",
        };
        var wholeStories = new Option<bool>("--whole-stories")
        {
            Description = "Join two whole stories per article (about 18 sentences, twice a typical article; the generator before session 14) instead of the first half of one story and the second half of another.",
        };
        var command = new Command("ingest", "Ingest throughput: distinct articles recombined from the NGEC synthetic stories (the first half of one story and the second half of another, about one story long), coded and stored; articles/s, with the coding and storing times.") { shared, store, articles, jobs, storeOnly, wholeStories };
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
                long totalSentences = 0;
                using (var writer = new StreamWriter(input))
                {
                    for (var i = 0; i < count; i++)
                    {
                        var text = SyntheticArticles.Recombine(texts[i % texts.Count], texts[(int)((i * 31L + 7 + i / texts.Count) % texts.Count)], parse.GetValue(wholeStories), out var sentences);
                        totalSentences += sentences;
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
                if (parse.GetValue(storeOnly))
                {
                    return Task.FromResult(StoreOnly(input, location, count, cancellationToken));
                }

                using var me = Process.GetCurrentProcess();
                var summary = IngestCommand.Run(new DocumentReader(new ReaderOptions()), [input], location, DedupPolicy.Parse("window:1"), Math.Clamp(parse.GetValue(jobs), 1, 64), cancellationToken);
                summary.Print(location);
                me.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ingest: {count} articles, {summary.Added + summary.NewVersions} stored, {summary.Mentions} event mentions in {summary.Elapsed.TotalSeconds:0.0} s: {(summary.Added + summary.NewVersions) / summary.Elapsed.TotalSeconds:0.00} articles/s with {parse.GetValue(jobs)} workers on {Environment.ProcessorCount} cores (gate ≥ 200/s); peak working set {me.PeakWorkingSet64 / (1 << 20)} MB"));
                var stored = Math.Max(1, summary.Added + summary.NewVersions);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ingest: articles of {(double)totalSentences / count:0.0} sentences on average; {totalSentences / summary.Elapsed.TotalSeconds:0} sentences/s"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ingest: coding {summary.CodingTime.TotalSeconds:0.0} s summed over the workers ({summary.CodingTime.TotalMilliseconds / stored:0.0} ms per article); storing {summary.StoringTime.TotalSeconds:0.00} s on the writer thread ({summary.StoringTime.TotalMilliseconds / stored:0.00} ms per article, {summary.StoringTime.TotalSeconds / Math.Max(1e-9, summary.Elapsed.TotalSeconds):P0} of the run) in {summary.Transactions} transactions ({(double)stored / Math.Max(1, summary.Transactions):0.0} articles each); {location.Backend}"));
                return Task.FromResult(summary.ExitCode);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    /// <summary>
    /// <c>--store-only</c>: codes the first 50 articles once, then stores <paramref name="count"/> copies (distinct ids,
    /// titles and event dates, so nothing is skipped and deduplication works as on real data) twice: one document per
    /// transaction, then in batches of <see cref="EventStore.MaxBatch"/>, each on a fresh set of ids.
    /// </summary>
    private static int StoreOnly(string input, StoreLocation location, int count, CancellationToken cancellationToken)
    {
        var pipeline = CodeCommand.CreatePipeline(new Parley.Events.Coding.EventCoderOptions());
        var sample = new List<CodedDocument>();
        var clock = Stopwatch.StartNew();
        foreach (var result in new DocumentReader(new ReaderOptions()).Read([input], cancellationToken))
        {
            if (result.Document is { } document)
            {
                pipeline.Process(document, cancellationToken);
                sample.Add(StoreRecords.From(document));
                if (sample.Count == Math.Min(50, count))
                {
                    break;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench ingest --store-only: {sample.Count} articles coded in {clock.Elapsed.TotalSeconds:0.0} s ({sample.Sum(c => c.Mentions.Count)} event mentions); storing {count} copies in {location.Backend} {location.Display}"));
        var policy = DedupPolicy.Parse("window:1");
        using var store = EventStore.Open(location);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var me = Process.GetCurrentProcess();
        foreach (var (batchSize, offset) in new[] { (1, 0), (EventStore.MaxBatch, 1000) })
        {
            var summary = new IngestCommand.Summary();
            var batch = new List<CodedDocument>(batchSize);
            me.Refresh();
            var cpu = me.TotalProcessorTime;
            clock.Restart();
            for (var i = 0; i < count; i++)
            {
                batch.Add(Copy(sample[i % sample.Count], $"{run}-b{batchSize}-{i}", offset + (i / sample.Count)));
                if (batch.Count == batchSize || i == count - 1)
                {
                    IngestCommand.StoreBatch(store, batch, policy, summary, null);
                    batch.Clear();
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            me.Refresh();
            var cpuMs = (me.TotalProcessorTime - cpu).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench ingest --store-only: batches of {batchSize}: {summary.Added} stored, {summary.Failures.Count} failed, {summary.Mentions} event mentions ({summary.Merged} merged) in {seconds:0.00} s: {summary.Added / seconds:0} articles/s, {summary.Mentions / seconds:0} event mentions/s; {seconds * 1000 / Math.Max(1, summary.Added):0.00} ms wall and {cpuMs / Math.Max(1, summary.Added):0.00} ms CPU (this process) per article"));
        }

        return ExitCodes.Success;
    }

    /// <summary>A coded article under a new id and title, its events moved <paramref name="days"/> days later (so copies are new content and new events).</summary>
    private static CodedDocument Copy(CodedDocument c, string id, int days)
    {
        string? Shift(string? date) =>
            date is { Length: 10 } && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date;
        var record = c.Record with { DocId = id, Title = $"{c.Record.Title} ({id})" };
        var mentions = c.Mentions.Select(m => m with { RecordId = id + m.RecordId[m.RecordId.IndexOf('#', StringComparison.Ordinal)..], Date = Shift(m.Date) }).ToList();
        return c with { Record = record, Mentions = mentions };
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
