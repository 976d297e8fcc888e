namespace Parley.Core;

/// <summary>How precisely a publication time is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year is known.</summary>
    Year,

    /// <summary>Year and month.</summary>
    Month,

    /// <summary>A calendar day.</summary>
    Day,

    /// <summary>Day and time to the minute.</summary>
    Minute,

    /// <summary>Day and time to the second (or finer).</summary>
    Second,
}

/// <summary>Where a publication time was found. Recorded so a date is never a silent guess.</summary>
public enum DateSource
{
    /// <summary>A header line of a plain-text release (<c>Posted: 08.06.2022 10:12:00</c>, <c>Date: …</c>).</summary>
    HeaderLine,

    /// <summary>The date inside a dateline (<c>BEIJING, (APP - 12th Jan, 2023)</c>).</summary>
    Dateline,

    /// <summary>HTML <c>meta property="article:published_time"</c> (or a similar meta tag).</summary>
    MetaTag,

    /// <summary>JSON-LD <c>datePublished</c>.</summary>
    JsonLd,

    /// <summary>An HTML <c>&lt;time datetime&gt;</c> element.</summary>
    TimeElement,

    /// <summary>The <c>published</c> field of a JSONL record.</summary>
    RecordField,

    /// <summary>An RSS <c>pubDate</c> or Atom <c>published</c>/<c>updated</c>.</summary>
    FeedItem,

    /// <summary>Given by the user on the command line.</summary>
    Override,
}

/// <summary>Order of day and month in an all-numeric date such as <c>08.06.2022</c>.</summary>
public enum DateOrder
{
    /// <summary>Decide by rules (impossible values, separator and site conventions) and record the rule.</summary>
    Auto,

    /// <summary>Day first: 08.06.2022 is 8 June.</summary>
    DayFirst,

    /// <summary>Month first: 06/08/2022 is June 8.</summary>
    MonthFirst,
}

/// <summary>
/// A publication time (the document creation time, DCT, that temporal expressions are anchored on),
/// with its precision and how it was found. Values are local to the publisher unless
/// <see cref="Offset"/> is known; Parley never invents a time zone.
/// </summary>
/// <param name="Date">The calendar date. For <see cref="DatePrecision.Year"/>/<see cref="DatePrecision.Month"/>, the unknown parts are 1.</param>
/// <param name="Time">Time of day, when given.</param>
/// <param name="Offset">UTC offset, when given.</param>
/// <param name="Precision">What part of the value is meaningful.</param>
/// <param name="Source">Where the value was found.</param>
/// <param name="Raw">The text the value was read from, verbatim.</param>
/// <param name="Rule">How the raw text was interpreted (e.g. which day/month order and why).</param>
public sealed record PublicationTime(
    DateOnly Date,
    TimeOnly? Time,
    TimeSpan? Offset,
    DatePrecision Precision,
    DateSource Source,
    string Raw,
    string Rule)
{
    /// <summary>
    /// ISO 8601 rendering truncated to the precision: <c>2022</c>, <c>2022-06</c>, <c>2022-06-08</c>,
    /// <c>2022-06-08T10:12</c>, <c>2022-06-08T10:12:00</c>, with <c>Z</c> or <c>±hh:mm</c> when the offset is known.
    /// </summary>
    public string ToIso()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = Precision switch
        {
            DatePrecision.Year => Date.ToString("yyyy", inv),
            DatePrecision.Month => Date.ToString("yyyy-MM", inv),
            _ => Date.ToString("yyyy-MM-dd", inv),
        };
        if (Precision >= DatePrecision.Minute && Time is { } t)
        {
            text += "T" + t.ToString(Precision == DatePrecision.Minute ? "HH:mm" : "HH:mm:ss", inv);
            if (Offset is { } off)
            {
                text += off == TimeSpan.Zero ? "Z" : (off < TimeSpan.Zero ? "-" : "+") + off.Duration().ToString("hh\\:mm", inv);
            }
        }

        return text;
    }
}

/// <summary>A language decision with its confidence and the method that produced it.</summary>
/// <param name="Code">ISO 639-1 code (<c>en</c>, <c>ru</c>, …) or <c>und</c> when undetermined.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Method">How it was decided: <c>declared</c> (record/HTML attribute), <c>script</c>, <c>stopwords</c>….</param>
public sealed record LanguageDecision(string Code, double Confidence, string Method);

/// <summary>How the bytes of the input were decoded.</summary>
/// <param name="Name">Web name of the encoding: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1251</c>, <c>windows-1252</c>.</param>
/// <param name="Method">How it was detected: <c>bom</c>, <c>valid-utf8</c>, <c>declared</c>, <c>byte-statistics</c>, <c>string</c> (already text).</param>
public sealed record EncodingDecision(string Name, string Method);

/// <summary>
/// A block the reader kept out of the body (photo caption, credit, dateline, navigation) so that
/// nothing is lost: the original text and why it was removed.
/// </summary>
/// <param name="Kind">caption, credit, dateline, header, boilerplate….</param>
/// <param name="Text">The removed text, verbatim.</param>
/// <param name="Reason">The rule that removed it.</param>
public sealed record RemovedBlock(string Kind, string Text, string Reason);

/// <summary>Document metadata found by a reader. Immutable; build with <c>with</c>.</summary>
public sealed record DocumentMetadata
{
    /// <summary>The headline, when the input has one.</summary>
    public string? Title { get; init; }

    /// <summary>The canonical URL of the article, when known.</summary>
    public string? Url { get; init; }

    /// <summary>The publication time (DCT), or null with <see cref="PublishedMissingReason"/> saying why.</summary>
    public PublicationTime? Published { get; init; }

    /// <summary>Why <see cref="Published"/> is null (no header, unparseable…); null when a time was found.</summary>
    public string? PublishedMissingReason { get; init; }

    /// <summary>The language decision.</summary>
    public LanguageDecision? Language { get; init; }

    /// <summary>How the input bytes were decoded.</summary>
    public EncodingDecision? Encoding { get; init; }

    /// <summary>The input format: <c>text</c>, <c>html</c>, <c>jsonl</c>, <c>rss</c>, <c>atom</c>.</summary>
    public string Format { get; init; } = "text";

    /// <summary>Where the document came from (file and line).</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>The dateline (<c>MINSK, 15 February (BelTA)</c>), verbatim, when the text opened with one.</summary>
    public string? Dateline { get; init; }

    /// <summary>The place named by the dateline (<c>MINSK</c>), when any.</summary>
    public string? DatelinePlace { get; init; }

    /// <summary>The agency named by the dateline (<c>BelTA</c>, <c>KAZINFORM</c>), when any.</summary>
    public string? DatelineAgency { get; init; }

    /// <summary>Blocks kept out of the body text, with the reason.</summary>
    public IReadOnlyList<RemovedBlock> Removed { get; init; } = [];

    /// <summary>Other key/value pairs from the input (header lines, feed fields), in input order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
}
