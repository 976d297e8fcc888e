namespace Parley.Core;

/// <summary>
/// A syntactic word, as UD English defines it: <c>Kazakhstan’s</c> is one surface token but two words,
/// <c>Kazakhstan</c> and <c>’s</c>. The span covers the word's characters in the text; <see cref="Form"/>
/// equals the spanned text except where UD normalises a word (rare; e.g. a split that is not a substring).
/// </summary>
/// <param name="Span">Characters of the word in the document text.</param>
/// <param name="Form">The word form.</param>
/// <param name="SpaceAfter">Whether white space follows the surface token this word ends.</param>
public readonly record struct Word(TextSpan Span, string Form, bool SpaceAfter);

/// <summary>
/// A surface token that UD splits into several words (a CoNLL-U range line such as <c>6-7 Kazakhstan’s</c>).
/// </summary>
/// <param name="Span">Characters of the whole surface token.</param>
/// <param name="FirstWord">Index of its first word in <see cref="TokenLayer.Words"/>.</param>
/// <param name="LastWord">Index of its last word (inclusive).</param>
public readonly record struct MultiwordToken(TextSpan Span, int FirstWord, int LastWord);

/// <summary>A sentence: its character span and its words as a half-open index range.</summary>
/// <param name="Span">Characters from the first word's start to the last word's end.</param>
/// <param name="FirstWord">Index of the first word in <see cref="TokenLayer.Words"/>.</param>
/// <param name="WordCount">Number of words.</param>
public readonly record struct Sentence(TextSpan Span, int FirstWord, int WordCount)
{
    /// <summary>One past the last word's index.</summary>
    public int EndWord => FirstWord + WordCount;
}

/// <summary>
/// Tokens of a document: words in text order, the multiword tokens that group some of them, and the
/// sentences that partition the words. Immutable.
/// </summary>
public sealed class TokenLayer
{
    /// <summary>Creates a layer; the arrays are taken as they are, not copied.</summary>
    public TokenLayer(IReadOnlyList<Word> words, IReadOnlyList<MultiwordToken> multiwordTokens, IReadOnlyList<Sentence> sentences, string producer)
    {
        Words = words ?? throw new ArgumentNullException(nameof(words));
        MultiwordTokens = multiwordTokens ?? throw new ArgumentNullException(nameof(multiwordTokens));
        Sentences = sentences ?? throw new ArgumentNullException(nameof(sentences));
        Producer = producer ?? throw new ArgumentNullException(nameof(producer));
    }

    /// <summary>All words in text order.</summary>
    public IReadOnlyList<Word> Words { get; }

    /// <summary>Multiword tokens in text order.</summary>
    public IReadOnlyList<MultiwordToken> MultiwordTokens { get; }

    /// <summary>Sentences in text order; every word belongs to exactly one.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Versioned name of the component that produced the layer (provenance).</summary>
    public string Producer { get; }
}
