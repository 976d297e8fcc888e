using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Parses the machine-readable dates of web pages and feeds: ISO 8601 / RFC 3339
/// (<c>2024-03-12T10:15:00+03:00</c>, <c>2024-03-12</c>) and RFC 822 / RFC 1123
/// (<c>Tue, 12 Mar 2024 10:15:00 GMT</c>, <c>12 Mar 24 10:15 EST</c>, <c>+0300</c>). These formats are
/// unambiguous, so no day/month order is involved. The rule that matched is recorded in
/// <see cref="PublicationTime.Rule"/>; a zone name that is not known leaves the offset unset.
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["EST"] = -5 * 60,
        ["EDT"] = -4 * 60,
        ["CST"] = -6 * 60,
        ["CDT"] = -5 * 60,
        ["MST"] = -7 * 60,
        ["MDT"] = -6 * 60,
        ["PST"] = -8 * 60,
        ["PDT"] = -7 * 60,
        ["CET"] = 60,
        ["CEST"] = 2 * 60,
        ["EET"] = 2 * 60,
        ["EEST"] = 3 * 60,
        ["MSK"] = 3 * 60,
        ["JST"] = 9 * 60,
    };

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses ISO 8601/RFC 3339 first, then RFC 822/1123. Returns null when neither fits.</summary>
    /// <param name="raw">The value as found (kept verbatim in <see cref="PublicationTime.Raw"/>).</param>
    /// <param name="source">Where the value was found.</param>
    /// <param name="origin">A short description of the field (e.g. <c>meta article:published_time</c>), put at the start of the rule.</param>
    public static PublicationTime? Parse(string? raw, DateSource source, string origin)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return ParseIso(raw, source, origin) ?? ParseRfc822(raw, source, origin);
    }

    /// <summary>ISO 8601 / RFC 3339: <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, optional <c>T</c> or space and <c>hh:mm[:ss[.fff]]</c>, optional <c>Z</c>/<c>±hh:mm</c>/<c>±hhmm</c>/<c>±hh</c>.</summary>
    public static PublicationTime? ParseIso(string raw, DateSource source, string origin)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var m = IsoPattern().Match(raw.Trim());
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"].Value);
        var month = m.Groups["mo"].Success ? Int(m.Groups["mo"].Value) : 1;
        var day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1;
        if (!TryDate(year, month, day, out var date))
        {
            return null;
        }

        var precision = m.Groups["d"].Success ? DatePrecision.Day : m.Groups["mo"].Success ? DatePrecision.Month : DatePrecision.Year;
        TimeOnly? time = null;
        TimeSpan? offset = null;
        var rule = precision switch
        {
            DatePrecision.Year => "ISO 8601 year",
            DatePrecision.Month => "ISO 8601 year-month",
            _ => "ISO 8601 date",
        };
        if (m.Groups["h"].Success)
        {
            var seconds = m.Groups["s"].Success ? Int(m.Groups["s"].Value) : 0;
            if (!TryTime(Int(m.Groups["h"].Value), Int(m.Groups["mi"].Value), seconds, out var t))
            {
                return null;
            }

            time = t;
            precision = m.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
            rule = "ISO 8601 date-time";
            if (m.Groups["z"].Success)
            {
                if (!TryIsoOffset(m.Groups["z"].Value, out var off))
                {
                    return null;
                }

                offset = off;
                rule += m.Groups["z"].Value is "Z" or "z" ? " (UTC, Z)" : " with offset " + m.Groups["z"].Value;
            }
            else
            {
                rule += " without offset (publisher local time)";
            }
        }

        return new PublicationTime(date, time, offset, precision, source, raw, origin + ": " + rule);
    }

    /// <summary>RFC 822 / RFC 1123 as used by RSS <c>pubDate</c>: optional weekday, day, month name, 2- or 4-digit year, optional time and zone.</summary>
    public static PublicationTime? ParseRfc822(string raw, DateSource source, string origin)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var m = RfcPattern().Match(raw.Trim());
        if (!m.Success)
        {
            return null;
        }

        var monthIndex = Array.IndexOf(MonthNames, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        if (monthIndex == 0)
        {
            return null;
        }

        var year = Int(m.Groups["y"].Value);
        var rule = "RFC 822 date";
        if (m.Groups["y"].Value.Length == 2)
        {
            // RFC 822 two-digit years: 00-49 are read as 20xx, 50-99 as 19xx (the RFC 2822 obsolete-year rule).
            year += year < 50 ? 2000 : 1900;
            rule += " (two-digit year read as " + year.ToString(CultureInfo.InvariantCulture) + ")";
        }

        if (!TryDate(year, monthIndex, Int(m.Groups["d"].Value), out var date))
        {
            return null;
        }

        if (!m.Groups["h"].Success)
        {
            return new PublicationTime(date, null, null, DatePrecision.Day, source, raw, origin + ": " + rule);
        }

        var seconds = m.Groups["s"].Success ? Int(m.Groups["s"].Value) : 0;
        if (!TryTime(Int(m.Groups["h"].Value), Int(m.Groups["mi"].Value), seconds, out var time))
        {
            return null;
        }

        var precision = m.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
        rule = rule.Replace("RFC 822 date", "RFC 822 date-time", StringComparison.Ordinal);
        TimeSpan? offset = null;
        if (m.Groups["z"].Success)
        {
            var zone = m.Groups["z"].Value;
            if (zone[0] is '+' or '-')
            {
                var minutes = (Int(zone.Substring(1, 2)) * 60) + Int(zone.Substring(3, 2));
                if (minutes > 14 * 60 || Int(zone.Substring(3, 2)) > 59)
                {
                    return null;
                }

                offset = TimeSpan.FromMinutes(zone[0] == '-' ? -minutes : minutes);
                rule += ", numeric zone " + zone;
            }
            else if (ZoneMinutes.TryGetValue(zone, out var named))
            {
                offset = TimeSpan.FromMinutes(named);
                rule += ", zone " + zone.ToUpperInvariant() + " = " + FormatOffset(offset.Value);
            }
            else
            {
                rule += ", zone '" + zone + "' not known: offset left unset";
            }
        }
        else
        {
            rule += " without zone (publisher local time)";
        }

        return new PublicationTime(date, time, offset, precision, source, raw, origin + ": " + rule);
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);

    private static bool TryIsoOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "z")
        {
            return true;
        }

        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = Int(digits[..2]);
        var minutes = digits.Length >= 4 ? Int(digits.Substring(2, 2)) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        var total = TimeSpan.FromMinutes((hours * 60) + minutes);
        offset = zone[0] == '-' ? -total : total;
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryTime(int hour, int minute, int second, out TimeOnly time)
    {
        time = default;
        if (hour > 23 || minute > 59 || second > 59)
        {
            // A leap second (…:60) is read as …:59 rather than refused.
            if (hour <= 23 && minute <= 59 && second == 60)
            {
                second = 59;
            }
            else
            {
                return false;
            }
        }

        time = new TimeOnly(hour, minute, second);
        return true;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<mo>\d{2})(?:-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<z>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4}|\d{2})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<z>[+-]\d{4}|[A-Za-z]{1,5}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();
}
