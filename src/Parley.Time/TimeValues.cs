using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Time;

/// <summary>Granularity of a TimeML calendar value.</summary>
internal enum Grain
{
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
}

/// <summary>TimeML value formatting and calendar arithmetic on values (<c>2022-09-16</c>, <c>2022-Q3</c>, <c>2022-W37</c>…).</summary>
internal static partial class TimeValues
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    public static string Month(int year, int month) => string.Create(Inv, $"{year:D4}-{month:D2}");

    public static string Year(int year) => year.ToString("D4", Inv);

    public static string Quarter(int year, int quarter) => string.Create(Inv, $"{year:D4}-Q{quarter}");

    public static string Half(int year, int half) => string.Create(Inv, $"{year:D4}-H{half}");

    public static string Week(DateOnly d) => string.Create(Inv, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var h = ((19 * a) + b - (b / 4) - ((b - ((b + 8) / 25) + 1) / 3) + 15) % 30;
        var l = (32 + (2 * (b % 4)) + (2 * (c / 4)) - h - (c % 4)) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The quarter (1–4) a day falls in.</summary>
    public static int QuarterOf(DateOnly d) => ((d.Month - 1) / 3) + 1;

    /// <summary>Monday of the ISO week of <paramref name="d"/>.</summary>
    public static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The value of <paramref name="anchor"/> shifted by <paramref name="n"/> units, at the finer of the anchor's and the unit's grains.</summary>
    public static string Shift(DateOnly anchor, string unit, int n) => unit switch
    {
        "day" => Day(anchor.AddDays(n)),
        "week" => Week(anchor.AddDays(7 * n)),
        "month" => Month(anchor.AddMonths(n).Year, anchor.AddMonths(n).Month),
        "quarter" => Quarter(anchor.AddMonths(3 * n).Year, QuarterOf(anchor.AddMonths(3 * n))),
        "year" => Year(anchor.Year + n),
        "decade" => ((anchor.Year / 10) + n).ToString("D3", Inv),
        "century" => ((anchor.Year / 100) + n).ToString("D2", Inv),
        "millennium" => ((anchor.Year / 1000) + n).ToString(Inv),
        _ => Day(anchor),
    };

    /// <summary>
    /// Shifts a TimeML calendar value by <paramref name="n"/> units of <paramref name="unit"/>, keeping its own grain
    /// when it is coarser than a day ("1989-Q3" minus a year is "1988-Q3"). Returns null when the value is not a
    /// calendar value (REF values, durations).
    /// </summary>
    public static string? ShiftValue(string value, string unit, int n)
    {
        var m = CalendarValue().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, Inv);
        var months = unit switch { "year" => 12 * n, "quarter" => 3 * n, "month" => n, _ => 0 };
        var days = unit switch { "week" => 7 * n, "day" => n, _ => 0 };
        if (m.Groups["q"].Success)
        {
            if (days != 0 || months % 3 != 0)
            {
                return null;
            }

            var q = ((year * 4) + int.Parse(m.Groups["q"].Value, Inv) - 1) + (months / 3);
            return Quarter(q / 4, (q % 4) + 1);
        }

        if (m.Groups["h"].Success)
        {
            return months % 12 == 0 && days == 0 ? Half(year + (months / 12), int.Parse(m.Groups["h"].Value, Inv)) : null;
        }

        if (m.Groups["s"].Success)
        {
            return months % 12 == 0 && days == 0 ? Year(year + (months / 12)) + "-" + m.Groups["s"].Value : null;
        }

        if (m.Groups["w"].Success)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, int.Parse(m.Groups["w"].Value, Inv), DayOfWeek.Monday));
            return Week(monday.AddMonths(months).AddDays(days));
        }

        if (m.Groups["d"].Success)
        {
            var d = new DateOnly(year, int.Parse(m.Groups["m"].Value, Inv), int.Parse(m.Groups["d"].Value, Inv));
            return Day(d.AddMonths(months).AddDays(days));
        }

        if (m.Groups["m"].Success)
        {
            if (days != 0)
            {
                return null;
            }

            var d = new DateOnly(year, int.Parse(m.Groups["m"].Value, Inv), 1).AddMonths(months);
            return Month(d.Year, d.Month);
        }

        return days == 0 && months % 12 == 0 ? Year(year + (months / 12)) : null;
    }

    /// <summary>The first day of a calendar value (<c>2022-09-16</c>, <c>2022-09</c>, <c>2022</c>), or null.</summary>
    public static DateOnly? FirstDay(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var m = CalendarValue().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, Inv);
        if (year < 1)
        {
            return null;
        }

        if (m.Groups["w"].Success)
        {
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Clamp(int.Parse(m.Groups["w"].Value, Inv), 1, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
        }

        if (m.Groups["q"].Success)
        {
            return new DateOnly(year, ((int.Parse(m.Groups["q"].Value, Inv) - 1) * 3) + 1, 1);
        }

        var month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, Inv) : 1;
        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, Inv) : 1;
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>The grain of a calendar value, or null for other values.</summary>
    public static Grain? GrainOf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var m = CalendarValue().Match(value);
        return !m.Success ? null
            : m.Groups["d"].Success ? Grain.Day
            : m.Groups["w"].Success ? Grain.Week
            : m.Groups["m"].Success ? Grain.Month
            : m.Groups["q"].Success ? Grain.Quarter
            : m.Groups["h"].Success ? Grain.Half
            : m.Groups["s"].Success ? Grain.Season
            : Grain.Year;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<m>\d{2})(?:-(?<d>\d{2}))?|Q(?<q>[1-4])|H(?<h>[12])|W(?<w>\d{2})|(?<s>SP|SU|FA|WI)))?(?:T.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CalendarValue();
}
