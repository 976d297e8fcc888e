using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Events.Codebook;
using Parley.Places;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// <c>parley query events|dyad|calendar|search</c> and <c>parley export</c>: answers from the event store. Queries print a
/// table when stdout is a terminal, JSON lines otherwise or with <c>--json</c>, and CSV with <c>--csv</c>.
/// </summary>
internal static class QueryCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Command CreateQuery()
    {
        return new Command("query", "Ask the event store: events, actors, dyad series, the calendar, full-text search of documents.")
        {
            CreateEvents(), CreateActors(), CreateDyad(), CreateCalendar(), CreateSearch(),
        };
    }

    private sealed class OutputOptions
    {
        public Option<string?> Store { get; } = IngestCommand.StoreOption();

        public Option<bool> Json { get; } = new("--json") { Description = "JSON lines (the default when stdout is not a terminal)." };

        public Option<bool> Csv { get; } = new("--csv") { Description = "CSV with a header." };

        public Command AddTo(Command command)
        {
            command.Options.Add(Store);
            command.Options.Add(Json);
            command.Options.Add(Csv);
            return command;
        }

        /// <summary>Prints rows as a table, JSON lines or CSV; <paramref name="json"/> gives each row's JSON form when it differs from the flat row.</summary>
        public void Print(ParseResult parse, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<object>? json = null)
        {
            using var output = CliConsole.OpenOutput();
            if (parse.GetValue(Csv))
            {
                output.WriteLine(string.Join(',', columns.Select(CsvField)));
                foreach (var row in rows)
                {
                    output.WriteLine(string.Join(',', row.Select(CsvField)));
                }
            }
            else if (parse.GetValue(Json) || Console.IsOutputRedirected)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    object record = json is not null ? json[i] : columns.Select((c, j) => (c, rows[i][j])).ToDictionary(p => p.c, p => p.Item2);
                    output.WriteLine(JsonSerializer.Serialize(record, QueryCommands.Json));
                }
            }
            else
            {
                WriteTable(output, columns, rows);
            }
        }
    }

    private static Command CreateEvents()
    {
        var o = new OutputOptions();
        var actor = new Option<string?>("--actor") { Description = "Source actor: ISO-3 country or organisation code (KAZ, NATO), with a sector (KAZ-LEG), or a canonical name." };
        var recipient = new Option<string?>("--recipient") { Description = "Recipient actor, written as --actor." };
        var type = new Option<string?>("--type") { Description = "PLOVER type (CONSULT) or CAMEO code prefix (04)." };
        var from = new Option<string?>("--from") { Description = "First date (ISO; 2022-06 for a month)." };
        var to = new Option<string?>("--to") { Description = "Last date (ISO, inclusive)." };
        var text = new Option<string?>("--text") { Description = "Words the evidence must contain." };
        var limit = new Option<int>("--limit") { Description = "At most this many events.", DefaultValueFactory = _ => 1000 };
        var command = o.AddTo(new Command("events", "Stored events (one per happening after deduplication), oldest first.") { actor, recipient, type, from, to, text, limit });
        command.SetAction(parse =>
        {
            using var store = EventStore.Open(parse.GetValue(o.Store));
            var events = store.QueryEvents(new EventQuery
            {
                Actor = parse.GetValue(actor),
                Recipient = parse.GetValue(recipient),
                Type = parse.GetValue(type),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Text = parse.GetValue(text),
                Limit = parse.GetValue(limit),
            });
            string[] columns = ["id", "date", "event", "cameo", "goldstein", "quad", "source", "recipient", "mentions", "docs", "evidence"];
            var rows = events.Select(e => (IReadOnlyList<string>)
            [
                e.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? "", e.Event, e.Cameo, Number(e.Goldstein), e.Quad.ToString(CultureInfo.InvariantCulture),
                Actors(e.Source), Actors(e.Recipient), e.MentionCount.ToString(CultureInfo.InvariantCulture), string.Join(';', e.Mentions.Select(m => m.DocId).Distinct()),
                e.Mentions.Count > 0 ? e.Mentions[0].Evidence : "",
            ]).ToList();
            o.Print(parse, columns, rows, [.. events.Select(EventExport.Plover)]);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateActors()
    {
        var o = new OutputOptions();
        var from = new Option<string?>("--from") { Description = "First date (ISO; 2022-06 for a month)." };
        var to = new Option<string?>("--to") { Description = "Last date (ISO, inclusive)." };
        var text = new Option<string?>("--text") { Description = "Only actors named by words or a canonical name containing this text, or with this country or organisation code." };
        var limit = new Option<int>("--limit") { Description = "At most this many actors.", DefaultValueFactory = _ => 100 };
        var command = o.AddTo(new Command("actors", "The actors (country or organisation and sector) of stored events with their event counts as source and recipient, and the people seen in each.") { from, to, text, limit });
        command.SetAction(parse =>
        {
            using var store = EventStore.Open(parse.GetValue(o.Store));
            var actors = store.Actors(new ActorQuery { From = parse.GetValue(from), To = parse.GetValue(to), Text = parse.GetValue(text), Limit = parse.GetValue(limit) });
            string[] columns = ["actor", "events", "as_source", "as_recipient", "first_date", "last_date", "people"];
            var rows = actors.Select(a => (IReadOnlyList<string>)
            [
                a.Code, I(a.Events), I(a.AsSource), I(a.AsRecipient), a.FirstDate ?? "", a.LastDate ?? "",
                string.Join("; ", a.People.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} ({p.Events}, {p.FirstDate}–{p.LastDate})"))),
            ]).ToList();
            o.Print(parse, columns, rows, [.. actors]);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDyad()
    {
        var o = new OutputOptions();
        var a = new Argument<string>("a") { Description = "First actor (ISO-3 country or organisation code)." };
        var b = new Argument<string>("b") { Description = "Second actor." };
        var by = new Option<string>("--by") { Description = "Period: week (ISO weeks, labelled by their Monday) or month.", DefaultValueFactory = _ => "month" };
        by.AcceptOnlyFromAmong("week", "month");
        var directed = new Option<bool>("--directed") { Description = "Only events with A as a source and B as a recipient (default: the two in any roles)." };
        var from = new Option<string?>("--from") { Description = "First date (ISO)." };
        var to = new Option<string?>("--to") { Description = "Last date (ISO, inclusive)." };
        var command = o.AddTo(new Command("dyad", "The relations of two actors over time: events per week or month by quad class, Goldstein sum and mean.") { a, b, by, directed, from, to });
        command.SetAction(parse =>
        {
            using var store = EventStore.Open(parse.GetValue(o.Store));
            var series = store.Dyad(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(by)!, parse.GetValue(directed), parse.GetValue(from), parse.GetValue(to));
            string[] columns = ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean"];
            var rows = series.Select(p => (IReadOnlyList<string>)
            [
                p.Period, I(p.Events), I(p.VerbalCooperation), I(p.MaterialCooperation), I(p.VerbalConflict), I(p.MaterialConflict), Number(p.GoldsteinSum), Number(p.GoldsteinMean),
            ]).ToList();
            o.Print(parse, columns, rows, [.. series]);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCalendar()
    {
        var o = new OutputOptions();
        var from = new Option<string?>("--from") { Description = "First expected date (ISO)." };
        var to = new Option<string?>("--to") { Description = "Last expected date (ISO, inclusive)." };
        var actor = new Option<string?>("--actor") { Description = "Only items naming this actor (code, code-sector or name)." };
        var command = o.AddTo(new Command("calendar", "What stored documents announce and the anniversaries they name, by date.") { from, to, actor });
        command.SetAction(parse =>
        {
            using var store = EventStore.Open(parse.GetValue(o.Store));
            var items = store.Calendar(parse.GetValue(from), parse.GetValue(to), parse.GetValue(actor));
            string[] columns = ["date", "kind", "event", "cameo", "actors", "origin_date", "doc_id", "trigger", "evidence"];
            var rows = items.Select(i => (IReadOnlyList<string>)
            [
                i.Entry.ExpectedDate ?? "", i.Entry.Kind, i.Entry.Event, i.Entry.Cameo ?? "", Actors(i.Entry.Actors), i.Entry.OriginDate ?? "", i.DocId, i.Entry.Trigger, i.Entry.Evidence,
            ]).ToList();
            var json = items.Select(i => (object)new Dictionary<string, object?>
            {
                ["doc_id"] = i.DocId,
                ["kind"] = i.Entry.Kind,
                ["event"] = i.Entry.Event,
                ["cameo"] = i.Entry.Cameo,
                ["actors"] = i.Entry.Actors,
                ["expected_date"] = i.Entry.ExpectedDate,
                ["origin_date"] = i.Entry.OriginDate,
                ["evidence"] = i.Entry.Evidence,
                ["evidence_offsets"] = new[] { i.Entry.EvidenceStart, i.Entry.EvidenceEnd },
                ["trigger"] = i.Entry.Trigger,
                ["how"] = i.Entry.How,
                ["coder"] = i.Entry.Coder,
            }).ToList();
            o.Print(parse, columns, rows, json);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSearch()
    {
        var o = new OutputOptions();
        var q = new Argument<string[]>("words") { Description = "Words every document found must contain (stemmed).", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "At most this many documents.", DefaultValueFactory = _ => 20 };
        var command = o.AddTo(new Command("search", "Full-text search of stored documents (FTS5 / tsvector), best first.") { q, limit });
        command.SetAction(parse =>
        {
            using var store = EventStore.Open(parse.GetValue(o.Store));
            var hits = store.Search(string.Join(' ', parse.GetValue(q) ?? []), parse.GetValue(limit));
            string[] columns = ["doc_id", "version", "published", "title", "rank", "snippet"];
            var rows = hits.Select(h => (IReadOnlyList<string>)
            [
                h.DocId, I(h.Version), h.Published ?? "", h.Title ?? "", Number(h.Rank), h.Snippet,
            ]).ToList();
            o.Print(parse, columns, rows, [.. hits]);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateExport()
    {
        var store = IngestCommand.StoreOption();
        var format = new Option<string>("--format") { Description = "plover-jsonl, icews-tsv (ICEWS's 20 columns), phoenix-tsv (Phoenix's 26 columns), csv or parquet.", Required = true };
        format.AcceptOnlyFromAmong([.. EventExport.Formats]);
        var from = new Option<string?>("--from") { Description = "First date (ISO)." };
        var to = new Option<string?>("--to") { Description = "Last date (ISO, inclusive)." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout (parquet on a terminal needs it)." };
        var command = new Command("export", "Export every stored event (after deduplication) to stdout or a file; the formats are documented in src/Parley.Storage/README.md.") { store, format, from, to, outputFile };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(format)!;
            var path = parse.GetValue(outputFile);
            var binary = EventExport.BinaryFormats.Contains(name);
            if (binary && path is null && !Console.IsOutputRedirected)
            {
                throw new ParleyException(Errors.InvalidOption, $"--format {name} is binary: redirect stdout to a file or pass --output FILE.");
            }

            using var db = EventStore.Open(parse.GetValue(store));
            var events = db.AllEvents(parse.GetValue(from), parse.GetValue(to));
            long n;
            if (binary)
            {
                // Parquet needs a seekable stream: a file, or a temporary file copied to stdout
                var target = path ?? Path.GetTempFileName();
                try
                {
                    using (var file = OpenOutputFile(target))
                    {
                        n = EventExport.WriteParquet(events, file);
                    }

                    if (path is null)
                    {
                        using var file = File.OpenRead(target);
                        file.CopyTo(CliConsole.OutputStream);
                        CliConsole.OutputStream.Flush();
                    }
                }
                finally
                {
                    if (path is null)
                    {
                        File.Delete(target);
                    }
                }
            }
            else
            {
                var codebook = name == "icews-tsv" ? CameoCodebook.Load() : null;
                var places = name is "icews-tsv" or "phoenix-tsv" ? PlaceNames.Load() : null;
                using var output = path is null ? CliConsole.OpenOutput() : new StreamWriter(OpenOutputFile(path)) { NewLine = "\n" };
                n = EventExport.Write(name, events, output, codebook is null ? null : c => codebook.Map(c)?.Description, places is null ? null : places.Name);
                output.Flush();
            }

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"export: {n} events from {db.Location.Display}{(path is null ? "" : " to " + path)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static FileStream OpenOutputFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ParleyException(Errors.InvalidOption, $"--output: cannot write {path}: {ex.Message}", null, ex);
        }
    }

    private static string Actors(IEnumerable<StoredActor> actors) =>
        string.Join(";", actors.Select(a => (a.Country ?? a.Org ?? "?") + (a.Sector is null ? "" : "-" + a.Sector)).Distinct(StringComparer.Ordinal));

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A plain-text table; cells longer than 60 characters are cut with an ellipsis.</summary>
    private static void WriteTable(TextWriter output, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static string Cell(string s)
        {
            s = s.ReplaceLineEndings(" ");
            return s.Length > 60 ? s[..59] + "…" : s;
        }

        var widths = columns.Select((c, i) => Math.Max(c.Length, rows.Count == 0 ? 0 : rows.Max(r => Cell(r[i]).Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => Cell(c).PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({rows.Count} rows)"));
    }
}
