using Parley.Core;

namespace Parley.Actors.Documents;

/// <summary>
/// Pipeline component that finds the actor mentions of a document (names, nationality adjectives, titles and
/// offices, pronouns, definite descriptions, plural groups), links them into coreference chains and resolves
/// every chain to a country, organisation and sector (<c>actors</c> layer). A title attached to a name
/// ("Finnish Foreign Minister Anna Virtanen", "Anna Virtanen, Minister for Foreign Affairs of Finland") makes
/// that person an actor of that country and sector for the whole document, overriding the dictionary.
/// Stateless between documents and safe to share between threads.
/// </summary>
public sealed class DocumentActorTagger : IPipelineComponent
{
    private readonly ActorResolver _resolver;

    /// <summary>Creates the component over a loaded codebook.</summary>
    public DocumentActorTagger(ActorResolver resolver)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
    }

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor { get; } = new("parley.actors", "1", [LayerNames.Tokens, LayerNames.Syntax, LayerNames.Entities], [LayerNames.Actors]);

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Actors, Annotate(document, cancellationToken));
    }

    /// <summary>
    /// The actor layer of a document that already has its tokens, syntax and entities; the publication date
    /// (when known) selects the dated roles of persons found in the dictionary.
    /// </summary>
    public ActorLayer Annotate(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new DocumentActorBuilder(
            _resolver,
            document.Text,
            document.Get(Layers.Tokens),
            document.Get(Layers.Syntax),
            document.Get(Layers.Entities),
            document.Metadata.Published?.Date);
        return builder.Build(Descriptor.VersionedName, cancellationToken);
    }
}
