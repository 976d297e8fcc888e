using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Parsing;
using Parley.Time;

namespace Parley.Cli;

/// <summary>
/// <c>parley timex [FILE...]</c> (TimeML or JSONL temporal expressions), <c>parley eval timex</c> (TempEval-3 scorer on
/// TimeBank or AQUAINT) and <c>parley bench timex</c> (tagger speed on already tagged and parsed text).
/// </summary>
internal static class TimexCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command CreateTimex()
    {
        var dct = new Option<string?>("--dct") { Description = "Document creation time (YYYY-MM-DD or YYYY-MM-DDThh:mm) to anchor relative expressions; overrides the publication time found by the reader or in a .tml file." };
        var inputFormat = new Option<string>("--input-format") { Description = "text: any document format read by Parley; timeml: a TempEval-3 .tml file whose annotations are stripped and whose text is annotated afresh.", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "timeml");
        var outputFormat = new Option<string>("--output") { Description = "timeml: TempEval-3 layout (DCT, TEXT with inline TIMEX3); jsonl: one expression a line with its clause, trace and anniversary.", DefaultValueFactory = _ => "timeml" };
        outputFormat.AcceptOnlyFromAmong("timeml", "jsonl");
        var command = new Command("timex", "Find temporal expressions (TIMEX3 DATE, TIME, DURATION, SET), normalise them against the document creation time; write TimeML or JSONL.") { dct, inputFormat, outputFormat };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var dctValue = parse.GetValue(dct);
            PublicationTime? overrideDct = null;
            if (dctValue is not null)
            {
                overrideDct = TimeMlDocument.ParseDct(dctValue, DateSource.Override)
                    ?? throw new ParleyException(Errors.InvalidOption, $"--dct '{dctValue}' is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm).");
            }

            var pipeline = new TimexPipeline();
            var jsonl = parse.GetValue(outputFormat) == "jsonl";
            using var output = CliConsole.OpenOutput();
            void Write(Document document)
            {
                if (overrideDct is not null)
                {
                    document = new Document(document.Id, document.Text, document.Metadata with { Published = overrideDct }, document.Paragraphs);
                }

                var layer = pipeline.Run(document, cancellationToken);
                if (jsonl)
                {
                    WriteJsonl(output, document, layer);
                }
                else
                {
                    TimeMlDocument.Write(output, document.Id, document.Text, layer.Dct, layer.Expressions);
                }
            }

            if (parse.GetValue(inputFormat) == "timeml")
            {
                var files = parse.GetValue<string[]>("files") ?? [];
                return Task.FromResult(DocumentInputs.RunAnnotatedFiles(
                    files,
                    (reader, path) =>
                    {
                        var tml = TimeMlDocument.Parse(reader.ReadToEnd(), path);
                        var metadata = new DocumentMetadata { Published = tml.DctAsPublicationTime(), Format = "timeml" };
                        Write(new Document(tml.Id, tml.Text, metadata));
                    },
                    output.Flush));
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    private static void WriteJsonl(TextWriter output, Document document, TimexLayer layer)
    {
        var clauses = document.Get(Layers.Clauses);
        var tokens = document.Get(Layers.Tokens);
        foreach (var t in layer.Expressions)
        {
            var record = new Dictionary<string, object?>
            {
                ["doc_id"] = document.Id,
                ["text"] = document.Slice(t.Span),
                ["start"] = t.Span.Start,
                ["end"] = t.Span.End,
                ["type"] = t.Type,
                ["value"] = t.Value,
                ["mod"] = t.Mod,
                ["quant"] = t.Quant,
                ["rule"] = t.Rule,
                ["anchor"] = t.Anchor,
                ["dct"] = layer.Dct,
            };
            if (t.Reason is not null)
            {
                record["reason"] = t.Reason;
            }

            record["predicate"] = t.Predicate >= 0 ? tokens.Words[t.Predicate].Form : null;
            record["clause"] = t.Clause >= 0 ? clauses.Clauses[t.Clause].Lemma : null;
            if (t.Anniversary is { } a)
            {
                record["anniversary"] = new Dictionary<string, object?>
                {
                    ["ordinal"] = a.Ordinal,
                    ["text"] = document.Slice(a.Span),
                    ["commemorated"] = a.Commemorated,
                    ["date"] = a.Date,
                    ["origin"] = a.Origin,
                    ["how"] = a.How,
                };
            }

            output.WriteLine(JsonSerializer.Serialize(record, Json));
        }
    }

    public static Command CreateEval()
    {
        var shared = SharedData.CreateOption();
        var set = new Option<string>("--set") { Description = "timebank (development) or aquaint (report).", DefaultValueFactory = _ => "timebank" };
        set.AcceptOnlyFromAmong("timebank", "aquaint");
        var errors = new Option<int>("--errors") { Description = "Also list up to N discrepancies (missed, spurious, extent, value, type) on stderr.", DefaultValueFactory = _ => 0 };
        var part = new Option<string>("--part") { Description = "Score only part of the set for held-out development: 'even' or 'odd' (documents at even or odd positions of the file names in ordinal order), or 'all'.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("all", "even", "odd");
        var command = new Command("timex", "TempEval-3 TIMEX3 scores on TimeBank or AQUAINT: relaxed/strict P/R/F1 of extents, value accuracy and value F1, per type.") { shared, set, errors, part };
        command.SetAction((parse, cancellationToken) =>
        {
            var dir = Path.Combine(SharedData.Locate(parse.GetValue(shared)), "corpora", "tempeval3", parse.GetValue(set) == "aquaint" ? "AQUAINT" : "TimeBank");
            if (!Directory.Exists(dir))
            {
                throw new ParleyException(Errors.DataFile, $"TempEval-3 folder '{dir}' is missing.");
            }

            var pipeline = new TimexPipeline();
            var evaluation = new TimexEvaluation();
            var which = parse.GetValue(part);
            var files = Directory.GetFiles(dir, "*.tml").Order(StringComparer.Ordinal)
                .Where((_, index) => which == "all" || (index % 2 == 0) == (which == "even"))
                .ToList();
            foreach (var file in files)
            {
                var tml = TimeMlDocument.Read(file);
                var document = new Document(tml.Id, tml.Text, new DocumentMetadata { Published = tml.DctAsPublicationTime() });
                var layer = pipeline.Run(document, cancellationToken);
                evaluation.Add(tml.Id, tml.Timexes, TimexEvaluation.FromLayer(layer));
                if (parse.GetValue(errors) > 0)
                {
                    ErrorTexts[tml.Id] = tml.Text;
                }
            }

            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(ci, $"set {parse.GetValue(set)}{(which == "all" ? string.Empty : " (" + which + " part)")}: {files.Count} documents (extents as character spans of TEXT; DCT not scored)"));
            output.WriteLine("type      gold  pred  relaxed P/R/F1          strict P/R/F1           value acc  type acc  value F1");
            foreach (var row in TimexEvaluation.Types.Prepend(TimexEvaluation.All))
            {
                var s = evaluation.Score(row);
                output.WriteLine(string.Create(ci, $"{row,-8} {s.Gold,5} {s.Predicted,5}  {100 * s.RelaxedPrecision,6:F2} {100 * s.RelaxedRecall,6:F2} {100 * s.RelaxedF1,6:F2}  {100 * s.StrictPrecision,6:F2} {100 * s.StrictRecall,6:F2} {100 * s.StrictF1,6:F2}  {100 * s.ValueAccuracy,8:F2}  {100 * s.TypeAccuracy,8:F2}  {100 * s.ValueF1,7:F2}"));
            }

            output.Flush();
            var max = parse.GetValue(errors);
            foreach (var e in evaluation.Errors.Take(max))
            {
                var text = ErrorTexts.GetValueOrDefault(e.Document, string.Empty);
                string Show(TimeMlTimex? t) => t is null ? "-" : $"'{t.Span.Slice(text)}' {t.Type} {t.Value}{(t.Mod is null ? string.Empty : " " + t.Mod)}";
                var at = (e.Gold ?? e.Predicted)!.Span;
                var context = text[Math.Max(0, at.Start - 40)..Math.Min(text.Length, at.End + 40)].ReplaceLineEndings(" ");
                CliConsole.Info($"{e.Kind,-8} {e.Document}: gold {Show(e.Gold)} | pred {Show(e.Predicted)} | …{context}…");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static readonly Dictionary<string, string> ErrorTexts = new(StringComparer.Ordinal);

    public static Command CreateBench()
    {
        var shared = SharedData.CreateOption();
        var seconds = new Option<double>("--seconds") { Description = "Minimum timed duration (the TimeBank texts are annotated again until it is reached).", DefaultValueFactory = _ => 3.0 };
        var command = new Command("timex", "Temporal tagger throughput on one thread, on TimeBank texts already tokenised, tagged and parsed.") { shared, seconds };
        command.SetAction((parse, cancellationToken) =>
        {
            var dir = Path.Combine(SharedData.Locate(parse.GetValue(shared)), "corpora", "tempeval3", "TimeBank");
            if (!Directory.Exists(dir))
            {
                throw new ParleyException(Errors.DataFile, $"TempEval-3 folder '{dir}' is missing.");
            }

            var models = new LinguisticModels(ModelFolder.Root());
            var syntax = new SyntaxAnnotator(models);
            var tokenizer = new Tokenizer();
            var documents = new List<Document>();
            long bytes = 0;
            foreach (var file in Directory.GetFiles(dir, "*.tml").Order(StringComparer.Ordinal))
            {
                var tml = TimeMlDocument.Read(file);
                var document = new Document(tml.Id, tml.Text, new DocumentMetadata { Published = tml.DctAsPublicationTime() });
                tokenizer.Process(document, cancellationToken);
                syntax.Process(document, cancellationToken);
                documents.Add(document);
                bytes += Encoding.UTF8.GetByteCount(tml.Text);
            }

            void RunOnce()
            {
                foreach (var d in documents)
                {
                    TimexTagger.Annotate(d.Get(Layers.Tokens), d.Get(Layers.Syntax), d.Get(Layers.Clauses), d.Metadata.Published, cancellationToken);
                }
            }

            RunOnce(); // warm-up
            var watch = Stopwatch.StartNew();
            var passes = 0;
            var expressions = 0;
            while (watch.Elapsed.TotalSeconds < parse.GetValue(seconds) || passes == 0)
            {
                foreach (var d in documents)
                {
                    expressions += TimexTagger.Annotate(d.Get(Layers.Tokens), d.Get(Layers.Syntax), d.Get(Layers.Clauses), d.Metadata.Published, cancellationToken).Expressions.Count;
                }

                passes++;
            }

            watch.Stop();
            var total = bytes * passes / 1048576.0;
            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(ci, $"component   {TimexTagger.Producer}"));
            output.WriteLine(string.Create(ci, $"input       {documents.Count} TimeBank documents, {bytes / 1048576.0:F2} MB UTF-8, tokenised, tagged and parsed beforehand (not timed)"));
            output.WriteLine(string.Create(ci, $"passes      {passes}, {expressions / passes} expressions a pass"));
            output.WriteLine(string.Create(ci, $"time        {watch.Elapsed.TotalSeconds:F3} s (one thread, after warm-up)"));
            output.WriteLine(string.Create(ci, $"throughput  {total / watch.Elapsed.TotalSeconds:F2} MB/s"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Tokeniser, tagger and parser, and the temporal tagger, on one document.</summary>
    private sealed class TimexPipeline
    {
        private readonly Tokenizer _tokenizer = new();
        private readonly SyntaxAnnotator _syntax = new(new LinguisticModels(ModelFolder.Root()));
        private readonly TimexTagger _timex = new();

        public TimexLayer Run(Document document, CancellationToken cancellationToken)
        {
            _tokenizer.Process(document, cancellationToken);
            _syntax.Process(document, cancellationToken);
            _timex.Process(document, cancellationToken);
            return document.Get(Layers.Timexes);
        }
    }
}
