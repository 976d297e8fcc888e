using Parley.Core;
using Parley.Linguistics.Parsing;

namespace Parley.Linguistics.Entities;

/// <summary>
/// Pipeline component that finds PER, ORG and LOC mentions in every sentence (<c>entities</c> layer) from the
/// words and their predicted Penn tags, the whole document at once (see <see cref="EntityRecognizer.RecognizeDocument"/>).
/// </summary>
public sealed class EntityTagger : IPipelineComponent
{
    private readonly LinguisticModels _models;

    /// <summary>Creates the component over shared models.</summary>
    public EntityTagger(LinguisticModels models)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
    }

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor { get; } = new("parley.entities", "1", [LayerNames.Tokens, LayerNames.Syntax], [LayerNames.Entities]);

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Entities, Annotate(document.Get(Layers.Tokens), document.Get(Layers.Syntax), cancellationToken));
    }

    /// <summary>The mentions of every sentence of a token layer, given its syntax layer.</summary>
    public EntityLayer Annotate(TokenLayer tokens, SyntaxLayer syntax, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(syntax);
        var recognizer = _models.Entities;
        var mentions = new List<EntityMention>();
        var sentences = tokens.Sentences.Select(s => (IReadOnlyList<string>)Enumerable.Range(s.FirstWord, s.WordCount).Select(i => tokens.Words[i].Form).ToArray()).ToList();
        var tags = tokens.Sentences.Select(s => (IReadOnlyList<string>)Enumerable.Range(s.FirstWord, s.WordCount).Select(i => syntax.XPos[i]).ToArray()).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var found = recognizer.RecognizeDocument(sentences, tags);
        for (var k = 0; k < tokens.Sentences.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = tokens.Sentences[k];
            foreach (var e in found[k])
            {
                var first = sentence.FirstWord + e.Start;
                var last = sentence.FirstWord + e.End - 1;
                if (e.Type == "PER" && last - first >= 2 && recognizer.IsPlaceName(tokens.Words[first].Form)
                    && char.IsUpper(tokens.Words[first + 1].Form[0]))
                {
                    // "US Ambassador to Kazakhstan Daniel Rosenblum": a country name before a full name ends the title, it
                    // does not begin the name
                    first++;
                }

                var span = new TextSpan(tokens.Words[first].Span.Start, tokens.Words[last].Span.End);
                mentions.Add(new EntityMention(span, e.Type, first, last - first + 1, e.Confidence, EntityRecognizer.Producer));
            }
        }

        return new EntityLayer(mentions, Descriptor.VersionedName);
    }
}
