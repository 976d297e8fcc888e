using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;
using Parley.Events.Coding;
using Parley.Ingest;

namespace Parley.Cli;

/// <summary>
/// <c>parley code [FILE...]</c>: codes documents into PLOVER/CAMEO events, one JSON object a line (the output contract
/// of DEVELOPERS.md): <c>doc_id</c>, <c>id</c>, <c>event</c>, <c>mode</c>, <c>context</c>, <c>cameo</c>, <c>goldstein</c>,
/// <c>quad</c>, <c>date</c> with its trace, <c>source</c>/<c>recipient</c> actor lists, <c>evidence</c> (a sentence, or a list
/// when one happening is mentioned several times) with character offsets, <c>trigger</c>, <c>confidence</c>, <c>coder</c>,
/// <c>codebook</c>, <c>location</c> (where it happened, through the places layer) or null with <c>location_reason</c>, and
/// <c>planned_event</c> for announcements. Documents are coded on <c>--threads</c> workers with the output in input order.
/// <c>--explain</c> adds the reasons, and writes the triggers
/// left out (with why) to stderr.
/// </summary>
internal static class CodeCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var explain = new Option<bool>("--explain") { Description = "Add each event's reasons (trigger rule, actors, modality, date) and list discarded triggers on stderr." };
        var modal = new Option<bool>("--include-modal") { Description = "Also output negated and hypothetical events, marked with \"modality\"." };
        var threads = OrderedParallel<object>.CreateOption();
        var command = new Command("code", "Code documents into PLOVER events with CAMEO codes; JSONL to stdout.") { explain, modal, threads };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var workers = OrderedParallel<object>.Threads(parse, threads);
            var pipeline = CreatePipeline(new EventCoderOptions(IncludeModal: parse.GetValue(modal)));
            var withReasons = parse.GetValue(explain);
            using var output = CliConsole.OpenOutput();
            (List<string> Lines, List<string> Discarded) Process(Document document)
            {
                pipeline.Process(document, cancellationToken);
                var layer = document.Get(Layers.Events);
                var lines = layer.Events.Select(e => JsonSerializer.Serialize(EventRecord(document, e, withReasons), Json)).ToList();
                return (lines, withReasons ? [.. layer.Discarded.Select(d => $"{document.Id}: discarded {d}")] : []);
            }

            void Write((List<string> Lines, List<string> Discarded) result)
            {
                foreach (var line in result.Lines)
                {
                    output.WriteLine(line);
                }

                if (withReasons)
                {
                    output.Flush();
                    foreach (var d in result.Discarded)
                    {
                        CliConsole.Info(d);
                    }
                }
            }

            using var runner = new OrderedParallel<(List<string>, List<string>)>(workers, Process, Write);
            var exit = inputs.Run(parse, runner.Add, () => Drain(runner, output), cancellationToken);
            runner.Drain();
            return Task.FromResult(exit);
        });
        return command;
    }

    /// <summary>Writes every document processed so far, in order, before a diagnostic goes to stderr.</summary>
    private static void Drain<T>(OrderedParallel<T> runner, TextWriter output)
    {
        runner.Drain();
        output.Flush();
    }

    /// <summary>
    /// <c>parley calendar [FILE...]</c>: one JSON object a line for each happening the documents announce
    /// (<c>kind: planned</c>) and each anniversary they name (<c>kind: anniversary</c>): <c>doc_id</c>, <c>kind</c>,
    /// <c>event</c>, <c>actors</c>, <c>expected_date</c>, <c>origin_date</c>, <c>evidence</c> with offsets, <c>how</c>.
    /// </summary>
    public static Command CreateCalendar()
    {
        var threads = OrderedParallel<object>.CreateOption();
        var command = new Command("calendar", "List what documents announce (planned happenings) and the anniversaries they name; JSONL to stdout.") { threads };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var workers = OrderedParallel<object>.Threads(parse, threads);
            var pipeline = CreatePipeline(new EventCoderOptions());
            using var output = CliConsole.OpenOutput();
            List<string> Process(Document document)
            {
                pipeline.Process(document, cancellationToken);
                var tokens = document.Get(Layers.Tokens);
                var lines = new List<string>();
                foreach (var item in document.Get(Layers.Events).Calendar)
                {
                    var sentences = item.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
                    var record = new Dictionary<string, object?>
                    {
                        ["doc_id"] = document.Id,
                        ["kind"] = item.Kind,
                        ["event"] = item.Event,
                        ["cameo"] = item.Cameo,
                        ["actors"] = item.Actors.Select(EventRecords.Actor).ToList(),
                        ["expected_date"] = item.ExpectedDate,
                        ["origin_date"] = item.OriginDate,
                        ["evidence"] = sentences.Count == 1 ? document.Slice(sentences[0]) : string.Join(" ", sentences.Select(document.Slice)),
                        ["evidence_offsets"] = sentences.Select(s => new[] { s.Start, s.End }).ToList(),
                        ["trigger"] = document.Slice(item.Trigger),
                        ["how"] = item.How,
                        ["coder"] = EventCoder.Producer,
                    };
                    lines.Add(JsonSerializer.Serialize(record, Json));
                }

                return lines;
            }

            void Write(List<string> lines)
            {
                foreach (var line in lines)
                {
                    output.WriteLine(line);
                }
            }

            using var runner = new OrderedParallel<List<string>>(workers, Process, Write);
            var exit = inputs.Run(parse, runner.Add, () => Drain(runner, output), cancellationToken);
            runner.Drain();
            return Task.FromResult(exit);
        });
        return command;
    }

    /// <summary>The <c>code</c> pipeline with the shipped models (see <see cref="CodingPipeline.Create"/>).</summary>
    internal static Pipeline CreatePipeline(EventCoderOptions options) => CodingPipeline.Create(ModelFolder.Root(), options);

    /// <summary>The JSON record of one event (the output contract; see <see cref="EventRecords.Create"/>).</summary>
    internal static Dictionary<string, object?> EventRecord(Document document, CodedEvent e, bool explain) => EventRecords.Create(document, e, explain);
}
