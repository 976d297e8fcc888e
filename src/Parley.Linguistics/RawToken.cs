namespace Parley.Linguistics;

/// <summary>What the scanner knows about a surface token; used by the sentence splitter.</summary>
[Flags]
internal enum TokenFlags
{
    None = 0,

    /// <summary>Starts with a letter or digit (a word, number, URL, e-mail, handle).</summary>
    Word = 1,

    /// <summary>A run of sentence-final punctuation: . ! ? … and their combinations.</summary>
    Terminal = 2,

    /// <summary>A run of periods or an ellipsis character.</summary>
    Ellipsis = 4,

    /// <summary>A closing quote or bracket.</summary>
    Closing = 8,

    /// <summary>An opening quote or bracket.</summary>
    Opening = 16,

    /// <summary>An abbreviation with its period that never ends a sentence (Mr., e.g., J.).</summary>
    AbbrevTitle = 32,

    /// <summary>An abbreviation with its period that may end a sentence (Inc., U.S., etc.).</summary>
    AbbrevAny = 64,

    /// <summary>A quote character that may open or close (" ').</summary>
    AmbiguousQuote = 128,

    /// <summary>White space (or the paragraph start) precedes the token.</summary>
    SpaceBefore = 256,

    /// <summary>A line break precedes the token (inside a paragraph).</summary>
    LineBefore = 512,

    /// <summary>An emoticon such as :) .</summary>
    Emoticon = 1024,

    /// <summary>An abbreviation that usually ends a sentence before a capitalised word (etc.).</summary>
    AbbrevEnd = 2048,
}

/// <summary>A surface token: its character span and flags.</summary>
internal readonly record struct RawToken(int Start, int End, TokenFlags Flags)
{
    public int Length => End - Start;

    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
