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
        var text = new Argument<string?>("text") { Description = "The actor mention, e.g. \"Kazakh Senate\" (omit with --batch).", Arity = ArgumentArity.ZeroOrOne };
        var date = new Option<string?>("--date") { Description = "Date (YYYY-MM-DD) for dated roles of persons." };
        var context = new Option<string?>("--country") { Description = "Context country (ISO-3) for mentions such as \"the Senate\"." };
        var json = new Option<bool>("--json") { Description = "Print the resolution as JSON (the default; kept for scripts that pass it)." };
        var textOutput = new Option<bool>("--text") { Description = "Print the resolution as readable lines instead of JSON." };
        var batch = new Option<bool>("--batch") { Description = "Read TEXT<TAB>DATE lines (date optional) from stdin and print one JSON object per line; the codebook is loaded once." };
        var data = new Option<string?>("--data") { Description = "The actor data folder (default: data/actors)." };
        var command = new Command("actor", "Resolve an actor mention to country, organisation and sector, and show why (JSON by default).") { text, date, context, json, textOutput, batch, data };
        command.SetAction(parse =>
        {
            var contextCountry = parse.GetValue(context)?.ToUpperInvariant();
            if (parse.GetValue(batch))
            {
                if (parse.GetValue(text) is not null)
                {
                    throw new ParleyException(Errors.InvalidOption, "--batch reads the mentions from stdin; give no TEXT argument.");
                }

                return RunBatch(ActorResolver.Load(parse.GetValue(data)), Console.In, contextCountry);
            }

            var mention = parse.GetValue(text) ?? throw new ParleyException(Errors.InvalidOption, "give the actor mention as TEXT, or use --batch.");
            DateOnly? when = null;
            var dateText = parse.GetValue(date);
            if (dateText is not null)
            {
                when = ParseDate(dateText) ?? throw new ParleyException(Errors.InvalidOption, $"--date must be YYYY-MM-DD, got \"{dateText}\".");
            }

            var resolver = ActorResolver.Load(parse.GetValue(data));
            var result = resolver.Resolve(mention, when, contextCountry);
            using var output = CliConsole.OpenOutput();
            if (!parse.GetValue(textOutput))
            {
                output.WriteLine(JsonSerializer.Serialize(ToJson(resolver, mention, when, result, null), JsonOptions));
                return ExitCodes.Success;
            }

            if (result is null)
            {
                output.WriteLine("unresolved: " + resolver.ExplainUnresolved(mention));
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
            output.WriteLine($"summary:    {Why(result, when)}");
            output.WriteLine("why:");
            foreach (var line in result.Evidence)
            {
                output.WriteLine("  " + line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Resolves <c>TEXT[TAB DATE]</c> lines from <paramref name="input"/> with one loaded resolver, one JSON
    /// object per non-empty line (with <c>line</c> and <c>text</c>). A bad date is reported on stderr as PRL1015
    /// naming the line, printed as a JSON object with an <c>error</c>, and the batch goes on (exit code 1).
    /// </summary>
    internal static int RunBatch(ActorResolver resolver, TextReader input, string? contextCountry)
    {
        using var output = CliConsole.OpenOutput();
        var failures = 0;
        var lineNo = 0;
        while (input.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var mention = (tab < 0 ? line : line[..tab]).Trim();
            var dateText = tab < 0 ? "" : line[(tab + 1)..].Trim();
            DateOnly? when = null;
            if (dateText.Length > 0)
            {
                when = ParseDate(dateText);
                if (when is null)
                {
                    failures++;
                    var diagnostic = new Diagnostic(Errors.InvalidBatchLine, $"date must be YYYY-MM-DD, got \"{dateText}\"; line skipped.", new SourceLocation("-", lineNo));
                    CliConsole.Error(diagnostic.ToString());
                    output.WriteLine(JsonSerializer.Serialize(
                        new Dictionary<string, object?>
                        {
                            ["line"] = lineNo,
                            ["text"] = mention,
                            ["date"] = dateText,
                            ["error"] = new Dictionary<string, string> { ["code"] = diagnostic.Error.Code, ["message"] = diagnostic.Message },
                        },
                        JsonOptions));
                    continue;
                }
            }

            var result = resolver.Resolve(mention, when, contextCountry);
            output.WriteLine(JsonSerializer.Serialize(ToJson(resolver, mention, when, result, lineNo), JsonOptions));
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>What decided the resolution (how, the deciding entry, the role's dates), then every dictionary match.</summary>
    private static string Why(ActorResolution r, DateOnly? when)
    {
        var why = $"{r.How}: {r.Entry}";
        if (r.ValidFrom is not null || r.ValidTo is not null)
        {
            why += $", role {Iso(r.ValidFrom) ?? "…"} to {Iso(r.ValidTo) ?? "…"}";
            why += when is null ? " (no date given: the most recent role)" : $" covers {Iso(when)}";
        }
        else if (r.How == "person-out-of-dates")
        {
            why += when is null ? "" : $": a known person, but no dated role covers {Iso(when)}, so no country or sector";
        }

        return r.Evidence.Count == 0 ? why : why + "; matched " + string.Join("; ", r.Evidence);
    }

    private static Dictionary<string, object?> ToJson(ActorResolver resolver, string text, DateOnly? when, ActorResolution? r, int? line)
    {
        var json = new Dictionary<string, object?>();
        if (line is not null)
        {
            json["line"] = line;
            json["text"] = text;
            json["date"] = Iso(when);
        }

        if (r is null)
        {
            json["country"] = null;
            json["org"] = null;
            json["sector"] = null;
            json["name"] = null;
            json["why"] = "unresolved: " + resolver.ExplainUnresolved(text);
            json["how"] = "unresolved";
            json["entry"] = null;
            json["valid_from"] = null;
            json["valid_to"] = null;
            json["confidence"] = 0.0;
            json["evidence"] = Array.Empty<string>();
            return json;
        }

        json["country"] = r.Country;
        json["org"] = r.Org;
        json["sector"] = r.Sector;
        json["name"] = r.Name;
        json["why"] = Why(r, when);
        json["how"] = r.How;
        json["entry"] = r.Entry;
        json["valid_from"] = Iso(r.ValidFrom);
        json["valid_to"] = Iso(r.ValidTo);
        json["confidence"] = r.Confidence;
        json["evidence"] = r.Evidence;
        return json;
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
