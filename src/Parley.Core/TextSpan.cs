namespace Parley.Core;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's text.
/// Every annotation in Parley (paragraph, sentence, token, mention, trigger) is a span, so its
/// evidence can always be cut back out of the original text.
/// </summary>
/// <param name="Start">Offset of the first character (inclusive, zero-based).</param>
/// <param name="End">Offset one past the last character (exclusive); never less than <paramref name="Start"/>.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters covered; zero for an empty span (an insertion point).</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers no character.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>Creates a span from a start offset and a length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the start or the length is negative.</exception>
    public static TextSpan FromLength(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new TextSpan(start, start + length);
    }

    /// <summary>True when <paramref name="other"/> lies entirely inside this span (equal spans contain each other).</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one character. Empty spans overlap nothing.</summary>
    public bool Overlaps(TextSpan other) => !IsEmpty && !other.IsEmpty && Start < other.End && other.Start < End;

    /// <summary>The covered text of <paramref name="text"/>.</summary>
    public string Slice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{Start},{End})";
}
