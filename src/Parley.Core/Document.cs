namespace Parley.Core;

/// <summary>
/// A typed key for an annotation layer. Components name the layers they require and assign by
/// <see cref="Name"/>, so the pipeline builder can check the order before any document is processed.
/// </summary>
/// <typeparam name="T">The layer's type; layers are immutable once set.</typeparam>
/// <param name="Name">Unique layer name, e.g. <c>tokens</c>.</param>
public sealed record LayerKey<T>(string Name)
    where T : class;

/// <summary>The layer names known to the core. Readers provide <see cref="Text"/>, <see cref="Metadata"/> and <see cref="Paragraphs"/>.</summary>
public static class LayerNames
{
    /// <summary>The immutable text (always present).</summary>
    public const string Text = "text";

    /// <summary>The metadata (always present).</summary>
    public const string Metadata = "metadata";

    /// <summary>Paragraph spans (always present; a reader may give a single paragraph).</summary>
    public const string Paragraphs = "paragraphs";

    /// <summary>Words, multiword tokens and sentences.</summary>
    public const string Tokens = "tokens";

    /// <summary>Tags, lemmas, features and dependencies.</summary>
    public const string Syntax = "syntax";

    /// <summary>The clause view over the parse.</summary>
    public const string Clauses = "clauses";

    /// <summary>Named-entity mentions (PER, ORG, LOC).</summary>
    public const string Entities = "entities";

    /// <summary>Location mentions resolved to GeoNames places, regions and countries.</summary>
    public const string Places = "places";

    /// <summary>Temporal expressions (TIMEX3) with normalised values, their clauses, and anniversaries.</summary>
    public const string Timexes = "timexes";

    /// <summary>Document-level actor mentions, roles and coreference chains.</summary>
    public const string Actors = "actors";

    /// <summary>Coded events.</summary>
    public const string Events = "events";

    /// <summary>The layers every document has when it leaves a reader.</summary>
    public static IReadOnlyList<string> Intrinsic { get; } = [Text, Metadata, Paragraphs];
}

/// <summary>Typed keys of the layers defined in the core.</summary>
public static class Layers
{
    /// <summary>The token layer: words, multiword tokens, sentences.</summary>
    public static readonly LayerKey<TokenLayer> Tokens = new(LayerNames.Tokens);

    /// <summary>The syntax layer: tags, lemmas, features, dependencies.</summary>
    public static readonly LayerKey<SyntaxLayer> Syntax = new(LayerNames.Syntax);

    /// <summary>The clause view.</summary>
    public static readonly LayerKey<ClauseLayer> Clauses = new(LayerNames.Clauses);

    /// <summary>The named-entity mentions.</summary>
    public static readonly LayerKey<EntityLayer> Entities = new(LayerNames.Entities);

    /// <summary>The resolved place mentions.</summary>
    public static readonly LayerKey<PlaceLayer> Places = new(LayerNames.Places);

    /// <summary>The temporal expressions.</summary>
    public static readonly LayerKey<TimexLayer> Timexes = new(LayerNames.Timexes);

    /// <summary>The document-level actor mentions and coreference chains.</summary>
    public static readonly LayerKey<ActorLayer> Actors = new(LayerNames.Actors);

    /// <summary>The coded events.</summary>
    public static readonly LayerKey<EventLayer> Events = new(LayerNames.Events);
}

/// <summary>
/// A document: an id, its immutable text, metadata and paragraphs from a reader, and annotation layers
/// added by pipeline components. Every annotation is a span into <see cref="Text"/>.
/// Layers are write-once: setting a layer twice is a bug and throws (PRL2003). A document is processed by
/// one thread at a time; different documents may be processed in parallel.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<string, object> _layers = new(StringComparer.Ordinal);

    /// <summary>Creates a document.</summary>
    /// <param name="id">Stable id: the record id, or one derived from the file name.</param>
    /// <param name="text">The body text; paragraphs separated by blank lines by convention.</param>
    /// <param name="metadata">Metadata found by the reader.</param>
    /// <param name="paragraphs">Paragraph spans into <paramref name="text"/>, in order, non-overlapping. Null means one paragraph over the trimmed text.</param>
    public Document(string id, string text, DocumentMetadata metadata, IReadOnlyList<TextSpan>? paragraphs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(metadata);
        Id = id;
        Text = text;
        Metadata = metadata;
        Paragraphs = paragraphs ?? DefaultParagraphs(text);
        var previousEnd = 0;
        foreach (var p in Paragraphs)
        {
            if (p.Start < previousEnd || p.End > text.Length || p.End < p.Start)
            {
                throw new ArgumentException($"Paragraph {p} is out of order or outside the text (length {text.Length}).", nameof(paragraphs));
            }

            previousEnd = p.End;
        }
    }

    /// <summary>The document id.</summary>
    public string Id { get; }

    /// <summary>The immutable body text.</summary>
    public string Text { get; }

    /// <summary>Metadata from the reader.</summary>
    public DocumentMetadata Metadata { get; }

    /// <summary>Paragraph spans in text order.</summary>
    public IReadOnlyList<TextSpan> Paragraphs { get; }

    /// <summary>Names of the layers set so far, plus the intrinsic ones.</summary>
    public IEnumerable<string> LayerNamesPresent => LayerNames.Intrinsic.Concat(_layers.Keys);

    /// <summary>Sets a layer once.</summary>
    /// <exception cref="ParleyException">PRL2003 when the layer is already set.</exception>
    public void Set<T>(LayerKey<T> key, T layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(layer);
        if (!_layers.TryAdd(key.Name, layer))
        {
            throw new ParleyException(Errors.LayerState, $"Layer '{key.Name}' is already set on document '{Id}'.");
        }
    }

    /// <summary>Gets a layer that must be present.</summary>
    /// <exception cref="ParleyException">PRL2003 when the layer was not set (a component ran out of order).</exception>
    public T Get<T>(LayerKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGet(key, out var value)
            ? value
            : throw new ParleyException(Errors.LayerState, $"Layer '{key.Name}' is not set on document '{Id}'.");
    }

    /// <summary>Gets a layer if present.</summary>
    public bool TryGet<T>(LayerKey<T> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_layers.TryGetValue(key.Name, out var obj) && obj is T typed)
        {
            value = typed;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The text covered by a span.</summary>
    public string Slice(TextSpan span) => span.Slice(Text);

    /// <summary>Paragraphs as the non-blank runs of text separated by blank lines.</summary>
    public static IReadOnlyList<TextSpan> DefaultParagraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var end = i;
            while (i < text.Length)
            {
                var lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                var line = text.AsSpan(i, lineEnd - i);
                if (line.IsWhiteSpace())
                {
                    break;
                }

                end = i + line.TrimEnd().Length;
                i = Math.Min(text.Length, lineEnd + 1);
            }

            result.Add(new TextSpan(start, end));
        }

        return result;
    }
}
