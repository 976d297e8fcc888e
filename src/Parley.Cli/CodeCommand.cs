using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Actors;
using Parley.Actors.Documents;
using Parley.Core;
using Parley.Events.Codebook;
using Parley.Events.Coding;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;
using Parley.Time;

namespace Parley.Cli;

/// <summary>
/// <c>parley code [FILE...]</c>: codes documents into PLOVER/CAMEO events, one JSON object a line (the output contract
/// of DEVELOPERS.md): <c>doc_id</c>, <c>id</c>, <c>event</c>, <c>mode</c>, <c>context</c>, <c>cameo</c>, <c>goldstein</c>,
/// <c>quad</c>, <c>date</c> with its trace, <c>source</c>/<c>recipient</c> actor lists, <c>evidence</c> (a sentence, or a list
/// when one happening is mentioned several times) with character offsets, <c>trigger</c>, <c>confidence</c>, <c>coder</c>,
/// <c>codebook</c>, and <c>planned_event</c> for announcements. <c>--explain</c> adds the reasons, and writes the triggers
/// left out (with why) to stderr.
/// </summary>
internal static class CodeCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var explain = new Option<bool>("--explain") { Description = "Add each event's reasons (trigger rule, actors, modality, date) and list discarded triggers on stderr." };
        var modal = new Option<bool>("--include-modal") { Description = "Also output negated and hypothetical events, marked with \"modality\"." };
        var command = new Command("code", "Code documents into PLOVER events with CAMEO codes; JSONL to stdout.") { explain, modal };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var pipeline = CreatePipeline(new EventCoderOptions(IncludeModal: parse.GetValue(modal)));
            var withReasons = parse.GetValue(explain);
            using var output = CliConsole.OpenOutput();
            void Write(Document document)
            {
                pipeline.Process(document, cancellationToken);
                var layer = document.Get(Layers.Events);
                foreach (var e in layer.Events)
                {
                    output.WriteLine(JsonSerializer.Serialize(EventRecord(document, e, withReasons), Json));
                }

                if (withReasons)
                {
                    output.Flush();
                    foreach (var d in layer.Discarded)
                    {
                        CliConsole.Info($"{document.Id}: discarded {d}");
                    }
                }
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    /// <summary>
    /// <c>parley calendar [FILE...]</c>: one JSON object a line for each happening the documents announce
    /// (<c>kind: planned</c>) and each anniversary they name (<c>kind: anniversary</c>): <c>doc_id</c>, <c>kind</c>,
    /// <c>event</c>, <c>actors</c>, <c>expected_date</c>, <c>origin_date</c>, <c>evidence</c> with offsets, <c>how</c>.
    /// </summary>
    public static Command CreateCalendar()
    {
        var command = new Command("calendar", "List what documents announce (planned happenings) and the anniversaries they name; JSONL to stdout.");
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var pipeline = CreatePipeline(new EventCoderOptions());
            using var output = CliConsole.OpenOutput();
            void Write(Document document)
            {
                pipeline.Process(document, cancellationToken);
                var tokens = document.Get(Layers.Tokens);
                foreach (var item in document.Get(Layers.Events).Calendar)
                {
                    var sentences = item.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
                    var record = new Dictionary<string, object?>
                    {
                        ["doc_id"] = document.Id,
                        ["kind"] = item.Kind,
                        ["event"] = item.Event,
                        ["cameo"] = item.Cameo,
                        ["actors"] = item.Actors.Select(Actor).ToList(),
                        ["expected_date"] = item.ExpectedDate,
                        ["origin_date"] = item.OriginDate,
                        ["evidence"] = sentences.Count == 1 ? document.Slice(sentences[0]) : string.Join(" ", sentences.Select(document.Slice)),
                        ["evidence_offsets"] = sentences.Select(s => new[] { s.Start, s.End }).ToList(),
                        ["trigger"] = document.Slice(item.Trigger),
                        ["how"] = item.How,
                        ["coder"] = EventCoder.Producer,
                    };
                    output.WriteLine(JsonSerializer.Serialize(record, Json));
                }
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    internal static Pipeline CreatePipeline(EventCoderOptions options)
    {
        var models = new LinguisticModels(ModelFolder.Root());
        var actors = ActorResolver.Load();
        return new PipelineBuilder()
            .Add(new Tokenizer())
            .Add(new SyntaxAnnotator(models))
            .Add(new TimexTagger())
            .Add(new EntityTagger(models))
            .Add(new DocumentActorTagger(actors))
            .Add(new EventCoder(VerbDictionary.Load(), CameoCodebook.Load(), actors, options))
            .Build();
    }

    /// <summary>The JSON record of one event (the output contract).</summary>
    internal static Dictionary<string, object?> EventRecord(Document document, CodedEvent e, bool explain)
    {
        var tokens = document.Get(Layers.Tokens);
        var sentences = e.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
        var record = new Dictionary<string, object?>
        {
            ["doc_id"] = document.Id,
            ["id"] = $"{document.Id}#{e.Id}",
            ["event"] = e.Event,
            ["mode"] = e.Mode,
            ["context"] = e.Contexts,
            ["cameo"] = e.Cameo,
            ["goldstein"] = e.Goldstein,
            ["quad"] = e.Quad,
            ["date"] = e.Date.Value,
            ["date_trace"] = new Dictionary<string, object?>
            {
                ["value"] = e.Date.Value,
                ["precision"] = e.Date.Precision,
                ["how"] = e.Date.How,
                ["text"] = e.Date.Text,
            },
            ["source"] = e.Source.Select(Actor).ToList(),
            ["recipient"] = e.Recipient.Select(Actor).ToList(),
            ["evidence"] = sentences.Count == 1 ? document.Slice(sentences[0]) : sentences.Select(document.Slice).ToList(),
            ["evidence_offsets"] = sentences.Select(s => new[] { s.Start, s.End }).ToList(),
            ["trigger"] = new Dictionary<string, object> { ["text"] = document.Slice(e.Trigger), ["start"] = e.Trigger.Start, ["end"] = e.Trigger.End },
            ["confidence"] = e.Confidence,
            ["coder"] = EventCoder.Producer,
            ["codebook"] = PloverTypes.CodebookVersion,
        };
        if (e.Modality != "asserted")
        {
            record["modality"] = e.Modality;
        }

        if (e.Planned is { } p)
        {
            record["planned_event"] = new Dictionary<string, object?>
            {
                ["event"] = p.Event,
                ["cameo"] = p.Cameo,
                ["actors"] = p.Actors.Select(Actor).ToList(),
                ["expected_date"] = p.ExpectedDate,
                ["text"] = document.Slice(p.Trigger),
            };
        }

        if (explain)
        {
            record["rule"] = e.Rule;
            record["explain"] = e.Explanation;
        }

        return record;
    }

    private static Dictionary<string, object?> Actor(EventActor a) => new()
    {
        ["text"] = a.Text,
        ["name"] = a.Name,
        ["country"] = a.Country,
        ["org"] = a.Org,
        ["sector"] = a.Sector,
        ["how"] = a.How,
    };
}
