namespace Parley.Core;

/// <summary>
/// A named-entity mention: a contiguous run of words of one sentence naming a person, an organisation or
/// a location (countries, cities and other geopolitical entities included).
/// </summary>
/// <param name="Span">Characters of the mention in the document text (first word's start to last word's end).</param>
/// <param name="Type">Entity type: <c>PER</c>, <c>ORG</c> or <c>LOC</c>.</param>
/// <param name="FirstWord">Index of its first word in <see cref="TokenLayer.Words"/>.</param>
/// <param name="WordCount">Number of words.</param>
/// <param name="Confidence">Model confidence in [0, 1] (a softmax over the tagger's scores, lowest over the mention's words).</param>
/// <param name="Producer">Versioned name of the model or component that found it.</param>
public sealed record EntityMention(TextSpan Span, string Type, int FirstWord, int WordCount, double Confidence, string Producer)
{
    /// <summary>One past the index of the last word.</summary>
    public int EndWord => FirstWord + WordCount;
}

/// <summary>The named-entity mentions of a document, in text order, non-overlapping. Immutable.</summary>
/// <param name="Mentions">The mentions.</param>
/// <param name="Producer">Versioned name of the component that produced the layer.</param>
public sealed record EntityLayer(IReadOnlyList<EntityMention> Mentions, string Producer);
