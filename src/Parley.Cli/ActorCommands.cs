using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Actors;
using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// <c>parley build actors</c> (converts the shared dictionaries into <c>data/actors</c>) and
/// <c>parley actor "TEXT"</c> (resolves one actor mention and prints why).
/// </summary>
internal static class ActorCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command CreateBuild()
    {
        var shared = SharedData.CreateOption();
        var outDir = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("data", "actors") };
        var command = new Command("actors", "Convert the PETRARCH2, NGEC and world-countries dictionaries into the sorted TSV files of data/actors.") { shared, outDir };
        command.SetAction(parse =>
        {
            var root = SharedData.Locate(parse.GetValue(shared));
            var target = parse.GetValue(outDir)!;
            var summary = ActorDataBuilder.Build(root, target);
            foreach (var (file, rows) in summary.Files)
            {
                var size = new FileInfo(Path.Combine(target, file)).Length;
                CliConsole.Info($"{Path.Combine(target, file)}: {rows} rows, {size} bytes");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateActor()
    {
        var text = new Argument<string>("text") { Description = "The actor mention, e.g. \"Kazakh Senate\"." };
        var date = new Option<string?>("--date") { Description = "Date (YYYY-MM-DD) for dated roles of persons." };
        var context = new Option<string?>("--country") { Description = "Context country (ISO-3) for mentions such as \"the Senate\"." };
        var json = new Option<bool>("--json") { Description = "Print the resolution as JSON." };
        var data = new Option<string?>("--data") { Description = "The actor data folder (default: data/actors)." };
        var command = new Command("actor", "Resolve an actor mention to country, organisation and sector, and show why.") { text, date, context, json, data };
        command.SetAction(parse =>
        {
            DateOnly? when = null;
            var dateText = parse.GetValue(date);
            if (dateText is not null)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw new ParleyException(Errors.InvalidOption, $"--date must be YYYY-MM-DD, got \"{dateText}\".");
                }

                when = d;
            }

            var resolver = ActorResolver.Load(parse.GetValue(data));
            var result = resolver.Resolve(parse.GetValue(text)!, when, parse.GetValue(context)?.ToUpperInvariant());
            using var output = CliConsole.OpenOutput();
            if (parse.GetValue(json))
            {
                output.WriteLine(result is null ? "null" : JsonSerializer.Serialize(ToJson(result), JsonOptions));
                return ExitCodes.Success;
            }

            if (result is null)
            {
                output.WriteLine("unresolved: no known country, organisation, institution, person or agent in the text");
                return ExitCodes.Success;
            }

            output.WriteLine($"country:    {result.Country ?? "-"}");
            output.WriteLine($"org:        {result.Org ?? "-"}");
            output.WriteLine($"sector:     {result.Sector ?? "-"}");
            output.WriteLine($"name:       {result.Name}");
            output.WriteLine($"how:        {result.How}");
            output.WriteLine($"entry:      {result.Entry}");
            if (result.ValidFrom is not null || result.ValidTo is not null)
            {
                output.WriteLine($"valid:      {Iso(result.ValidFrom) ?? "…"} to {Iso(result.ValidTo) ?? "…"}");
            }

            output.WriteLine($"confidence: {result.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
            output.WriteLine("why:");
            foreach (var line in result.Evidence)
            {
                output.WriteLine("  " + line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> ToJson(ActorResolution r) => new()
    {
        ["country"] = r.Country,
        ["org"] = r.Org,
        ["sector"] = r.Sector,
        ["name"] = r.Name,
        ["how"] = r.How,
        ["entry"] = r.Entry,
        ["valid_from"] = Iso(r.ValidFrom),
        ["valid_to"] = Iso(r.ValidTo),
        ["confidence"] = r.Confidence,
        ["evidence"] = r.Evidence,
    };
}
