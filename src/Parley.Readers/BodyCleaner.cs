using System.Text;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>A dateline found at the start of a paragraph.</summary>
/// <param name="Text">The dateline, verbatim (without the separator that follows it).</param>
/// <param name="Removed">The exact prefix removed from the paragraph (dateline plus separator).</param>
/// <param name="Place">The place, when any.</param>
/// <param name="Agency">The agency, when any.</param>
/// <param name="DateText">The date text inside the dateline, when any.</param>
internal sealed record DatelineMatch(string Text, string Removed, string? Place, string? Agency, string? DateText);

/// <summary>The body of a document after paragraph splitting and the removal of captions, credits and the dateline.</summary>
internal sealed record CleanBody(
    string Text,
    IReadOnlyList<TextSpan> Paragraphs,
    IReadOnlyList<RemovedBlock> Removed,
    DatelineMatch? Dateline,
    PublicationTime? DatelineTime,
    string? DatelineDateNote,
    string? Author,
    PublicationTime? DateLineTime = null);

/// <summary>
/// Shared body rules of the text and JSONL readers: paragraph splitting (blank lines; single-newline
/// paragraphs; hard-wrapped lines joined), removal of photo captions, credits, bylines and sharing prompts,
/// and the dateline at the start of the first paragraphs. Everything removed is kept in
/// <see cref="DocumentMetadata.Removed"/> with the rule that removed it.
/// </summary>
internal static partial class BodyCleaner
{
    private const string Month = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private const string DateDm = @"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"\.?|" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?";
    private const string NotPlace = @"(?!(?:The|A|An|This|That|These|Those|In|On|At|It|He|She|We|They|His|Her|Our|Its|Their|As|If|But|And|When|While|After|Before|Mr|Mrs|Ms|Dr|Note|Update|Updated|Editor|Photo|Source|Read|Related|Watch|Video|Breaking|Exclusive|Opinion|Analysis|Comment|Summary|Question|Answer|Correction|Disclaimer|Tags|Q|Posted|Published|Date|Title|By|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Email|From|To|Subject|Re|Response)\b)";
    private const string PlaceCaps = @"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}";
    private const string PlaceTitle = @"[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){0,2}";
    private const string Place = "(?:" + PlaceCaps + "|" + PlaceTitle + ")";
    private const string Dash = @"(?:--|[–—-])";

    /// <summary>Splits a body into paragraphs: blank-line separated blocks; inside a block, hard-wrapped lines are joined and long lines are paragraphs of their own.</summary>
    public static List<string> SplitParagraphs(string body)
    {
        var lines = NormalizeNewlines(body).Split('\n');
        var result = new List<string>();
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(block, result);
                continue;
            }

            block.Add(line.Trim());
        }

        Flush(block, result);
        return result;
    }

    /// <summary>CRLF and CR become LF.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>Applies removal rules and the dateline rule, and joins the kept paragraphs with blank lines.</summary>
    public static CleanBody Clean(IReadOnlyList<string> paragraphs, DateParseContext dateContext)
    {
        var kept = new List<string>();
        var removed = new List<RemovedBlock>();
        string? author = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (Removal(p, kept.Count) is { } rule)
            {
                removed.Add(new RemovedBlock(rule.Kind, p, rule.Reason));
                if (rule.Kind == "byline")
                {
                    author ??= BylineName(p);
                }

                continue;
            }

            kept.Add(p);
        }

        // A trailing agency tag such as "(QNA)" after the last sentence.
        if (kept.Count > 0)
        {
            var last = kept[^1];
            var tag = TrailingAgencyTagRegex().Match(last);
            if (tag.Success && tag.Index > 0)
            {
                removed.Add(new RemovedBlock("credit", tag.Value.Trim(), "agency tag after the last sentence of the text"));
                kept[^1] = last[..tag.Index].TrimEnd();
            }
        }

        // A paragraph that is only a date at the top of the body ("Friday, August 15, 2008"): metadata, not text.
        PublicationTime? dateLineTime = null;
        if (kept.Count > 1 && IsDateOnly(kept[0])
            && PublicationDateParser.TryParse(kept[0], dateContext with { Source = DateSource.HeaderLine }, out var onlyDate, out _))
        {
            removed.Add(new RemovedBlock("date", kept[0], "a paragraph that is only a date, at the top of the body"));
            dateLineTime = onlyDate;
            kept.RemoveAt(0);
        }

        DatelineMatch? dateline = null;
        PublicationTime? datelineTime = null;
        string? datelineNote = null;
        for (var i = 0; i < Math.Min(3, kept.Count) && dateline is null; i++)
        {
            if (i > 0 && kept[i - 1].Length > 400)
            {
                break; // datelines open the story; a long paragraph before means the story has begun
            }

            var match = MatchDateline(kept[i]);
            if (match is null)
            {
                continue;
            }

            dateline = match;
            var reason = $"dateline at the start of paragraph {i + 1}" + (match.Agency is null ? "" : $" (agency {match.Agency})");
            var rest = kept[i][match.Removed.Length..].TrimStart();
            removed.Insert(0, new RemovedBlock("dateline", match.Removed.TrimEnd(), reason));
            if (rest.Length == 0)
            {
                kept.RemoveAt(i);
            }
            else
            {
                kept[i] = rest;
            }

            if (match.DateText is { } dateText)
            {
                var ctx = dateContext with { Source = DateSource.Dateline };
                if (PublicationDateParser.TryParse(dateText, ctx, out var time, out var failure))
                {
                    datelineTime = time;
                }
                else
                {
                    datelineNote = $"dateline date '{dateText}' not resolved: {failure}";
                }
            }
        }

        var text = new StringBuilder();
        var spans = new List<TextSpan>(kept.Count);
        foreach (var p in kept)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            spans.Add(TextSpan.FromLength(text.Length, p.Length));
            text.Append(p);
        }

        return new CleanBody(text.ToString(), spans, removed, dateline, datelineTime, datelineNote, author, dateLineTime);
    }

    /// <summary>Whether a line is only a date (with an optional weekday and time).</summary>
    public static bool IsDateOnly(string line) => line.Length <= 60 && DateOnlyParagraphRegex().IsMatch(line.Trim());

    /// <summary>Whether a paragraph is a caption, credit, byline or boilerplate, and the rule that says so.</summary>
    public static (string Kind, string Reason)? Removal(string p, int keptBefore)
    {
        var t = p.Trim();
        if (t.Length <= 250 && PhotoCreditRegex().IsMatch(t))
        {
            return ("credit", "photo/video credit line");
        }

        if (t.Length <= 250 && CopyrightRegex().IsMatch(t))
        {
            return ("credit", "copyright line");
        }

        if (t.Length <= 500 && ParenthesisedPhotoRegex().IsMatch(t))
        {
            return ("caption", "photo caption (ends with a parenthesised photo credit)");
        }

        if (t.Length <= 120 && SourceLineRegex().IsMatch(t))
        {
            return ("credit", "source credit line");
        }

        if (t.Length <= 300 && ReadAlsoRegex().IsMatch(t))
        {
            return ("boilerplate", "cross-reference link (read also / see also)");
        }

        if (t.Length <= 200 && FollowUsRegex().IsMatch(t))
        {
            return ("boilerplate", "social-media or subscription prompt");
        }

        if (t.Length <= 40 && ShareRegex().IsMatch(t))
        {
            return ("boilerplate", "sharing or navigation label");
        }

        if (t.Length <= 80 && (CreditSlashRegex().IsMatch(t) || CreditImagesRegex().IsMatch(t)))
        {
            return ("credit", "credit-only line");
        }

        if (keptBefore <= 2 && t.Length <= 80 && BylineRegex().IsMatch(t))
        {
            return ("byline", "byline near the top");
        }

        return null;
    }

    /// <summary>Matches a dateline at the start of a paragraph.</summary>
    public static DatelineMatch? MatchDateline(string paragraph)
    {
        if (!MayOpenWithDateline(paragraph))
        {
            return null;
        }

        Match m;
        if ((m = DatelineDateAgencyRegex().Match(paragraph)).Success
            || (m = DatelineSlashAgencyRegex().Match(paragraph)).Success
            || (m = DatelineDotDateAgencyRegex().Match(paragraph)).Success)
        {
            return Build(m, m.Groups["agency"].Value.Trim(), m.Groups["date"].Value);
        }

        if ((m = DatelineAgencyRegex().Match(paragraph)).Success)
        {
            var inner = m.Groups["agency"].Value.Trim();
            string? date = null;
            var dm = InnerDateRegex().Match(inner);
            if (dm.Success)
            {
                date = dm.Value.Trim();
            }

            var agency = inner.Split([" - ", " – ", " — ", "/", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? parts[0] : inner;
            return Build(m, agency, date);
        }

        if ((m = DatelineDotAgencyRegex().Match(paragraph)).Success
            || (m = DatelineDateDashRegex().Match(paragraph)).Success
            || (m = DatelineCapsDashRegex().Match(paragraph)).Success)
        {
            return Build(m, m.Groups["agency"].Success ? m.Groups["agency"].Value.Trim() : null, m.Groups["date"].Success ? m.Groups["date"].Value : null);
        }

        if ((m = DatelineOnlyRegex().Match(paragraph)).Success)
        {
            return Build(m, null, m.Groups["date"].Value);
        }

        return null;
    }

    /// <summary>Cheap pre-check: a dateline opens with a word in capitals, or a punctuated place within its first three words.</summary>
    private static bool MayOpenWithDateline(string paragraph)
    {
        if (paragraph.Length < 3 || !char.IsUpper(paragraph[0]))
        {
            return false;
        }

        var head = paragraph.AsSpan(0, Math.Min(paragraph.Length, 80));
        var firstEnd = head.IndexOfAny(' ', ',', '.');
        var first = firstEnd < 0 ? head : head[..firstEnd];
        if (first.Length >= 2 && !first.ContainsAnyInRange('a', 'z'))
        {
            return true;
        }

        var words = 0;
        foreach (var range in head.Split(' '))
        {
            var word = head[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (word[^1] is ',' or '.' || word.Contains('(') || word.Contains('/'))
            {
                return true;
            }

            if (++words >= 3)
            {
                break;
            }
        }

        return false;
    }

    private static DatelineMatch Build(Match m, string? agency, string? date)
    {
        var removed = m.Value;
        var text = removed.TrimEnd().TrimEnd('–', '—', '-', ':').TrimEnd();
        if (text.EndsWith("/.", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        return new DatelineMatch(
            text,
            removed,
            m.Groups["place"].Value.Trim().TrimEnd(',', '.'),
            string.IsNullOrWhiteSpace(agency) ? null : agency,
            string.IsNullOrWhiteSpace(date) ? null : date.Trim());
    }

    private static string? BylineName(string p)
    {
        var m = BylineRegex().Match(p.Trim());
        return m.Success ? m.Groups["name"].Value.Trim() : null;
    }

    private static void Flush(List<string> block, List<string> result)
    {
        if (block.Count == 0)
        {
            return;
        }

        if (block.Count == 1)
        {
            result.Add(block[0]);
        }
        else if (IsHardWrapped(block))
        {
            result.Add(string.Join(' ', block));
        }
        else
        {
            result.AddRange(block);
        }

        block.Clear();
    }

    /// <summary>Lines cut at a fixed width: all but the last are 30–100 characters and most do not end a sentence.</summary>
    private static bool IsHardWrapped(List<string> block)
    {
        var sentenceEnds = 0;
        for (var i = 0; i < block.Count - 1; i++)
        {
            var line = block[i];
            if (line.Length is < 30 or > 100)
            {
                return false;
            }

            if (line[^1] is '.' or '!' or '?' or '"' or '”' or ':')
            {
                sentenceEnds++;
            }
        }

        return block[^1].Length <= 100 && sentenceEnds * 2 <= block.Count - 1;
    }

    [GeneratedRegex(@"^(?:photos?|photograph|images?|pictures?|video|footage|illustration)\s*(?:by|credits?|courtesy(?:\s+of)?|source)\b|^(?:photos?|images?|pictures?|video|illustration)\s*[:|©/]\s*(?:\S+\s*){1,8}$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCreditRegex();

    [GeneratedRegex(@"^(?:©|copyright\b|\(c\)\s*(?:\d{4}|[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,4}\.?$))", RegexOptions.IgnoreCase)]
    private static partial Regex CopyrightRegex();

    [GeneratedRegex(@"\((?:photos?|images?|pictures?|video|file photo)\b[^()]*\)\s*$|^\((?:photos?|images?|pictures?|video)\b[^()]*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParenthesisedPhotoRegex();

    [GeneratedRegex(@"^source\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLineRegex();

    [GeneratedRegex(@"^(?:read also|read more|see also|also read|related(?: news| articles?| stories)?|more on this(?: topic)?|recommended)\s*[:\-–—|]|^(?:read also|also read|see also)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadAlsoRegex();

    [GeneratedRegex(@"^follow\s+(?:us|\w+)\s+on\b|^(?:subscribe|join us|sign up)\b.*\b(?:telegram|newsletter|channel|twitter|facebook|whatsapp|youtube|instagram)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUsRegex();

    [GeneratedRegex(@"^(?:share|share this(?: article| story| page)?|share on \w+|tweet|print|e-?mail|comments?|advertisement|back to top)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareRegex();

    [GeneratedRegex(@"^(?:[A-Z]{2,10}(?:\s+Photo)?|[A-Z][a-z]+\s+Photo)(?:\s*/\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})+$")]
    private static partial Regex CreditSlashRegex();

    [GeneratedRegex(@"^(?:[A-Z][\w.&\-]*\s+){0,3}(?:photos?|images|pictures)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditImagesRegex();

    [GeneratedRegex(@"^[Bb]y\s+(?<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,4})(?:\s*(?:[,–—|]|\s-\s)\s*[\w .'’\-]{1,40})?\s*:?$")]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"(?<=[.!?""”’])\s*\((?<tag>[A-Z][A-Za-z]{1,9}(?:/[A-Z][A-Za-z]{1,9})?)\)\s*$")]
    private static partial Regex TrailingAgencyTagRegex();

    // MINSK, 15 February (BelTA) –    UNITED NATIONS, March 3 (Xinhua) --
    [GeneratedRegex(@"^" + NotPlace + @"(?<place>" + Place + @"(?:,\s*" + Place + @")?)\s*,\s*(?<date>" + DateDm + @")\s*\(\s*(?<agency>[^()]{1,60}?)\s*\)\s*" + Dash + @"\s*")]
    private static partial Regex DatelineDateAgencyRegex();

    // MOSCOW, June 8. /TASS/.
    [GeneratedRegex(@"^" + NotPlace + @"(?<place>" + Place + @"(?:,\s*" + Place + @")?)\s*,\s*(?<date>" + DateDm + @")\s*\.?\s*/\s*(?<agency>[A-Za-z][A-Za-z\-]{1,20})\s*/\s*\.?\s*(?:" + Dash + @"\s*)?")]
    private static partial Regex DatelineSlashAgencyRegex();

    // Astana. July 4. AGENCY -
    [GeneratedRegex(@"^" + NotPlace + @"(?<place>" + Place + @")\.\s+(?<date>" + DateDm + @")\.\s+(?<agency>[A-Z][A-Za-z\-]{1,20})\s*" + Dash + @"\s*")]
    private static partial Regex DatelineDotDateAgencyRegex();

    // WASHINGTON (Reuters) -    KYIV, Ukraine (AP) —    CITY, (AGENCY - 12th Jan, 2023 ) :
    [GeneratedRegex(@"^" + NotPlace + @"(?:(?<place>" + Place + @"(?:,\s*" + Place + @")?)\s*,?\s*\(\s*(?<agency>[A-Z][^()]{0,100}?)\s*\)\s*" + Dash + @"|(?<place>" + PlaceCaps + @")\s*,?\s*\(\s*(?<agency>[A-Z][^()]{0,100}?)\s*\)\s*:)\s*")]
    private static partial Regex DatelineAgencyRegex();

    // ASTANA. AGENCY –    CITY. AGENCY Text
    [GeneratedRegex(@"^(?<place>" + PlaceCaps + @")\.\s+(?<agency>[A-Z][A-Z\-]{2,20})\b(?:\s*" + Dash + @"\s*|\s+)(?=[A-Z""“‘'])")]
    private static partial Regex DatelineDotAgencyRegex();

    // NEW YORK, June 8 —
    [GeneratedRegex(@"^" + NotPlace + @"(?<place>" + Place + @"(?:,\s*" + Place + @")?)\s*,\s*(?<date>" + DateDm + @")\s*" + Dash + @"\s*")]
    private static partial Regex DatelineDateDashRegex();

    // KYIV —
    [GeneratedRegex(@"^(?<place>[A-Z][A-Z.'’\-]{2,}(?:\s+[A-Z][A-Z.'’\-]+){0,2}(?:,\s*" + Place + @")?)\s+" + Dash + @"\s+(?=[A-Z][a-z ]|[""“‘'])")]
    private static partial Regex DatelineCapsDashRegex();

    // A paragraph that is only place(s) and a date: Tashkent, Uzbekistan, Aug. 22
    [GeneratedRegex(@"^" + NotPlace + @"(?<place>" + Place + @"(?:,\s*" + Place + @")?)\s*,\s*(?<date>" + DateDm + @")\s*\.?\s*$")]
    private static partial Regex DatelineOnlyRegex();

    [GeneratedRegex(@"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"\.?,?\s+\d{4}|" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\.?$")]
    private static partial Regex DateOnlyParagraphRegex();

    [GeneratedRegex(@"\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"\.?,?(?:\s+\d{4})?|" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}")]
    private static partial Regex InnerDateRegex();
}
