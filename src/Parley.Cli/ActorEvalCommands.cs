using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Actors;
using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// <c>parley eval actors</c> (accuracy of the actor resolver on the hand-written suite, overall, per field,
/// region and sector, with every failure) and <c>parley bench actors</c> (codebook load time, memory held by
/// the loaded codebook, resolutions per second).
/// </summary>
internal static class ActorEvalCommands
{
    /// <summary>The memory budget of the loaded codebook (issue 4).</summary>
    private const double MemoryBudgetMb = 200;

    public static Command CreateEval()
    {
        var suite = new Option<string?>("--suite") { Description = "The suite TSV (default: tests/Parley.Actors.Tests/Data/actor-suite.tsv)." };
        var data = new Option<string?>("--data") { Description = "The actor data folder (default: data/actors)." };
        var command = new Command("actors", "Actor resolution accuracy (country, organisation, sector) on the hand-written actor suite, with the failures.") { suite, data };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(suite) ?? LocateSuite();
            var cases = ActorSuite.Load(path);
            var resolver = ActorResolver.Load(parse.GetValue(data));
            var report = ActorSuite.Evaluate(resolver, cases);
            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            string Line(string label, ActorSuiteScore s) => string.Create(ci, $"{label,-22} {s.Correct,4} / {s.Total,-4} {100 * s.Accuracy,6:F2}%");
            output.WriteLine($"suite {path}: {cases.Count} cases");
            output.WriteLine(Line("overall (all 3 fields)", report.Overall));
            output.WriteLine(Line("field country", report.Country));
            output.WriteLine(Line("field org", report.Org));
            output.WriteLine(Line("field sector", report.Sector));
            foreach (var (region, score) in report.ByRegion)
            {
                output.WriteLine(Line("region " + region, score));
            }

            foreach (var (sector, score) in report.BySector)
            {
                output.WriteLine(Line("sector " + sector, score));
            }

            output.WriteLine($"failures: {report.Failures.Count}");
            foreach (var f in report.Failures)
            {
                var c = f.Case;
                var a = f.Actual;
                var date = c.Date is { } d ? " @" + d.ToString("yyyy-MM-dd", ci) : "";
                var got = a is null ? "unresolved" : $"{a.Country ?? "-"}/{a.Org ?? "-"}/{a.Sector ?? "-"} ({a.How}: {a.Entry})";
                output.WriteLine($"  line {c.Line}: \"{c.Text}\"{date} expected {c.Country ?? "-"}/{c.Org ?? "-"}/{c.Sector ?? "-"} got {got}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateBench()
    {
        var suite = new Option<string?>("--suite") { Description = "The suite whose texts are resolved (default: the actor suite)." };
        var data = new Option<string?>("--data") { Description = "The actor data folder (default: data/actors)." };
        var repeat = new Option<int>("--repeat") { Description = "How many times the suite texts are resolved (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("actors", "Actor codebook load time, memory held by the loaded codebook, and resolutions per second on one thread.") { suite, data, repeat };
        command.SetAction(parse =>
        {
            var times = parse.GetValue(repeat);
            if (times is <= 0 or > 100_000)
            {
                throw new ParleyException(Errors.InvalidOption, "--repeat must be between 1 and 100000.");
            }

            var cases = ActorSuite.Load(parse.GetValue(suite) ?? LocateSuite());
            var dataDir = parse.GetValue(data) ?? ActorResolver.LocateData();

            using var process = Process.GetCurrentProcess();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            var rssBefore = process.WorkingSet64;
            var watch = Stopwatch.StartNew();
            var resolver = ActorResolver.Load(dataDir);
            watch.Stop();
            var coldLoad = watch.Elapsed;
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            var rssAfter = process.WorkingSet64;
            GC.KeepAlive(resolver);

            watch.Restart();
            resolver = ActorResolver.Load(dataDir);
            watch.Stop();
            var warmLoad = watch.Elapsed;

            foreach (var c in cases)
            {
                resolver.Resolve(c.Text, c.Date);
            }

            var resolved = 0;
            watch.Restart();
            for (var i = 0; i < times; i++)
            {
                foreach (var c in cases)
                {
                    if (resolver.Resolve(c.Text, c.Date) is not null)
                    {
                        resolved++;
                    }
                }
            }

            watch.Stop();
            var total = (long)times * cases.Count;
            process.Refresh();
            var heapMb = (heapAfter - heapBefore) / 1048576.0;
            var ci = CultureInfo.InvariantCulture;
            using var output = CliConsole.OpenOutput();
            output.WriteLine(string.Create(ci, $"codebook          {dataDir}: {resolver.PhraseCount:N0} phrase keys"));
            output.WriteLine(string.Create(ci, $"load time         {coldLoad.TotalMilliseconds:F0} ms cold (first load, includes JIT), {warmLoad.TotalMilliseconds:F0} ms warm"));
            output.WriteLine(string.Create(ci, $"codebook memory   {heapMb:F1} MB managed heap held after a full GC ({(heapMb <= MemoryBudgetMb ? "within" : "OVER")} the {MemoryBudgetMb:F0} MB budget)"));
            output.WriteLine(string.Create(ci, $"resident memory   {rssAfter / 1048576.0:F1} MB process working set after load (+{(rssAfter - rssBefore) / 1048576.0:F1} MB for the load), peak {process.PeakWorkingSet64 / 1048576.0:F1} MB"));
            output.WriteLine(string.Create(ci, $"resolutions       {total:N0} ({cases.Count} suite texts x {times}), {resolved:N0} resolved, {watch.Elapsed.TotalSeconds:F2} s on one thread"));
            output.WriteLine(string.Create(ci, $"throughput        {total / watch.Elapsed.TotalSeconds:N0} resolutions/s, {watch.Elapsed.TotalMilliseconds * 1000 / total:F1} µs each"));
            if (heapMb > MemoryBudgetMb)
            {
                CliConsole.Warn(string.Create(ci, $"the loaded codebook holds {heapMb:F1} MB, over the {MemoryBudgetMb:F0} MB budget"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The shipped suite: under the current folder, else above the executable (the repository root).</summary>
    private static string LocateSuite()
    {
        if (File.Exists(ActorSuite.DefaultRelativePath))
        {
            return Path.GetFullPath(ActorSuite.DefaultRelativePath);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ActorSuite.DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.InputNotFound, $"The actor suite {ActorSuite.DefaultRelativePath} was not found; pass --suite FILE.");
    }
}
