namespace Parley.Core;

/// <summary>
/// An anniversary found in the text: "the 30th anniversary of the establishment of diplomatic relations … celebrated
/// on September 16th, 2022" gives the ordinal 30, what is commemorated, the date of the anniversary and, when that
/// date is a calendar day, month or year, the origin date (the anniversary date minus the ordinal in years).
/// </summary>
/// <param name="Span">Characters of the ordinal and the word <c>anniversary</c> ("30th anniversary").</param>
/// <param name="Ordinal">The ordinal (30 for "30th" or "thirtieth").</param>
/// <param name="Commemorated">Text of what is commemorated (the phrase after <c>of</c>), or null when the text does not say.</param>
/// <param name="CommemoratedSpan">Characters of <see cref="Commemorated"/>, or null.</param>
/// <param name="Expression">Index in <see cref="TimexLayer.Expressions"/> of the expression giving the anniversary's date, or -1 when the date was taken from the document creation time or is unknown.</param>
/// <param name="Date">TimeML value of the anniversary date (<c>2022-09-16</c>), or null when unknown.</param>
/// <param name="Origin">TimeML value of the commemorated event's date (<c>1992-09-16</c>), or null when no anniversary date is known.</param>
/// <param name="How">How the date was found: <c>date in the clause</c>, <c>date in the sentence</c>, <c>creation-time year</c>, or the reason there is none.</param>
public sealed record Anniversary(TextSpan Span, int Ordinal, string? Commemorated, TextSpan? CommemoratedSpan, int Expression, string? Date, string? Origin, string How);

/// <summary>
/// A temporal expression (TimeML TIMEX3) with its normalised value. Relative expressions ("yesterday", "last
/// week", "on Monday") are resolved against the document creation time (DCT, the publication time) and, for
/// weekdays and bare months, the tense of the clause they modify; when the document has no DCT they keep a
/// <see cref="Reason"/> instead of a <see cref="Value"/>.
/// </summary>
/// <param name="Span">Characters of the expression (TimeML extent: determiners and modifiers such as "early", "nearly" included, prepositions excluded).</param>
/// <param name="Type">TimeML type: <c>DATE</c>, <c>TIME</c>, <c>DURATION</c> or <c>SET</c>.</param>
/// <param name="Value">TimeML value (<c>2022-09-16</c>, <c>2022-W37</c>, <c>2022-Q3</c>, <c>P2D</c>, <c>PAST_REF</c>, <c>XXXX-WXX-1</c>…), or null when it could not be resolved (see <see cref="Reason"/>).</param>
/// <param name="Mod">TimeML mod (<c>START</c>, <c>MID</c>, <c>END</c>, <c>APPROX</c>, <c>LESS_THAN</c>, <c>MORE_THAN</c>, <c>EQUAL_OR_LESS</c>, <c>EQUAL_OR_MORE</c>), or null.</param>
/// <param name="Quant">TimeML quant of a set (<c>EACH</c>, <c>EVERY</c>), or null.</param>
/// <param name="Rule">Name of the recognition rule that matched.</param>
/// <param name="Anchor">How the value was resolved: <c>absolute</c>, <c>dct</c>, <c>dct+tense:past</c>, <c>previous:2022-09-16</c>, …</param>
/// <param name="Reason">Why <see cref="Value"/> is null (e.g. a relative expression in a document without DCT); null when resolved.</param>
/// <param name="FirstWord">Index of the first word (in <see cref="TokenLayer.Words"/>) the expression overlaps.</param>
/// <param name="WordCount">Number of words it overlaps.</param>
/// <param name="Predicate">Document word index of the predicate of the clause the expression modifies, or -1.</param>
/// <param name="Clause">Index in <see cref="ClauseLayer.Clauses"/> of that clause, or -1 (no clause, e.g. a headline fragment).</param>
public sealed record Timex(
    TextSpan Span,
    string Type,
    string? Value,
    string? Mod,
    string? Quant,
    string Rule,
    string Anchor,
    string? Reason,
    int FirstWord,
    int WordCount,
    int Predicate,
    int Clause)
{
    /// <summary>The anniversary this expression dates, or null.</summary>
    public Anniversary? Anniversary { get; init; }
}

/// <summary>The temporal expressions of a document in text order (non-overlapping), its DCT and anniversaries. Immutable.</summary>
/// <param name="Expressions">The expressions.</param>
/// <param name="Dct">TimeML value of the document creation time used as anchor, or null when the document has none.</param>
/// <param name="Anniversaries">Anniversaries found in the text.</param>
/// <param name="Producer">Versioned name of the component.</param>
public sealed record TimexLayer(IReadOnlyList<Timex> Expressions, string? Dct, IReadOnlyList<Anniversary> Anniversaries, string Producer)
{
    /// <summary>The expressions attached to clause <paramref name="clause"/> (an index in <see cref="ClauseLayer.Clauses"/>).</summary>
    public IEnumerable<Timex> ForClause(int clause) => Expressions.Where(t => t.Clause == clause);

    /// <summary>
    /// The date of clause <paramref name="clause"/>: its first attached DATE or TIME expression with a value, or null.
    /// </summary>
    public Timex? DateOf(int clause) => Expressions.FirstOrDefault(t => t.Clause == clause && t.Value is not null && t.Type is "DATE" or "TIME");
}
