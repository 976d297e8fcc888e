using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>What the date parser knows about where a date string came from.</summary>
public sealed record DateParseContext
{
    /// <summary>Where the string was found; copied into <see cref="PublicationTime.Source"/>.</summary>
    public DateSource Source { get; init; } = DateSource.HeaderLine;

    /// <summary>Day/month order for ambiguous all-numeric dates; anything but <see cref="DateOrder.Auto"/> is an override.</summary>
    public DateOrder Order { get; init; } = DateOrder.Auto;

    /// <summary>The article URL: its country domain decides the slash convention, its path may give the year of a yearless date.</summary>
    public string? Url { get; init; }

    /// <summary>The declared language or locale of the site (<c>en-US</c>, <c>en-GB</c>, <c>ru</c>…), when known.</summary>
    public string? Language { get; init; }

    /// <summary>A known date (e.g. the header date) used to give a year to a day-and-month-only date such as a dateline's.</summary>
    public DateOnly? Reference { get; init; }
}

/// <summary>
/// Parses publication dates as news sites print them: <c>08.06.2022 10:12:00</c>, <c>21 December 2022, 19:10</c>,
/// <c>12th Jan, 2023</c>, <c>June 8, 2022</c>, ISO 8601, RFC 822 (<c>Wed, 08 Jun 2022 10:12:00 GMT</c>), <c>8/6/2022</c>,
/// <c>2023-07</c>, <c>2022</c>, and day-and-month dates whose year comes from a reference date or the URL.
/// The order of day and month in all-numeric dates is decided by explicit rules — an impossible value, the
/// separator's convention, the site's country domain or language, or the caller's override — and the rule
/// applied is always written into <see cref="PublicationTime.Rule"/>: a date is never a silent guess.
/// Thread-safe.
/// </summary>
public static partial class PublicationDateParser
{
    private const string MonthPattern = "(?<month>january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";

    private static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Country domains whose convention is month-first (the United States and territories, the Philippines, Micronesia, Palau, Marshall Islands).</summary>
    private static readonly HashSet<string> MonthFirstDomains = new(StringComparer.OrdinalIgnoreCase) { "us", "ph", "fm", "pw", "mh", "gu", "as", "vi", "mp", "pr", "um" };

    /// <summary>Country domains where both orders are common: no convention is assumed.</summary>
    private static readonly HashSet<string> MixedDomains = new(StringComparer.OrdinalIgnoreCase) { "ca" };

    /// <summary>Parses <paramref name="raw"/>; null when no date is found (see <see cref="TryParse"/> for the reason).</summary>
    public static PublicationTime? Parse(string raw, DateParseContext? context = null) =>
        TryParse(raw, context ?? new DateParseContext(), out var result, out _) ? result : null;

    /// <summary>Parses <paramref name="raw"/>; on failure <paramref name="failure"/> says why in one sentence.</summary>
    public static bool TryParse(string raw, DateParseContext context, [NotNullWhen(true)] out PublicationTime? result, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        result = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            failure = "the date is empty";
            return false;
        }

        var trimmed = raw.Trim();

        // Editorial notes in brackets or parentheses rarely hold the date; try without them first.
        var withoutNotes = NotesRegex().Replace(trimmed, " ").Trim();
        string? firstFailure = null;
        foreach (var candidate in withoutNotes.Length > 0 && withoutNotes != trimmed ? new[] { withoutNotes, trimmed } : [trimmed])
        {
            if (TryParseCandidate(candidate, trimmed, context, out result, out var why))
            {
                failure = null;
                return true;
            }

            firstFailure ??= why;
        }

        failure = firstFailure ?? $"no date found in '{trimmed}'";
        return false;
    }

    /// <summary>The single year (1990–2099) that the URL's path names as a whole number, or null when it names none or several.</summary>
    public static int? YearFromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath + uri.Query : url;
        var years = new HashSet<int>();
        foreach (Match m in UrlYearRegex().Matches(path))
        {
            years.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        foreach (Match m in UrlCompactDateRegex().Matches(path))
        {
            years.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return years.Count == 1 ? years.First() : null;
    }

    private static bool TryParseCandidate(string text, string raw, DateParseContext ctx, [NotNullWhen(true)] out PublicationTime? result, out string? failure)
    {
        result = null;
        failure = null;

        var m = IsoRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Int(m, "mo"), Int(m, "d"), out failure);
            if (date is null)
            {
                return false;
            }

            var rule = $"ISO 8601 {m.Value.Trim()}";
            TimeOnly? time = null;
            TimeSpan? offset = null;
            var precision = DatePrecision.Day;
            if (m.Groups["h"].Success)
            {
                if (!TryTime(Int(m, "h"), Int(m, "mi"), m.Groups["s"].Success ? Int(m, "s") : 0, null, out var t, out failure))
                {
                    return false;
                }

                time = t;
                precision = m.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
                offset = ZoneOffset(m.Groups["zone"].Value, ref rule);
            }

            result = new PublicationTime(date.Value, time, offset, precision, ctx.Source, raw, rule);
            return true;
        }

        m = YearFirstNumericRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Int(m, "a"), Int(m, "b"), out failure);
            if (date is null)
            {
                return false;
            }

            return Finish(date.Value, text, m, $"year-first numeric {m.Value} read as year-month-day", raw, ctx, out result, out failure);
        }

        m = NumericRegex().Match(text);
        if (m.Success)
        {
            return ParseNumeric(m, text, raw, ctx, out result, out failure);
        }

        m = DayMonthYearRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Month(m), Int(m, "d"), out failure);
            return date is not null && Finish(date.Value, text, m, $"textual month, day first: {m.Value.Trim()}", raw, ctx, out result, out failure);
        }

        m = MonthDayYearRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Month(m), Int(m, "d"), out failure);
            return date is not null && Finish(date.Value, text, m, $"textual month, month first: {m.Value.Trim()}", raw, ctx, out result, out failure);
        }

        m = MonthYearRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Month(m), 1, out failure);
            if (date is null)
            {
                return false;
            }

            result = new PublicationTime(date.Value, null, null, DatePrecision.Month, ctx.Source, raw, $"month and year only: {m.Value.Trim()}");
            return true;
        }

        m = IsoMonthRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), Int(m, "mo"), 1, out failure);
            if (date is null)
            {
                return false;
            }

            result = new PublicationTime(date.Value, null, null, DatePrecision.Month, ctx.Source, raw, $"ISO 8601 year-month {m.Value}");
            return true;
        }

        m = DayMonthRegex().Match(text);
        if (!m.Success)
        {
            m = MonthDayRegex().Match(text);
        }

        if (m.Success)
        {
            return ParseYearless(m, text, raw, ctx, out result, out failure);
        }

        m = YearOnlyRegex().Match(text);
        if (m.Success)
        {
            var date = MakeDate(Int(m, "y"), 1, 1, out failure);
            if (date is null)
            {
                return false;
            }

            result = new PublicationTime(date.Value, null, null, DatePrecision.Year, ctx.Source, raw, $"year only: {m.Groups["y"].Value}");
            return true;
        }

        failure = $"no date found in '{text}'";
        return false;
    }

    private static bool ParseNumeric(Match m, string text, string raw, DateParseContext ctx, [NotNullWhen(true)] out PublicationTime? result, out string? failure)
    {
        result = null;
        var a = Int(m, "a");
        var b = Int(m, "b");
        var sep = m.Groups["sep"].Value;
        var yearText = m.Groups["y"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        var yearNote = "";
        if (yearText.Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
            yearNote = FormattableString.Invariant($"; two-digit year {yearText} read as {year}");
        }

        var shown = m.Value;
        bool dayFirst;
        string rule;
        if (a > 12 && b > 12)
        {
            failure = $"'{shown}' has no possible month (both {a} and {b} exceed 12)";
            return false;
        }

        if (a > 12)
        {
            dayFirst = true;
            rule = FormattableString.Invariant($"unambiguous {shown}; day-first because {a} cannot be a month");
        }
        else if (b > 12)
        {
            dayFirst = false;
            rule = FormattableString.Invariant($"unambiguous {shown}; month-first because {b} cannot be a month");
        }
        else if (a == b)
        {
            dayFirst = true;
            rule = FormattableString.Invariant($"unambiguous {shown}; day and month are both {a}");
        }
        else if (ctx.Order != DateOrder.Auto)
        {
            dayFirst = ctx.Order == DateOrder.DayFirst;
            rule = $"ambiguous {shown}; {(dayFirst ? "day-first" : "month-first")} by override (date order option)";
        }
        else if (sep == ".")
        {
            dayFirst = true;
            rule = $"ambiguous {shown}; day-first because '.' separator (European convention)";
        }
        else if (sep == "-")
        {
            dayFirst = true;
            rule = $"ambiguous {shown}; day-first because '-' separator with the year last (dd-mm-yyyy convention)";
        }
        else
        {
            var (convention, why) = SiteConvention(ctx);
            dayFirst = convention ?? false;
            rule = convention is null
                ? $"ambiguous {shown}; month-first because '/' separator (US convention; no country domain or language says otherwise)"
                : $"ambiguous {shown}; {(dayFirst ? "day-first" : "month-first")} because '/' separator and {why}";
        }

        var date = MakeDate(year, dayFirst ? b : a, dayFirst ? a : b, out failure);
        return date is not null && Finish(date.Value, text, m, rule + yearNote, raw, ctx, out result, out failure);
    }

    private static bool ParseYearless(Match m, string text, string raw, DateParseContext ctx, [NotNullWhen(true)] out PublicationTime? result, out string? failure)
    {
        result = null;
        var month = Month(m);
        var day = Int(m, "d");
        int year;
        string rule;
        if (ctx.Reference is { } reference)
        {
            year = reference.Year;
            if (MakeDate(year, month, day, out _) is { } candidate && candidate > reference.AddDays(7))
            {
                year--;
            }

            rule = FormattableString.Invariant($"day and month '{m.Value.Trim()}' without year; year {year} from the reference date {reference:yyyy-MM-dd}");
        }
        else if (YearFromUrl(ctx.Url) is { } urlYear)
        {
            year = urlYear;
            rule = FormattableString.Invariant($"day and month '{m.Value.Trim()}' without year; year {year} from the URL");
        }
        else
        {
            failure = $"'{m.Value.Trim()}' gives day and month but no year, and neither a reference date nor the URL gives one";
            return false;
        }

        var date = MakeDate(year, month, day, out failure);
        return date is not null && Finish(date.Value, text, m, rule, raw, ctx, out result, out failure);
    }

    /// <summary>Adds the time of day found outside the date match, sets the precision and builds the result.</summary>
    private static bool Finish(DateOnly date, string text, Match dateMatch, string rule, string raw, DateParseContext ctx, [NotNullWhen(true)] out PublicationTime? result, out string? failure)
    {
        result = null;
        failure = null;
        TimeOnly? time = null;
        TimeSpan? offset = null;
        var precision = DatePrecision.Day;
        foreach (Match t in TimeRegex().Matches(text))
        {
            if (t.Index < dateMatch.Index + dateMatch.Length && dateMatch.Index < t.Index + t.Length)
            {
                continue;
            }

            if (!TryTime(Int(t, "h"), Int(t, "mi"), t.Groups["s"].Success ? Int(t, "s") : 0, t.Groups["ampm"].Success ? t.Groups["ampm"].Value : null, out var tod, out failure))
            {
                return false;
            }

            time = tod;
            precision = t.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
            rule += $"; time {t.Value.Trim()}";
            offset = ZoneOffset(t.Groups["zone"].Value, ref rule);
            break;
        }

        result = new PublicationTime(date, time, offset, precision, ctx.Source, raw, rule);
        return true;
    }

    private static (bool? DayFirst, string Why) SiteConvention(DateParseContext ctx)
    {
        if (!string.IsNullOrEmpty(ctx.Url) && Uri.TryCreate(ctx.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var tld = uri.Host[(uri.Host.LastIndexOf('.') + 1)..].ToLowerInvariant();
            if (tld.Length == 2 && !MixedDomains.Contains(tld))
            {
                var monthFirst = MonthFirstDomains.Contains(tld);
                return (!monthFirst, $"the URL's country domain .{tld} ({(monthFirst ? "month-first" : "day-first")} convention)");
            }
        }

        if (!string.IsNullOrEmpty(ctx.Language))
        {
            var lang = ctx.Language.Trim().Replace('_', '-');
            if (lang.Equals("en-US", StringComparison.OrdinalIgnoreCase) || lang.Equals("en-PH", StringComparison.OrdinalIgnoreCase))
            {
                return (false, $"the site language {lang} (month-first convention)");
            }

            if (!lang.Equals("en", StringComparison.OrdinalIgnoreCase) && !lang.Equals("en-CA", StringComparison.OrdinalIgnoreCase))
            {
                return (true, $"the site language {lang} (day-first convention)");
            }
        }

        return (null, "");
    }

    private static TimeSpan? ZoneOffset(string zone, ref string rule)
    {
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return null;
        }

        var upper = zone.ToUpperInvariant();
        TimeSpan? offset = upper switch
        {
            "Z" or "GMT" or "UTC" or "UT" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "MSK" => TimeSpan.FromHours(3),
            "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            "EET" => TimeSpan.FromHours(2),
            "EEST" => TimeSpan.FromHours(3),
            "JST" or "KST" => TimeSpan.FromHours(9),
            _ => null,
        };
        if (offset is null)
        {
            var n = NumericZoneRegex().Match(upper);
            if (n.Success)
            {
                var hours = int.Parse(n.Groups["h"].Value, CultureInfo.InvariantCulture);
                var minutes = n.Groups["m"].Success ? int.Parse(n.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                if (hours <= 14 && minutes < 60)
                {
                    offset = new TimeSpan(hours, minutes, 0);
                    if (n.Groups["sign"].Value == "-")
                    {
                        offset = -offset;
                    }
                }
            }
        }

        rule += offset is null ? $"; zone '{zone}' not resolved (ambiguous or unknown), no offset recorded" : $"; zone {zone}";
        return offset;
    }

    private static bool TryTime(int h, int mi, int s, string? ampm, [NotNullWhen(true)] out TimeOnly? time, out string? failure)
    {
        time = null;
        if (ampm is not null)
        {
            var pm = ampm.StartsWith('p') || ampm.StartsWith('P');
            if (h is < 1 or > 12)
            {
                failure = FormattableString.Invariant($"hour {h} is impossible with {ampm}");
                return false;
            }

            h = (h % 12) + (pm ? 12 : 0);
        }

        if (h > 23 || mi > 59 || s > 60)
        {
            failure = FormattableString.Invariant($"{h:00}:{mi:00}:{s:00} is not a time of day");
            return false;
        }

        time = new TimeOnly(h, mi, Math.Min(s, 59));
        failure = null;
        return true;
    }

    private static DateOnly? MakeDate(int year, int month, int day, out string? failure)
    {
        if (year is < 1900 or > 2100)
        {
            failure = FormattableString.Invariant($"year {year} is outside 1900–2100");
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            failure = FormattableString.Invariant($"{year:0000}-{month:00}-{day:00} is not a calendar date");
            return null;
        }

        failure = null;
        return new DateOnly(year, month, day);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Month(Match m) => MonthNumber(m.Groups["month"].Value) ?? throw new InvalidOperationException("month group without a month");

    /// <summary>1–12 for an English month name or abbreviation (<c>Jan</c>, <c>Sept</c>, <c>December</c>), else null.</summary>
    internal static int? MonthNumber(string name)
    {
        var lower = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (lower.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal) || (lower == "sept" && i == 8))
            {
                return i + 1;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\[[^\]]*\]|\((?:[^()]*)\)")]
    private static partial Regex NotesRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex UrlYearRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")]
    private static partial Regex UrlCompactDateRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?(?![\d:])")]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?<sep>[./])(?<a>\d{1,2})\k<sep>(?<b>\d{1,2})(?![\d.]\d)")]
    private static partial Regex YearFirstNumericRegex();

    [GeneratedRegex(@"(?<![\d.:/-])(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d/-]|\.\d)")]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + MonthPattern + @"\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYearRegex();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"^\s*(?<y>\d{4})-(?<mo>\d{2})\s*$")]
    private static partial Regex IsoMonthRegex();

    [GeneratedRegex(@"(?<![\d:])(?<d>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthPattern + @"\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\b" + MonthPattern + @"\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"^\s*(?<y>\d{4})\s*$")]
    private static partial Regex YearOnlyRegex();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?![\d:])(?:\s*(?<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?(?:\s*(?<zone>Z\b|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|UTC(?:[+-]\d{1,2}(?::?\d{2})?)?|UT\b|[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b))?")]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"^(?:GMT|UTC)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$")]
    private static partial Regex NumericZoneRegex();
}
