using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Events.Coding;
using Parley.Linguistics.Entities;
using Parley.Readers;

namespace Parley.Cli;

/// <summary>
/// <c>parley bench code</c>: end-to-end event coding throughput over the NGEC synthetic news stories, exactly as
/// <c>parley code</c> runs it: the stories become one JSONL input in memory, the readers read it (format, language
/// check), the <c>code</c> pipeline runs on <c>--threads</c> workers with the ordered writer, and every event is
/// serialised (to a null stream). Reports sentences/s, documents/s and events/s (wall clock), the CPU time, the
/// loading time (codebooks and models) and the first document's latency separately, the time spent in each pipeline
/// component (summed over the workers: wall clock and, on Linux, the thread CPU time inside each worker) with the bytes it allocated, the garbage collections (how many reached generations 1 and 2, and the pause of the last full one), and the peak working set. A summary goes to
/// stderr; <c>--json</c> writes one JSON object to stdout.
/// </summary>
internal static class BenchCodeCommand
{
    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var documents = new Option<int>("--documents") { Description = "Number of NGEC synthetic stories to code (default 1000; the corpus has 4,500).", DefaultValueFactory = _ => 1000 };
        var threads = OrderedParallel<object>.CreateOption();
        var json = new Option<bool>("--json") { Description = "Write the figures as one JSON object on stdout." };
        var command = new Command("code", "End-to-end event coding speed (read, tokenise, parse, NER, places, actors, events, JSON) with the per-component time and peak memory.") { shared, documents, threads, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(documents);
            if (count <= 0)
            {
                throw new ParleyException(Errors.InvalidOption, "--documents must be positive.");
            }

            var workers = OrderedParallel<object>.Threads(parse, threads);
            var texts = EntityCorpora.NgecTexts(SharedData.Locate(parse.GetValue(shared))).Take(count).ToList();
            var input = Jsonl(texts);
            using var me = Process.GetCurrentProcess();

            // loading: codebooks, gazetteer and models (in parallel), then the first document (JIT)
            var sw = Stopwatch.StartNew();
            var pipeline = CodeCommand.CreatePipeline(new EventCoderOptions());
            var load = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var reader = new DocumentReader();
            var first = reader.ReadBytes(Jsonl(texts.Take(1).ToList()), "first.jsonl", cancellationToken).Single().Document!;
            pipeline.Process(first, cancellationToken);
            var firstDocument = sw.Elapsed.TotalMilliseconds;

            var components = pipeline.Components.Select(c => c.Descriptor.Name).Append("json output").ToArray();
            var ticks = new long[components.Length];
            var cpuTicks = new long[components.Length];
            var allocatedBytes = new long[components.Length];
            long sentences = 0, words = 0, events = 0;
            int read = 0, failed = 0;
            List<string> Code(Document document)
            {
                for (var i = 0; i < pipeline.Components.Count; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var c0 = ThreadCpuClock.Now();
                    var a0 = GC.GetAllocatedBytesForCurrentThread();
                    pipeline.Components[i].Process(document, cancellationToken);
                    Interlocked.Add(ref allocatedBytes[i], GC.GetAllocatedBytesForCurrentThread() - a0);
                    Interlocked.Add(ref cpuTicks[i], (long)((ThreadCpuClock.Now() - c0) * 1e9));
                    Interlocked.Add(ref ticks[i], Stopwatch.GetTimestamp() - t0);
                }

                var t1 = Stopwatch.GetTimestamp();
                var c1 = ThreadCpuClock.Now();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var layer = document.Get(Layers.Events);
                var lines = layer.Events.Select(e => JsonSerializer.Serialize(CodeCommand.EventRecord(document, e, explain: false), JsonOptions)).ToList();
                Interlocked.Add(ref allocatedBytes[^1], GC.GetAllocatedBytesForCurrentThread() - a1);
                Interlocked.Add(ref cpuTicks[^1], (long)((ThreadCpuClock.Now() - c1) * 1e9));
                Interlocked.Add(ref ticks[^1], Stopwatch.GetTimestamp() - t1);
                var tokens = document.Get(Layers.Tokens);
                Interlocked.Add(ref sentences, tokens.Sentences.Count);
                Interlocked.Add(ref words, tokens.Words.Count);
                Interlocked.Add(ref events, lines.Count);
                return lines;
            }

            var cpu0 = me.TotalProcessorTime;
            var gcPause0 = GC.GetTotalPauseDuration();
            var gcCount0 = GC.CollectionCount(0);
            var gen1Count0 = GC.CollectionCount(1);
            var gen2Count0 = GC.CollectionCount(2);
            var allocated0 = GC.GetTotalAllocatedBytes();
            sw.Restart();
            using (var sink = new StreamWriter(Stream.Null, new UTF8Encoding(false)))
            using (var runner = new OrderedParallel<List<string>>(workers, Code, lines => lines.ForEach(sink.WriteLine)))
            {
                foreach (var result in reader.ReadBytes(input, "ngec-synthetic.jsonl", cancellationToken))
                {
                    if (result.Document is { } d)
                    {
                        read++;
                        runner.Add(d);
                    }
                    else
                    {
                        failed++;
                    }
                }

                runner.Drain();
            }

            var seconds = sw.Elapsed.TotalSeconds;
            me.Refresh();
            var cpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
            var gcPause = (GC.GetTotalPauseDuration() - gcPause0).TotalSeconds;
            var gcCount = GC.CollectionCount(0) - gcCount0;
            var gen1Count = GC.CollectionCount(1) - gen1Count0;
            var gen2Count = GC.CollectionCount(2) - gen2Count0;
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var fullPause = gen2Count > 0 && full.PauseDurations.Length > 0 ? full.PauseDurations[0].TotalSeconds : 0;
            var allocated = (GC.GetTotalAllocatedBytes() - allocated0) / (1024.0 * 1024);
            var componentSeconds = ticks.Select(t => (double)t / Stopwatch.Frequency).ToArray();
            var componentCpu = cpuTicks.Select(t => t * 1e-9).ToArray();
            var figures = new Dictionary<string, object>
            {
                ["documents"] = read,
                ["refused"] = failed,
                ["sentences"] = sentences,
                ["words"] = words,
                ["events"] = events,
                ["threads"] = workers,
                ["processors"] = Environment.ProcessorCount,
                ["seconds"] = Math.Round(seconds, 3),
                ["cpu_seconds"] = Math.Round(cpu, 3),
                ["sentences_per_second"] = Math.Round(sentences / seconds, 1),
                ["documents_per_second"] = Math.Round(read / seconds, 1),
                ["events_per_second"] = Math.Round(events / seconds, 1),
                ["sentences_per_cpu_second"] = Math.Round(sentences / cpu, 1),
                ["load_ms"] = Math.Round(load, 1),
                ["first_document_ms"] = Math.Round(firstDocument, 1),
                ["components_seconds"] = components.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => Math.Round(componentSeconds[x.i], 3)),
                ["components_cpu_seconds"] = components.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => Math.Round(componentCpu[x.i], 3)),
                ["components_allocated_mib"] = components.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => Math.Round(allocatedBytes[x.i] / (1024.0 * 1024), 1)),
                ["gc_pause_seconds"] = Math.Round(gcPause, 3),
                ["gc_collections"] = gcCount,
                ["gc_gen1_collections"] = gen1Count,
                ["gc_gen2_collections"] = gen2Count,
                ["gc_last_gen2_pause_seconds"] = Math.Round(fullPause, 3),
                ["allocated_mib"] = Math.Round(allocated, 1),
                ["peak_working_set_mib"] = me.PeakWorkingSet64 / (1024 * 1024),
                ["managed_heap_mib"] = Math.Round(GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024), 1),
            };

            var inside = componentSeconds.Sum();
            var insideCpu = componentCpu.Sum();
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"documents          {read} NGEC synthetic stories ({failed} refused by the readers), {sentences} sentences, {words} words, {events} events"));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"throughput         {sentences / seconds:F0} sentences/s, {read / seconds:F1} documents/s, {events / seconds:F1} events/s ({workers} threads on {Environment.ProcessorCount} processors, wall clock {seconds:F2} s)"));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"cpu                {cpu:F2} s, {sentences / cpu:F0} sentences per CPU-second"));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"loading            {load:F0} ms codebooks, gazetteer and models (loaded in parallel); first document {firstDocument:F0} ms (JIT)"));
            CliConsole.Info(ThreadCpuClock.IsCpuTime
                ? "components         wall clock inside the workers, and the workers' own CPU time (thread CPU clock):"
                : "components         wall clock inside the workers (no thread CPU clock on this system: cpu = wall clock):");
            for (var i = 0; i < components.Length; i++)
            {
                CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"  {components[i],-22} {componentSeconds[i],6:F2} s {100 * componentSeconds[i] / Math.Max(1e-9, inside),5:F1}%   cpu {componentCpu[i],6:F2} s {100 * componentCpu[i] / Math.Max(1e-9, insideCpu),5:F1}%   allocated {allocatedBytes[i] / (1024.0 * 1024),6:F0} MiB"));
            }

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"garbage collector  {gcCount} collections ({gen1Count} of generation 1 or 2, {gen2Count} of generation 2, the last one {fullPause:F2} s), {gcPause:F2} s paused, {allocated:F0} MiB allocated"));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"peak working set   {me.PeakWorkingSet64 / (1024 * 1024)} MiB"));
            if (parse.GetValue(json))
            {
                using var output = CliConsole.OpenOutput();
                output.WriteLine(JsonSerializer.Serialize(figures, JsonOptions));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stories as the JSONL input <c>parley code</c> reads (<c>id</c>, <c>text</c>, <c>published</c>).</summary>
    private static byte[] Jsonl(IReadOnlyList<string> texts)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            var record = new Dictionary<string, string>
            {
                ["id"] = "ngec-" + i.ToString(CultureInfo.InvariantCulture),
                ["text"] = texts[i],
                ["published"] = "2023-10-19",
            };
            sb.Append(JsonSerializer.Serialize(record, JsonOptions)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
