using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Places;

namespace Parley.Cli;

/// <summary>
/// <c>parley build places</c> (converts the shared gazetteers into <c>data/places</c>), <c>parley place "TEXT"</c>
/// (resolves one place mention and shows why), <c>parley eval places</c> (accuracy on the place suite) and
/// <c>parley bench places</c> (load time, memory, resolutions per second).
/// </summary>
internal static class PlaceCommands
{
    /// <summary>The place suite, relative to the repository root.</summary>
    public static readonly string SuitePath = Path.Combine("tests", "Parley.Places.Tests", "place-suite.tsv");

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command CreateBuild()
    {
        var shared = SharedData.CreateOption();
        var outDir = new Option<string>("--out") { Description = "Output folder (it must hold curated-names.tsv and curated-regions.tsv).", DefaultValueFactory = _ => Path.Combine("data", "places") };
        var command = new Command("places", "Convert the GeoNames cities1000 and world-countries gazetteers (plus the curated names and regions) into data/places.") { shared, outDir };
        command.SetAction(parse =>
        {
            var root = SharedData.Locate(parse.GetValue(shared));
            var target = parse.GetValue(outDir)!;
            var summary = PlaceDataBuilder.Build(root, target);
            foreach (var (file, rows) in summary.Files)
            {
                var size = new FileInfo(Path.Combine(target, file)).Length;
                CliConsole.Info($"{Path.Combine(target, file)}: {rows} rows, {size} bytes");
            }

            CliConsole.Info($"{summary.SkippedCities} GeoNames rows left out (population below {PlaceDataBuilder.MinimumPopulation} and not a capital or seat, or no known country)");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreatePlace()
    {
        var text = new Argument<string>("text") { Description = "The place mention, e.g. \"Paris, Texas\" or \"Nur-Sultan\"." };
        var country = new Option<string?>("--country") { Description = "Context country (ISO-3) preferred among namesakes." };
        var dateline = new Option<string?>("--dateline") { Description = "The dateline place (e.g. MINSK): places in its country, and near it, are preferred." };
        var json = new Option<bool>("--json") { Description = "Print the resolution as JSON (null and a reason when unresolved)." };
        var data = new Option<string?>("--data") { Description = "The place data folder (default: data/places)." };
        var command = new Command("place", "Resolve a place mention to a GeoNames city, region or country, and show why.") { text, country, dateline, json, data };
        command.SetAction(parse =>
        {
            var context = parse.GetValue(country)?.Trim().ToUpperInvariant();
            if (context is not null && (context.Length != 3 || !context.All(char.IsAsciiLetterUpper)))
            {
                throw new ParleyException(Errors.InvalidOption, $"--country must be an ISO-3 code such as USA, got \"{parse.GetValue(country)}\".");
            }

            var resolver = PlaceResolver.Load(parse.GetValue(data));
            var lookup = resolver.Lookup(parse.GetValue(text)!, context, parse.GetValue(dateline));
            using var output = CliConsole.OpenOutput();
            if (parse.GetValue(json))
            {
                var record = new Dictionary<string, object?>
                {
                    ["place"] = lookup.Resolution is null ? null : ToJson(lookup.Resolution),
                };
                if (lookup.Reason is not null)
                {
                    record["place_reason"] = lookup.Reason;
                }

                output.WriteLine(JsonSerializer.Serialize(record, JsonOptions));
                return ExitCodes.Success;
            }

            if (lookup.Resolution is not { } r)
            {
                output.WriteLine($"unresolved: {lookup.Reason}");
                return ExitCodes.Success;
            }

            var ci = CultureInfo.InvariantCulture;
            output.WriteLine($"name:        {r.Name}");
            output.WriteLine($"geonames:    {r.GeoNamesId?.ToString(ci) ?? "-"}");
            output.WriteLine($"country:     {r.Country}");
            output.WriteLine($"admin1:      {r.Admin1 ?? "-"}");
            output.WriteLine(string.Create(ci, $"coordinates: {r.Latitude:0.####}, {r.Longitude:0.####}"));
            output.WriteLine($"population:  {r.Population?.ToString("N0", ci) ?? "-"}");
            output.WriteLine($"precision:   {PlaceTagger.PrecisionName(r.Precision)}");
            output.WriteLine($"how:         {r.How}");
            output.WriteLine(string.Create(ci, $"confidence:  {r.Confidence:0.00}"));
            output.WriteLine($"candidates:  {r.Candidates}");
            foreach (var other in lookup.Ranked.Skip(1).Take(5))
            {
                output.WriteLine(string.Create(ci, $"  also: {other.Name} ({other.Country}{(other.Admin1 is null ? "" : "/" + other.Admin1)}, {PlaceTagger.PrecisionName(other.Precision)}, pop {other.Population?.ToString("N0", ci) ?? "-"}, {other.How})"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateEval()
    {
        var suite = new Option<string?>("--suite") { Description = "The place suite TSV (default: tests/Parley.Places.Tests/place-suite.tsv in the repository)." };
        var data = new Option<string?>("--data") { Description = "The place data folder (default: data/places)." };
        var verbose = new Option<bool>("--errors") { Description = "List every wrong case." };
        var command = new Command("places", "Place resolution accuracy on the hand-written place suite (capitals, namesakes, renamed cities, countries, regions).") { suite, data, verbose };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(suite) ?? LocateSuite();
            var resolver = PlaceResolver.Load(parse.GetValue(data));
            var results = PlaceEvaluation.Evaluate(resolver, PlaceEvaluation.Read(path));
            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine("category     cases  correct  accuracy");
            foreach (var g in results.GroupBy(r => r.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(ci, $"{g.Key,-12} {g.Count(),5}  {g.Count(r => r.Correct),7}  {100.0 * g.Count(r => r.Correct) / g.Count(),7:F2}%"));
            }

            output.WriteLine(string.Create(ci, $"{"all",-12} {results.Count,5}  {results.Count(r => r.Correct),7}  {100 * PlaceEvaluation.Accuracy(results),7:F2}%"));
            if (parse.GetValue(verbose))
            {
                foreach (var r in results.Where(r => !r.Correct))
                {
                    var got = r.Got is null ? "unresolved" : $"{r.Got.Name} {r.Got.Country} {PlaceTagger.PrecisionName(r.Got.Precision)} {r.Got.GeoNamesId?.ToString(ci) ?? r.Got.Admin1} ({r.Got.How})";
                    output.WriteLine($"line {r.Case.Line}: \"{r.Case.Text}\" expected {r.Case.Country ?? "unresolved"} {r.Case.Precision} {r.Case.Id}, got {got}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateBench()
    {
        var data = new Option<string?>("--data") { Description = "The place data folder (default: data/places)." };
        var rounds = new Option<int>("--rounds") { Description = "How many times each name is resolved (default 20).", DefaultValueFactory = _ => 20 };
        var command = new Command("places", "Place gazetteer load time, memory and resolutions per second on one thread.") { data, rounds };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(rounds);
            if (n is <= 0 or > 10_000)
            {
                throw new ParleyException(Errors.InvalidOption, "--rounds must be between 1 and 10000.");
            }

            var dir = parse.GetValue(data) ?? PlaceResolver.LocateData();
            var bytes = Directory.GetFiles(dir, "*.tsv").Sum(f => new FileInfo(f).Length);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var resolver = PlaceResolver.Load(dir);
            watch.Stop();
            process.Refresh();
            var loadCpu = process.TotalProcessorTime - cpuBefore;
            var loadSeconds = watch.Elapsed.TotalSeconds;
            var memory = GC.GetTotalMemory(true) - before;

            // names: every city, region and country name in the gazetteer files (a realistic mix of unique names and namesakes)
            var names = File.ReadLines(Path.Combine(dir, "cities.tsv")).Skip(1).Select(l => l.Split('\t')[1])
                .Concat(File.ReadLines(Path.Combine(dir, "countries.tsv")).Skip(1).Select(l => l.Split('\t')[2]))
                .Concat(File.ReadLines(Path.Combine(dir, "regions.tsv")).Skip(1).Select(l => l.Split('\t')[2]))
                .Where((_, i) => i % 10 == 0).ToList();
            foreach (var name in names.Take(2000))
            {
                resolver.Resolve(name);
            }

            var resolved = 0;
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            watch.Restart();
            for (var round = 0; round < n; round++)
            {
                foreach (var name in names)
                {
                    if (resolver.Resolve(name, round % 2 == 0 ? null : "USA") is not null)
                    {
                        resolved++;
                    }
                }
            }

            watch.Stop();
            var calls = (long)names.Count * n;
            process.Refresh();
            var runCpu = process.TotalProcessorTime - cpuBefore;
            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(ci, $"gazetteer        {dir}: {bytes / 1048576.0:F2} MB of TSV, {resolver.PlaceCount:N0} places, {resolver.KeyCount:N0} name keys"));
            output.WriteLine(string.Create(ci, $"load time        {loadSeconds * 1000:F0} ms wall, {loadCpu.TotalMilliseconds:F0} ms CPU"));
            output.WriteLine(string.Create(ci, $"memory           {memory / 1048576.0:F1} MB managed heap held by the loaded resolver"));
            output.WriteLine(string.Create(ci, $"resolutions      {calls:N0} ({resolved:N0} resolved) in {watch.Elapsed.TotalSeconds:F3} s wall, {runCpu.TotalSeconds:F3} s CPU"));
            output.WriteLine(string.Create(ci, $"throughput       {calls / watch.Elapsed.TotalSeconds:N0} resolutions/s wall, {calls / Math.Max(runCpu.TotalSeconds, 1e-9):N0} per CPU second (one thread)"));
            output.WriteLine(string.Create(ci, $"peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MB (process)"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The JSON object of a resolution (snake_case keys), shared with <c>parley entities</c>.</summary>
    public static Dictionary<string, object?> ToJson(PlaceResolution r) => new()
    {
        ["geonames_id"] = r.GeoNamesId,
        ["name"] = r.Name,
        ["country"] = r.Country,
        ["admin1"] = r.Admin1,
        ["lat"] = r.Latitude,
        ["lon"] = r.Longitude,
        ["population"] = r.Population,
        ["precision"] = PlaceTagger.PrecisionName(r.Precision),
        ["how"] = r.How,
        ["confidence"] = r.Confidence,
        ["candidates"] = r.Candidates,
    };

    private static string LocateSuite()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SuitePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ParleyException(Errors.DataFile, $"The place suite {SuitePath} was not found above the current directory; pass --suite FILE.");
    }
}
