using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Actors;
using Parley.Actors.Documents;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;

namespace Parley.Cli;

/// <summary>
/// <c>parley actors [FILE...]</c>: the document-level actor layer as JSONL: one line per actor mention (chain id,
/// kind, text, offsets, sentence, resolved actor(s), the rule and antecedent that decided, confidence, and the
/// reason when unresolved), then one summary line per document listing its chains (canonical name, role, actors).
/// </summary>
internal static class ActorsCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var explain = new Option<bool>("--explain") { Description = "Add the dictionary matches and notes behind every decision (evidence)." };
        var command = new Command("actors", "Find actor mentions (names, demonyms, titles, pronouns, descriptions, groups), link them into chains and resolve them; write JSONL.") { explain };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var pipeline = CreatePipeline(new LinguisticModels(ModelFolder.Root()), ActorResolver.Load());
            var withEvidence = parse.GetValue(explain);
            using var output = CliConsole.OpenOutput();
            void Write(Document document)
            {
                pipeline.Process(document, cancellationToken);
                foreach (var line in Lines(document, withEvidence))
                {
                    output.WriteLine(line);
                }
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    /// <summary>Tokens, syntax and clauses, entities, then document actors.</summary>
    public static Pipeline CreatePipeline(LinguisticModels models, ActorResolver resolver) =>
        new PipelineBuilder()
            .Add(new Tokenizer())
            .Add(new SyntaxAnnotator(models))
            .Add(new EntityTagger(models))
            .Add(new DocumentActorTagger(resolver))
            .Build();

    /// <summary>The JSONL lines of one annotated document: its mentions, then its summary.</summary>
    public static IEnumerable<string> Lines(Document document, bool withEvidence)
    {
        var layer = document.Get(Layers.Actors);
        var tokens = document.Get(Layers.Tokens);
        var sentence = 0;
        foreach (var m in layer.Mentions)
        {
            while (tokens.Sentences[sentence].EndWord <= m.FirstWord)
            {
                sentence++;
            }

            var record = new Dictionary<string, object?>
            {
                ["doc_id"] = document.Id,
                ["chain"] = m.Chain,
                ["kind"] = m.Kind.ToString().ToUpperInvariant(),
                ["text"] = document.Slice(m.Span),
                ["start"] = m.Span.Start,
                ["end"] = m.Span.End,
                ["sentence"] = sentence,
                ["actors"] = m.Actors.Select(ToJson).ToList(),
                ["how"] = m.How,
                ["antecedent"] = m.Antecedent is { } a ? new Dictionary<string, object> { ["text"] = document.Slice(a), ["start"] = a.Start, ["end"] = a.End } : null,
                ["confidence"] = Math.Round(m.Confidence, 3),
            };
            if (m.Reason is not null)
            {
                record["reason"] = m.Reason;
            }

            if (withEvidence && m.Evidence.Count > 0)
            {
                record["evidence"] = m.Evidence;
            }

            yield return JsonSerializer.Serialize(record, Json);
        }

        var summary = new Dictionary<string, object?>
        {
            ["doc_id"] = document.Id,
            ["summary"] = "actors",
            ["published"] = document.Metadata.Published?.ToIso(),
            ["chains"] = layer.Chains.Select(c => new Dictionary<string, object?>
            {
                ["chain"] = c.Id,
                ["type"] = c.Type,
                ["name"] = c.Name,
                ["role"] = c.Role,
                ["actors"] = c.Actors.Select(ToJson).ToList(),
                ["mentions"] = c.MentionCount,
            }).ToList(),
        };
        yield return JsonSerializer.Serialize(summary, Json);
    }

    private static Dictionary<string, object?> ToJson(DocumentActor a) => new()
    {
        ["name"] = a.Name,
        ["country"] = a.Country,
        ["org"] = a.Org,
        ["sector"] = a.Sector,
        ["role"] = a.Role,
    };
}
