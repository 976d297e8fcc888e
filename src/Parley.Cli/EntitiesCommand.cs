using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Actors;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;
using Parley.Places;

namespace Parley.Cli;

/// <summary>
/// <c>parley entities [FILE...]</c>: tokenises and tags documents and writes their named-entity mentions as JSONL
/// (one mention a line: <c>doc_id</c>, <c>type</c>, <c>text</c>, <c>start</c>, <c>end</c>, <c>sentence</c>,
/// <c>confidence</c>, the resolved <c>actor</c> or the reason there is none, and for LOC mentions the resolved <c>place</c>
/// (GeoNames city, region or country) or the <c>place_reason</c>). With <c>--input-format iob2</c> it reads UNER-style IOB2 files and writes them back
/// with its own tags in the third column.
/// </summary>
internal static class EntitiesCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var inputFormat = new Option<string>("--input-format") { Description = "text: any document format, tokenised by Parley; iob2: UNER-style IOB2 (gold tokens), written back with predicted tags.", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "iob2");
        var command = new Command("entities", "Find person, organisation and location names; write JSONL mentions to stdout.") { inputFormat };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var models = new LinguisticModels(ModelFolder.Root());
            using var output = CliConsole.OpenOutput();
            if (parse.GetValue(inputFormat) == "iob2")
            {
                return Task.FromResult(TagIob2(parse.GetValue<string[]>("files") ?? [], models, output));
            }

            var tokenizer = new Tokenizer();
            var actors = ActorResolver.Load();
            var syntax = new SyntaxAnnotator(models);
            var tagger = new EntityTagger(models);
            var places = new PlaceTagger(PlaceResolver.Load());
            void Write(Document document)
            {
                tokenizer.Process(document, cancellationToken);
                var tokens = document.Get(Layers.Tokens);
                var layer = tagger.Annotate(tokens, syntax.Annotate(tokens, cancellationToken), cancellationToken);
                var placeByEntity = places.Annotate(document, layer, cancellationToken).Mentions.ToDictionary(p => p.EntityIndex);
                var sentence = 0;
                for (var index = 0; index < layer.Mentions.Count; index++)
                {
                    var m = layer.Mentions[index];
                    while (tokens.Sentences[sentence].EndWord <= m.FirstWord)
                    {
                        sentence++;
                    }

                    var record = new Dictionary<string, object>
                    {
                        ["doc_id"] = document.Id,
                        ["type"] = m.Type,
                        ["text"] = document.Slice(m.Span),
                        ["start"] = m.Span.Start,
                        ["end"] = m.Span.End,
                        ["sentence"] = sentence,
                        ["confidence"] = Math.Round(m.Confidence, 4),
                    };
                    AddActor(record, actors.Resolve(document.Slice(m.Span), document.Metadata.Published?.Date), document.Metadata.Published is null);
                    if (placeByEntity.TryGetValue(index, out var place))
                    {
                        AddPlace(record, place);
                    }

                    output.WriteLine(JsonSerializer.Serialize(record, Json));
                }
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    /// <summary>
    /// The mention's actor from the codebook (country, organisation, sector, and how it was found), dated by the
    /// publication date; or null with the reason.
    /// </summary>
    private static void AddActor(Dictionary<string, object> record, ActorResolution? actor, bool undated)
    {
        if (actor is null)
        {
            record["actor"] = null!;
            record["actor_reason"] = "no codebook entry (country, demonym, capital, institution, organisation or dated person) matches the mention";
            return;
        }

        record["actor"] = new Dictionary<string, object?>
        {
            ["name"] = actor.Name,
            ["country"] = actor.Country,
            ["org"] = actor.Org,
            ["sector"] = actor.Sector,
            ["how"] = actor.How,
            ["entry"] = actor.Entry,
            ["confidence"] = Math.Round(actor.Confidence, 4),
        };
        if (undated && actor.How.StartsWith("person", StringComparison.Ordinal))
        {
            record["actor_reason"] = "the document has no publication date, so a person's dated roles were matched without a date";
        }
    }

    /// <summary>The LOC mention's place (GeoNames id, name, ISO-3 country, admin1, coordinates, precision, how) or the reason there is none.</summary>
    private static void AddPlace(Dictionary<string, object> record, PlaceMention place)
    {
        if (!place.IsResolved)
        {
            record["place"] = null!;
            record["place_reason"] = place.Reason ?? "unresolved";
            return;
        }

        record["place"] = new Dictionary<string, object?>
        {
            ["geonames_id"] = place.GeoNamesId,
            ["name"] = place.Name,
            ["country"] = place.Country,
            ["admin1"] = place.Admin1,
            ["lat"] = place.Latitude,
            ["lon"] = place.Longitude,
            ["population"] = place.Population,
            ["precision"] = place.Precision,
            ["how"] = place.How,
            ["confidence"] = Math.Round(place.Confidence, 4),
            ["candidates"] = place.Candidates,
        };
    }

    private static int TagIob2(string[] files, LinguisticModels models, TextWriter output) =>
        DocumentInputs.RunAnnotatedFiles(
            files,
            (reader, path) =>
            {
                // consecutive sentences of one document (same sentence-id prefix) are recognised together, as at run time
                var sentences = Iob2Corpus.Read(reader, path);
                var documents = EntityDocument.ForSentences(sentences);
                for (var start = 0; start < sentences.Count;)
                {
                    var end = start + 1;
                    while (end < sentences.Count && ReferenceEquals(documents[end], documents[start]))
                    {
                        end++;
                    }

                    var part = sentences.Skip(start).Take(end - start).ToList();
                    var found = models.Entities.RecognizeDocument(part.Select(s => (IReadOnlyList<string>)s.Forms).ToList(), part.Select(s => (IReadOnlyList<string>)models.Tagger.Tag(s.Forms).XPos).ToList());
                    for (var i = 0; i < part.Count; i++)
                    {
                        Iob2Corpus.Write(output, part[i], EntityLabels.ToIob2(found[i].Select(e => new EntitySpan(e.Start, e.End, e.Type)), part[i].Forms.Length));
                    }

                    start = end;
                }
            },
            output.Flush);
}
