using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Time;

/// <summary>Tense of the clause a temporal expression modifies, used to resolve weekdays and bare months.</summary>
internal enum Tense
{
    Unknown,
    Past,
    Present,
    Future,
}

/// <summary>
/// A piece of a sentence as the rules see it: a word, or one part of a hyphenated word ("third-quarter" gives
/// "third" and "quarter", the second marked <see cref="HyphenBefore"/>). <see cref="Norm"/> is lower-cased,
/// with curly apostrophes straightened and a final full stop of an abbreviation removed ("Sept." → "sept").
/// </summary>
internal readonly record struct Piece(string Text, string Norm, int Start, int End, int Word, string Tag, bool HyphenBefore)
{
    public bool Capitalised => Text.Length > 0 && char.IsUpper(Text[0]);
}

/// <summary>A recognised expression over pieces <c>[Start, End)</c> with its TimeML attributes and trace.</summary>
internal sealed record Candidate(int Start, int End, string Type, string? Value, string? Mod, string? Quant, string Rule, string Anchor, string? Reason);

/// <summary>What the rules resolve against: the DCT, the tense of a span's clause and the last date mentioned.</summary>
internal sealed class RuleContext
{
    public DateOnly? Dct { get; init; }

    /// <summary>Tense of the clause modified by the words <c>[first, last]</c> (document word indices).</summary>
    public Func<int, int, Tense> TenseOf { get; init; } = (_, _) => Tense.Unknown;

    /// <summary>The last calendar value resolved in the document (for "a year earlier", "the next day").</summary>
    public string? LastReference { get; set; }
}

/// <summary>
/// The rule engine: HeidelTime-style patterns over the pieces of one sentence, longest match first, each
/// giving a TimeML type and a value normalised against the <see cref="RuleContext"/>.
/// </summary>
internal static partial class TimexRules
{
    public const string NoDct = "relative expression, and the document has no creation time (publication date) to anchor it";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = 1,
        ["tuesday"] = 2,
        ["wednesday"] = 3,
        ["thursday"] = 4,
        ["friday"] = 5,
        ["saturday"] = 6,
        ["sunday"] = 7,
    };

    private static readonly Dictionary<string, int> PluralWeekdays = Weekdays.ToDictionary(kv => kv.Key + "s", kv => kv.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
        ["eleventh"] = 11,
        ["twelfth"] = 12,
        ["thirteenth"] = 13,
        ["fourteenth"] = 14,
        ["fifteenth"] = 15,
        ["sixteenth"] = 16,
        ["seventeenth"] = 17,
        ["eighteenth"] = 18,
        ["nineteenth"] = 19,
        ["twentieth"] = 20,
        ["thirtieth"] = 30,
        ["fortieth"] = 40,
        ["fiftieth"] = 50,
        ["sixtieth"] = 60,
        ["seventieth"] = 70,
        ["eightieth"] = 80,
        ["ninetieth"] = 90,
        ["hundredth"] = 100,
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["second"] = "second",
        ["seconds"] = "second",
        ["minute"] = "minute",
        ["minutes"] = "minute",
        ["hour"] = "hour",
        ["hours"] = "hour",
        ["day"] = "day",
        ["days"] = "day",
        ["week"] = "week",
        ["weeks"] = "week",
        ["fortnight"] = "fortnight",
        ["fortnights"] = "fortnight",
        ["month"] = "month",
        ["months"] = "month",
        ["quarter"] = "quarter",
        ["quarters"] = "quarter",
        ["year"] = "year",
        ["years"] = "year",
        ["decade"] = "decade",
        ["decades"] = "decade",
        ["century"] = "century",
        ["centuries"] = "century",
        ["weekend"] = "weekend",
        ["weekends"] = "weekend",
        ["millennium"] = "millennium",
        ["millennia"] = "millennium",
    };

    /// <summary>Closed "-long" compounds (AP style): "a weeklong strike" is a duration of one week.</summary>
    private static readonly Dictionary<string, string> LongCompounds = new(StringComparer.Ordinal)
    {
        ["hourlong"] = "hour",
        ["daylong"] = "day",
        ["weeklong"] = "week",
        ["monthlong"] = "month",
        ["yearlong"] = "year",
        ["decadelong"] = "decade",
        ["centurylong"] = "century",
    };

    /// <summary>Single-word middles of a period ("midyear", "midmonth", "midweek"): the DCT's period, mod MID.</summary>
    private static readonly Dictionary<string, string> MidWords = new(StringComparer.Ordinal)
    {
        ["midyear"] = "year",
        ["midmonth"] = "month",
        ["midweek"] = "week",
    };

    /// <summary>Capitalised nouns that make a preceding calendar word part of a name ("October Revolution", "Sunday Times").</summary>
    private static readonly HashSet<string> NameHeads = new(StringComparer.Ordinal)
    {
        "revolution", "movement", "uprising", "offensive", "war", "massacre", "manifesto", "coup", "olympics", "games",
        "festival", "palace", "times", "telegraph", "herald", "mirror", "express", "post", "observer", "tribune", "mail",
    };

    private static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = "SP",
        ["summer"] = "SU",
        ["fall"] = "FA",
        ["autumn"] = "FA",
        ["winter"] = "WI",
    };

    private static readonly Dictionary<string, string> DayParts = new(StringComparer.Ordinal)
    {
        ["morning"] = "MO",
        ["afternoon"] = "AF",
        ["evening"] = "EV",
        ["night"] = "NI",
        ["mid-afternoon"] = "AF",
        ["midafternoon"] = "AF",
        ["mid-morning"] = "MO",
        ["midmorning"] = "MO",
    };

    private static readonly Dictionary<string, string> PresentRef = new(StringComparer.Ordinal)
    {
        ["now"] = "now",
        ["currently"] = "currently",
        ["current"] = "current",
        ["presently"] = "presently",
        ["nowadays"] = "nowadays",
        ["immediately"] = "immediately",
    };

    /// <summary>Capitalised words a year can follow and still be a date ("Christmas 1998", "Fiscal 1990").</summary>
    private static readonly HashSet<string> YearNameWords = new(StringComparer.Ordinal)
    {
        "christmas", "easter", "fiscal", "fy", "year", "ramadan", "thanksgiving", "passover", "hanukkah", "halloween", "of", "in", "since",
        "circa", "early", "late", "mid", "spring", "summer", "fall", "autumn", "winter", "end", "from", "until", "through", "by", "before", "after",
    };

    private static readonly HashSet<string> PastRef = new(StringComparer.Ordinal) { "recently", "recent", "lately" };

    private static readonly HashSet<string> FutureRef = new(StringComparer.Ordinal) { "soon", "future", "shortly" };

    /// <summary>Starters that cannot end an expression by themselves: they need a head word (unit, month, digit…) after them.</summary>
    private static readonly HashSet<string> Leaders = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "last", "next", "coming", "previous", "following", "early", "late",
        "mid", "mid-", "middle", "end", "beginning", "start", "about", "around", "approximately", "roughly", "some", "nearly", "almost",
        "more", "less", "fewer", "at", "up", "no", "over", "under", "each", "every", "per", "fiscal", "several", "few", "many", "couple",
        "later", "earlier", "within", "just", "only", "latest", "same", "before", "after", "full", "whole", "entire", "new",
        "once", "one", "two", "nineteen", "twenty", "first", "second", "third", "fourth", "right", "another", "good",
    };

    /// <summary>Words a temporal expression can start with (besides digits); anything else is skipped at once.</summary>
    private static readonly HashSet<string> Starters = BuildStarters();

    /// <summary>Recognises the expressions of one sentence's pieces, left to right, longest match at each position.</summary>
    public static List<Candidate> Recognize(IReadOnlyList<Piece> pieces, RuleContext context)
    {
        var result = new List<Candidate>();
        var m = new Matcher(pieces, context);

        // the nearest piece at or after each position that can head an expression (a digit, a unit, a month…):
        // function words ("the", "a", "over") start a match only when such a piece follows within a few pieces
        var nextHead = new int[pieces.Count + 1];
        nextHead[pieces.Count] = int.MaxValue;
        for (var k = pieces.Count - 1; k >= 0; k--)
        {
            var nk = pieces[k].Norm;
            nextHead[k] = nk.Length > 0 && (char.IsAsciiDigit(nk[0]) || (nk[0] == '\'' && nk.Length > 1 && char.IsAsciiDigit(nk[1])) || (Starters.Contains(nk) && !Leaders.Contains(nk))) ? k : nextHead[k + 1];
        }

        var i = 0;
        while (i < pieces.Count)
        {
            var norm = pieces[i].Norm;
            if (norm.Length == 0 || (!char.IsAsciiDigit(norm[0]) && !Starters.Contains(norm)) || nextHead[i] - i > 6)
            {
                i++;
                continue;
            }

            var c = m.Best(i);
            if (c is null)
            {
                i++;
                continue;
            }

            c = DayOfDayPart(c);
            if (m.InProperName(c))
            {
                i = c.End;
                continue;
            }

            result.Add(c);
            if (c.Value is not null && c.Type is "DATE" or "TIME" && TimeValues.GrainOf(c.Value) is not null && !c.Anchor.StartsWith("previous:", StringComparison.Ordinal)
                && !IsComparisonBaseline(pieces, c))
            {
                context.LastReference = c.Value;
            }

            i = c.End;
        }

        return result;
    }

    /// <summary>
    /// A date that is only the baseline of a comparison ("up 8% from a year ago", "compared with a year earlier",
    /// "higher than a month ago") does not move the story's reference time: a later "a year earlier" still counts
    /// from the period the story is about, not from the baseline.
    /// </summary>
    private static bool IsComparisonBaseline(IReadOnlyList<Piece> pieces, Candidate c) =>
        c.Rule.StartsWith("units-", StringComparison.Ordinal) && c.Start > 0
        && pieces[c.Start - 1].Norm is "from" or "than" or "with" or "over" or "versus" or "vs.";

    /// <summary>
    /// TempEval-3 newswire practice for a part of a named day ("Tuesday night", "this morning", "last night",
    /// "tonight", "that evening"): a DATE whose value is the day, the part of the day dropped (<c>1998-02-10</c>, not
    /// <c>1998-02-10TNI</c>). TimeBank 1.2 typed these TIME with the part; the AQUAINT annotation, closer to the news
    /// Parley reads, and event dating both want the day. Clock times ("10 p.m. Tuesday") stay TIME.
    /// </summary>
    internal static Candidate DayOfDayPart(Candidate c) =>
        c.Type == "TIME" && c.Value is { Length: 13 } v && v[10] == 'T' && char.IsAsciiLetter(v[11]) && char.IsAsciiLetter(v[12])
            ? c with { Type = "DATE", Value = v[..10] }
            : c;

    private static HashSet<string> BuildStarters()
    {
        var s = new HashSet<string>(StringComparer.Ordinal);
        s.UnionWith(Months.Keys);
        s.UnionWith(Weekdays.Keys);
        s.UnionWith(PluralWeekdays.Keys);
        s.UnionWith(SmallNumbers.Keys);
        s.UnionWith(Tens.Keys);
        s.UnionWith(OrdinalWords.Keys);
        s.UnionWith(Units.Keys);
        s.UnionWith(Seasons.Keys);
        s.UnionWith(DayParts.Keys);
        s.UnionWith(PresentRef.Keys);
        s.UnionWith(PastRef);
        s.UnionWith(FutureRef);
        s.UnionWith(LongCompounds.Keys);
        s.UnionWith(MidWords.Keys);
        s.UnionWith(
        [
            "the", "a", "an", "this", "that", "last", "next", "past", "coming", "previous", "following", "early", "late", "mid", "middle",
            "end", "beginning", "start", "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more", "less", "fewer",
            "at", "up", "no", "over", "under", "today", "yesterday", "tomorrow", "tonight", "overnight", "noon", "midnight", "midday",
            "each", "every", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly", "biweekly", "nightly", "fiscal",
            "several", "few", "many", "couple", "later", "these", "those", "christmas", "new", "year-end", "half", "once", "mid-",
            "within", "just", "only", "at least", "nineteen", "twenty", "two", "earlier", "latest", "same", "recent", "per", "before",
            "after", "ago", "full", "whole", "entire", "period", "term", "while", "moment", "present", "twenties", "thirties", "forties",
            "fifties", "sixties", "seventies", "eighties", "nineties", "right",
            "another", "easter", "good", "thanksgiving", "labor", "memorial", "veterans", "halloween", "boxing", "valentine",
        ]);
        return s;
    }

    private static int? ParseInt(string s) => int.TryParse(s, NumberStyles.None, Inv, out var v) ? v : null;

    /// <summary>TimeML duration value for <paramref name="n"/> units (<paramref name="n"/> &lt; 0: unspecified, "X").</summary>
    internal static string DurationValue(int n, string unit)
    {
        var q = n < 0 ? "X" : n.ToString(Inv);
        return unit switch
        {
            "second" => $"PT{q}S",
            "minute" => $"PT{q}M",
            "hour" => $"PT{q}H",
            "day" => $"P{q}D",
            "week" => $"P{q}W",
            "fortnight" => n < 0 ? "PXW" : $"P{2 * n}W",
            "weekend" => $"P{q}WE",
            "month" => $"P{q}M",
            "quarter" => $"P{q}Q",
            "year" => $"P{q}Y",
            "decade" => n < 0 ? "PXDE" : $"P{10 * n}Y",
            "century" => n < 0 ? "PXC" : $"P{100 * n}Y",
            "millennium" => n < 0 ? "PXL" : $"P{n}L",
            _ => $"P{q}D",
        };
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(a\.?m\.?|p\.?m\.?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(\d{1,2})(a\.?m\.?|p\.?m\.?)$", RegexOptions.CultureInvariant)]
    private static partial Regex HourMeridiem();

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayNumber();

    [GeneratedRegex(@"^(\d{1,3})(st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex(@"^(1[0-9]|20)(\d)0'?s$", RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex(@"^'(\d)0s$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDecade();

    [GeneratedRegex(@"^(1[0-9]\d\d|20\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex YearNumber();

    /// <summary>Ordinal value of a word or numeral ("30th", "thirtieth", "twenty-first" as one piece pair is not handled here), or null.</summary>
    internal static int? Ordinal(string norm)
    {
        if (OrdinalWords.TryGetValue(norm, out var v))
        {
            return v;
        }

        var m = OrdinalNumber().Match(norm);
        return m.Success ? ParseInt(m.Groups[1].Value) : null;
    }

    /// <summary>The matcher for one sentence.</summary>
    private sealed class Matcher(IReadOnlyList<Piece> p, RuleContext ctx)
    {
        private readonly int _n = p.Count;

        private string W(int j) => j >= 0 && j < _n ? p[j].Norm : string.Empty;

        private bool Is(int j, string a) => W(j) == a;

        private bool IsAny(int j, params string[] words) => Array.IndexOf(words, W(j)) >= 0;

        /// <summary>
        /// The tense that decides a relative date: a signal word right before the expression ("ended March 31",
        /// "since Monday": past; "until Monday", "effective June 1": future), else the tense of its clause.
        /// </summary>
        private Tense TenseOf(int start, int end)
        {
            // the word before the expression, past its own modifiers ("until mid-November", "by early next week")
            var s = start;
            while (s > start - 4 && s > 1 && (IsAny(s - 1, "mid", "mid-", "early", "late", "the", "end", "beginning", "start", "middle") || (Is(s - 1, "of") && IsAny(s - 2, "end", "beginning", "start", "middle"))))
            {
                s--;
            }

            var aheadOf = Is(s - 1, "of") && Is(s - 2, "ahead");
            if (Is(end, "'s"))
            {
                // a possessive names a day already known to the reader ("Friday's bombing", "Monday's vote"):
                // the past one, whatever the tense of the clause, unless it is still ahead ("ahead of Sunday's vote")
                return aheadOf || IsAny(s - 1, "until", "till") ? Tense.Future : Tense.Past;
            }

            if (Months.ContainsKey(W(start)) && end == start + 1 && IsAny(start - 1, "a", "an", "its", "their", "his", "her") && end < _n && p[end].Tag.StartsWith("NN", StringComparison.Ordinal))
            {
                return Tense.Past; // a month naming a known event: "a June agreement", "its March report"
            }

            if (aheadOf)
            {
                return Tense.Future; // "ahead of the weekend"
            }

            var before = W(s - 1) is "on" or "in" or "the" ? W(s - 2) : W(s - 1);
            return before switch
            {
                "ended" or "since" => Tense.Past,
                "until" or "till" or "effective" or "payable" => Tense.Future,
                "through" or "thru" => ctx.TenseOf(p[start].Word, p[end - 1].Word) == Tense.Past ? Tense.Past : Tense.Future, // "loans through January"
                "for" when W(start - 1) == "for" && Weekdays.ContainsKey(W(start)) => Tense.Future, // "planned for Tuesday"
                "by" when W(start - 1) == "by" => ctx.TenseOf(p[start].Word, p[end - 1].Word) == Tense.Past ? Tense.Past : Tense.Future, // "expected by Wednesday"
                _ => ctx.TenseOf(p[start].Word, p[end - 1].Word),
            };
        }

        /// <summary>
        /// A calendar word inside a proper name is not an expression (TimeML does not mark names): "the October
        /// Revolution", "the May Fourth Movement", "the Summer Olympics", "the Sunday Times", "Black September",
        /// "the Prague Spring".
        /// </summary>
        public bool InProperName(Candidate c)
        {
            var last = c.End - 1;
            var first = Is(c.Start, "the") ? c.Start + 1 : c.Start;
            if (last < first || !p[last].Capitalised || !p[first].Capitalised || char.IsAsciiDigit(W(last)[0]))
            {
                return false;
            }

            var calendarWord = Months.ContainsKey(W(first)) || Weekdays.ContainsKey(W(first)) || Seasons.ContainsKey(W(first));
            if (!calendarWord)
            {
                return false;
            }

            if (c.End < _n && p[c.End].Capitalised && NameHeads.Contains(W(c.End)))
            {
                return true;
            }

            return first == last && first > 0 && p[first - 1].Capitalised && IsAny(first - 1, "black", "bloody", "prague", "arab");
        }

        public Candidate? Best(int i)
        {
            Candidate? best = null;
            void Consider(Candidate? c)
            {
                if (c is not null && c.End > i && (best is null || c.End > best.End))
                {
                    best = c;
                }
            }

            Consider(WithModifiers(i));
            return best is null ? null : OpenEnded(Extend(best));
        }

        /// <summary>
        /// "1994 or later", "2001 and beyond", "June or earlier": an open-ended date is one expression with the mod
        /// ON_OR_AFTER or ON_OR_BEFORE (the value stays the date named).
        /// </summary>
        private Candidate OpenEnded(Candidate c)
        {
            if (c.Type != "DATE" || c.Mod is not null || TimeValues.GrainOf(c.Value) is null)
            {
                return c;
            }

            var e = c.End;
            var after = (Is(e, "or") && IsAny(e + 1, "later", "after")) || (Is(e, "and") && Is(e + 1, "beyond"));
            var before = Is(e, "or") && IsAny(e + 1, "earlier", "before");
            var closes = e + 2 >= _n || !(p[e + 2].Tag.StartsWith("NN", StringComparison.Ordinal) || p[e + 2].Tag.StartsWith("JJ", StringComparison.Ordinal)); // not "1998 or later models"
            return (after || before) && closes ? c with { End = e + 2, Mod = after ? "ON_OR_AFTER" : "ON_OR_BEFORE" } : c;
        }

        /// <summary>Extents end where TimeML puts them: never inside a hyphenated word.</summary>
        private Candidate Extend(Candidate c)
        {
            var end = c.End;
            while (end < _n && p[end].HyphenBefore && (!IsAny(end, "old", "long", "high", "low", "plus") || (c.Type == "DURATION" && Is(end, "long") && Units.ContainsKey(W(end - 1)))))
            {
                end++;
            }

            return end == c.End ? c : c with { End = end };
        }

        /// <summary>Modifier prefixes ("early", "the end of", "nearly", "more than") before a core expression.</summary>
        private Candidate? WithModifiers(int i)
        {
            var core = Core(i);
            var (len, mod, kind) = Prefix(i);
            if (len > 0)
            {
                var inner = Core(i + len);
                if (inner is null && kind == 'p' && Is(i + len, "the") && IsAny(i + len + 1, "month", "year", "week", "quarter", "day", "decade", "century") && !IsAny(i + len + 2, "of", "'s"))
                {
                    var unit = W(i + len + 1);
                    inner = Rel(i + len, i + len + 2, "DATE", "the-" + unit, dct => TimeValues.Shift(dct, unit, 0));
                }

                // "mid-year", "mid-month", "mid-week": the middle of the DCT's period
                if (inner is null && mod == "MID" && W(i) == "mid-" && IsAny(i + len, "year", "month", "week") && p[i + len].HyphenBefore && !IsAny(i + len + 1, "of", "'s"))
                {
                    var unit = W(i + len);
                    inner = Rel(i + len, i + len + 1, "DATE", "mid-" + unit, dct => TimeValues.Shift(dct, unit, 0));
                }

                if (inner is not null && kind == 'p' && inner.Rule == "the-year")
                {
                    inner = Rel(inner.Start, inner.End, "DATE", "the-year", dct => TimeValues.Year(dct.Year));
                }

                var numberNext = (Number(i + len, out _, out _) && W(i + len) != "some") || (W(i + len).Length > 0 && char.IsAsciiDigit(W(i + len)[0])) || IsAny(i + len, "noon", "midnight")
                    || (W(i) is "around" or "approximately" or "roughly" && inner is { Type: "DATE" } && TimeValues.GrainOf(inner.Value) is Grain.Day or Grain.Month); // "around Nov. 1"
                if (inner is not null && (kind != 'p' || inner.Type is "DATE" or "TIME") && (kind != 'q' || (numberNext && inner.Value is not ("PAST_REF" or "FUTURE_REF" or "PRESENT_REF"))))
                {
                    var withMod = inner with { Start = i, Mod = inner.Mod ?? mod };
                    if (core is null || withMod.End >= core.End)
                    {
                        return withMod;
                    }
                }
            }

            return core;
        }

        /// <summary>(length, mod, kind): kind 'p' for part-of-period modifiers, 'q' for quantity modifiers.</summary>
        private (int Length, string? Mod, char Kind) Prefix(int i)
        {
            var w = W(i);
            switch (w)
            {
                case "the" when IsAny(i + 1, "early", "late", "mid", "mid-"):
                    return (2, W(i + 1) == "early" ? "START" : W(i + 1) == "late" ? "END" : "MID", 'p');
                case "early":
                    return (1, "START", 'p');
                case "earlier" or "later" when (Weekdays.ContainsKey(W(i + 1)) && p[i + 1].Capitalised) || IsAny(i + 1, "today", "yesterday", "tomorrow", "tonight"):
                    return (1, w == "earlier" ? "START" : "END", 'p'); // "earlier Sunday", "later yesterday"
                case "late":
                    return (1, "END", 'p');
                case "mid":
                case "mid-":
                    return (1, "MID", 'p');
                case "the" when IsAny(i + 1, "end", "close") && Is(i + 2, "of"):
                    return (3, "END", 'p');
                case "the" when IsAny(i + 1, "beginning", "start", "dawn") && Is(i + 2, "of"):
                    return (3, "START", 'p');
                case "the" when Is(i + 1, "middle") && Is(i + 2, "of"):
                    return (3, "MID", 'p');
                case "end" when Is(i + 1, "of"):
                    return (2, "END", 'p');
                case "about" or "around" or "approximately" or "roughly" or "some":
                    return (1, "APPROX", 'q');
                case "nearly" or "almost":
                    return (1, "LESS_THAN", 'q');
                case "under":
                    return (1, "LESS_THAN", 'q');
                case "over":
                    return (1, "MORE_THAN", 'q');
                case "more" or "less" or "fewer" when Is(i + 1, "than"):
                    return (2, w == "more" ? "MORE_THAN" : "LESS_THAN", 'q');
                case "at" when IsAny(i + 1, "least", "most"):
                    return (2, W(i + 1) == "least" ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS", 'q');
                case "up" when Is(i + 1, "to"):
                    return (2, "EQUAL_OR_LESS", 'q');
                case "no" when IsAny(i + 1, "more", "less") && Is(i + 2, "than"):
                    return (3, W(i + 1) == "more" ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE", 'q');
                default:
                    return (0, null, ' ');
            }
        }

        private Candidate? Core(int i)
        {
            if (i >= _n)
            {
                return null;
            }

            Candidate? best = null;
            void Consider(Candidate? c)
            {
                if (c is not null && c.End > i && (best is null || c.End > best.End))
                {
                    best = c;
                }
            }

            var w = W(i);
            if (w.Length > 0 && char.IsAsciiDigit(w[0]))
            {
                Consider(Numeric(i));
                Consider(Clock(i));
                Consider(DayMonth(i));
                Consider(YearLike(i));
                Consider(Duration(i));
                Consider(Ago(i));
            }
            else
            {
                Consider(MonthLed(i));
                Consider(WeekdayLed(i));
                Consider(RelativeDay(i));
                Consider(Deictic(i));
                Consider(Quarter(i));
                Consider(Duration(i));
                Consider(Ago(i));
                Consider(SetExpression(i));
                Consider(Fuzzy(i));
                Consider(Anaphoric(i));
                Consider(DayPart(i));
                Consider(SeasonLed(i));
                Consider(YearLike(i));
                Consider(DayMonth(i));
                Consider(Holiday(i));
                Consider(Clock(i));
                Consider(NthDayToday(i));
                if (MidWords.TryGetValue(w, out var midUnit))
                {
                    Consider(Rel(i, i + 1, "DATE", "mid-word", dct => TimeValues.Shift(dct, midUnit, 0), mod: "MID")); // "by midyear"
                }
            }

            return best;
        }

        // ---------- resolution helpers ----------

        private Candidate Abs(int start, int end, string type, string value, string rule, string? mod = null) =>
            new(start, end, type, value, mod, null, rule, "absolute", null);

        private Candidate Rel(int start, int end, string type, string rule, Func<DateOnly, string> resolve, string anchor = "dct", string? mod = null)
        {
            if (ctx.Dct is not { } dct)
            {
                return new Candidate(start, end, type, null, mod, null, rule, "none", NoDct);
            }

            return new Candidate(start, end, type, resolve(dct), mod, null, rule, anchor, null);
        }

        /// <summary>Relative to the last date mentioned when there is one (or the DCT).</summary>
        private Candidate Previous(int start, int end, string type, string rule, string unit, int n, string? mod = null)
        {
            var fineEnough = TimeValues.GrainOf(ctx.LastReference) is { } g && unit switch
            {
                "day" => g == Grain.Day,
                "week" => g is Grain.Day or Grain.Week,
                "month" => g is Grain.Day or Grain.Week or Grain.Month,
                "quarter" => g is Grain.Day or Grain.Month or Grain.Quarter,
                _ => true,
            };
            if (fineEnough && ctx.LastReference is { } last && TimeValues.ShiftValue(last, unit, n) is { } shifted)
            {
                return new Candidate(start, end, type, shifted, mod, null, rule, "previous:" + last, null);
            }

            return Rel(start, end, type, rule, d => TimeValues.Shift(d, unit, n), "dct", mod);
        }

        private static string TenseName(Tense t) => t.ToString().ToLowerInvariant();

        private Candidate WeekdayValue(int start, int end, int dow, string rule, string? suffix = null, int forced = 0)
        {
            var tense = TenseOf(start, end);
            return Rel(
                start,
                end,
                suffix is null ? "DATE" : "TIME",
                rule,
                dct => TimeValues.Day(ResolveWeekday(dct, dow, forced != 0 ? (forced < 0 ? Tense.Past : Tense.Future) : tense, forced)) + (suffix ?? string.Empty),
                forced != 0 ? "dct" : "dct+tense:" + TenseName(tense));
        }

        private static DateOnly ResolveWeekday(DateOnly dct, int dow, Tense tense, int forced)
        {
            var current = (((int)dct.DayOfWeek + 6) % 7) + 1;
            if (forced < 0)
            {
                // "last Monday": the one before the DCT's week day (never the DCT itself)
                var back = (current - dow + 7) % 7;
                return dct.AddDays(-(back == 0 ? 7 : back));
            }

            if (forced > 0 || tense == Tense.Future)
            {
                var ahead = (dow - current + 7) % 7;
                return dct.AddDays(forced > 0 && ahead == 0 ? 7 : ahead);
            }

            return dct.AddDays(-((current - dow + 7) % 7));
        }

        private Candidate MonthValue(int start, int end, int month, string rule, string? mod = null)
        {
            var tense = TenseOf(start, end);
            return Rel(
                start,
                end,
                "DATE",
                rule,
                dct =>
                {
                    var y = dct.Year;
                    if (tense == Tense.Past && month > dct.Month + 1)
                    {
                        // a past clause about the coming month reports a plan ("told buyers of a cut in September",
                        // written in August), as a month-day within a month ahead does; further ahead, last year's
                        y--;
                    }
                    else if (tense == Tense.Future && month < dct.Month)
                    {
                        y++;
                    }
                    else if (tense is Tense.Unknown or Tense.Present && Math.Abs(month - dct.Month) > 6)
                    {
                        y += month < dct.Month ? 1 : -1;
                    }

                    return TimeValues.Month(y, month);
                },
                "dct+tense:" + TenseName(tense),
                mod);
        }

        private Candidate MonthDayValue(int start, int end, int month, int day, string rule)
        {
            var tense = TenseOf(start, end);
            return Rel(
                start,
                end,
                "DATE",
                rule,
                dct =>
                {
                    DateOnly? Make(int y) => day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
                    var same = Make(dct.Year) ?? new DateOnly(dct.Year, month, DateTime.DaysInMonth(dct.Year, month));
                    if (tense == Tense.Past && same.DayNumber - dct.DayNumber > 30)
                    {
                        same = Make(dct.Year - 1) ?? same;
                    }
                    else if (tense == Tense.Future && dct.DayNumber - same.DayNumber > 120)
                    {
                        same = Make(dct.Year + 1) ?? same;
                    }
                    else if (tense != Tense.Future && same.DayNumber - dct.DayNumber > 183)
                    {
                        same = Make(dct.Year - 1) ?? same;
                    }
                    else if (tense != Tense.Past && dct.DayNumber - same.DayNumber > 183)
                    {
                        same = Make(dct.Year + 1) ?? same;
                    }

                    return TimeValues.Day(same);
                },
                "dct+tense:" + TenseName(tense));
        }

        /// <summary>A day given for any year (a holiday), placed in the year the clause's tense points to, like a month-day.</summary>
        private Candidate DayInYearValue(int start, int end, Func<int, DateOnly> dateIn, string rule)
        {
            var tense = TenseOf(start, end);
            return Rel(
                start,
                end,
                "DATE",
                rule,
                dct =>
                {
                    var same = dateIn(dct.Year);
                    if (tense == Tense.Past && same.DayNumber - dct.DayNumber > 30)
                    {
                        same = dateIn(dct.Year - 1);
                    }
                    else if (tense == Tense.Future && dct.DayNumber - same.DayNumber > 120)
                    {
                        same = dateIn(dct.Year + 1);
                    }
                    else if (tense != Tense.Future && same.DayNumber - dct.DayNumber > 183)
                    {
                        same = dateIn(dct.Year - 1);
                    }
                    else if (tense != Tense.Past && dct.DayNumber - same.DayNumber > 183)
                    {
                        same = dateIn(dct.Year + 1);
                    }

                    return TimeValues.Day(same);
                },
                "dct+tense:" + TenseName(tense));
        }

        private bool IsMonth(int j, out int month)
        {
            month = 0;
            if (j >= _n || !Months.TryGetValue(W(j), out month) || !p[j].Capitalised)
            {
                return false;
            }

            var w = W(j);
            if (w is "may" or "march")
            {
                var tag = p[j].Tag;
                if (tag == "MD" || tag.StartsWith("VB", StringComparison.Ordinal))
                {
                    return false;
                }

                var next = W(j + 1);
                var prev = W(j - 1);
                var ok = (next.Length > 0 && char.IsAsciiDigit(next[0]))
                    || prev is "in" or "since" or "until" or "by" or "early" or "late" or "mid" or "mid-" or "last" or "next" or "this" or "of" or "from" or "through" or "till" or "before" or "after" or "during" or "end"
                    || (prev.Length > 0 && char.IsAsciiDigit(prev[0]))
                    || prev is "between"
                    || (prev is "and" or "or" or "to" or "-" && j >= 2 && Months.ContainsKey(W(j - 2)) && p[j - 2].Capitalised) // "April and May"
                    || (next is "and" or "or" or "to" or "-" && Months.ContainsKey(W(j + 2)) && W(j + 2) is not ("may" or "march") && j + 2 < _n && p[j + 2].Capitalised
                        && !(j > 0 && p[j - 1].Capitalised && p[j - 1].Tag == "NNP" && !Weekdays.ContainsKey(prev))); // "May and June", not "Theresa May and June"
                if (!ok)
                {
                    return false;
                }
            }
            else if (w.Length <= 4 && w != "june" && w != "july" && !p[j].Text.EndsWith('.') && w != "sept")
            {
                // abbreviations need their full stop ("Jan.") unless a day or year follows
                var next = W(j + 1);
                if (next.Length == 0 || !char.IsAsciiDigit(next[0]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsYear(int j, out int year)
        {
            year = 0;
            var m = YearNumber().Match(W(j));
            if (!m.Success)
            {
                return false;
            }

            year = ParseInt(m.Value) ?? 0;
            return year is >= 1000 and <= 2099;
        }

        private bool IsDay(int j, out int day)
        {
            day = 0;
            var m = DayNumber().Match(W(j));
            if (m.Success)
            {
                day = ParseInt(m.Groups[1].Value) ?? 0;
                return day is >= 1 and <= 31;
            }

            if (OrdinalWords.TryGetValue(W(j), out day) && day <= 31)
            {
                return true;
            }

            return false;
        }

        /// <summary>A cardinal at <paramref name="j"/>: digits, number words ("twenty four", "twenty-four"), "a"/"an" (1) or a vague quantity (-1).</summary>
        private bool Number(int j, out int value, out int end)
        {
            value = 0;
            end = j;
            var w = W(j);
            if (w.Length == 0)
            {
                return false;
            }

            if (char.IsAsciiDigit(w[0]))
            {
                var v = ParseInt(w.Replace(",", string.Empty, StringComparison.Ordinal));
                if (v is null || w.Contains('.', StringComparison.Ordinal))
                {
                    if (decimal.TryParse(w, NumberStyles.AllowDecimalPoint, Inv, out var dec) && dec > 0)
                    {
                        value = (int)Math.Round(dec);
                        end = j + 1;
                        return value > 0;
                    }

                    return false;
                }

                value = v.Value;
                end = j + 1;
                if (Is(end, "1/2") || (Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")))
                {
                    end += Is(end, "1/2") ? 1 : 3;
                }
                else if (Is(end, "1") && Is(end + 1, "/") && Is(end + 2, "2") && p[end + 1].Start == p[end].End && p[end + 2].Start == p[end + 1].End)
                {
                    end += 3; // "2 1/2" split by the tokenizer into "1", "/", "2"
                }

                return true;
            }

            if (SmallNumbers.TryGetValue(w, out value))
            {
                end = j + 1;
                if (Is(end, "hundred"))
                {
                    value *= 100;
                    end++;
                }
                else if (Is(end, "thousand"))
                {
                    value *= 1000;
                    end++;
                }

                if (Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half"))
                {
                    end += 3;
                }

                return true;
            }

            if (Tens.TryGetValue(w, out value))
            {
                end = j + 1;
                if (SmallNumbers.TryGetValue(W(end), out var unit) && unit < 10)
                {
                    value += unit;
                    end++;
                }

                return true;
            }

            switch (w)
            {
                case "a" or "an":
                    value = 1;
                    end = j + 1;
                    if (Is(end, "few"))
                    {
                        value = -1;
                        end++;
                    }
                    else if (Is(end, "couple") && Is(end + 1, "of"))
                    {
                        value = 2;
                        end += 2;
                    }
                    else if (Is(end, "half") && Is(end + 1, "dozen"))
                    {
                        value = 6;
                        end += 2;
                    }
                    else if (Is(end, "dozen"))
                    {
                        value = 12;
                        end++;
                    }
                    else if (Is(end, "hundred") || Is(end, "thousand"))
                    {
                        value = W(end) == "hundred" ? 100 : 1000;
                        end++;
                    }

                    return true;
                case "several" or "few" or "many" or "some":
                    value = -1;
                    end = j + 1;
                    return true;
                case "couple" when Is(j + 1, "of"):
                    value = 2;
                    end = j + 2;
                    return true;
                case "half" when Is(j + 1, "a"):
                    value = -2; // half a year: handled by the duration rule
                    end = j + 2;
                    return true;
                case "dozens" or "hundreds" or "thousands" when Is(j + 1, "of"):
                    value = -1;
                    end = j + 2;
                    return true;
                case "dozen":
                    value = 12;
                    end = j + 1;
                    return true;
                default:
                    return false;
            }
        }

        private bool Unit(int j, out string unit) => Units.TryGetValue(W(j), out unit!);

        // ---------- rules ----------

        /// <summary>2022-09-16, 16.09.2022, 09/16/2022.</summary>
        private Candidate? Numeric(int i)
        {
            var w = W(i);
            var iso = IsoDate().Match(w);
            if (iso.Success)
            {
                var (y, mo, d) = (ParseInt(iso.Groups[1].Value)!.Value, ParseInt(iso.Groups[2].Value)!.Value, ParseInt(iso.Groups[3].Value)!.Value);
                return ValidDate(y, mo, d) ? Abs(i, i + 1, "DATE", TimeValues.Day(new DateOnly(y, mo, d)), "iso-date") : null;
            }

            var num = NumericDate().Match(w);
            if (num.Success)
            {
                var a = ParseInt(num.Groups[1].Value)!.Value;
                var b = ParseInt(num.Groups[3].Value)!.Value;
                var y = ParseInt(num.Groups[4].Value)!.Value;
                if (y < 100)
                {
                    y += y < 50 ? 2000 : 1900;
                }

                var dayFirst = a > 12 || (b <= 12 && num.Groups[2].Value == ".");
                var (d, mo) = dayFirst ? (a, b) : (b, a);
                return ValidDate(y, mo, d) ? Abs(i, i + 1, "DATE", TimeValues.Day(new DateOnly(y, mo, d)), dayFirst ? "numeric-date:day-first" : "numeric-date:month-first") : null;
            }

            return null;
        }

        private static bool ValidDate(int y, int mo, int d) => y is >= 1000 and <= 2999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);

        /// <summary>7:15 p.m. (EST), 5 p.m., noon; optionally followed by the day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").</summary>
        private Candidate? Clock(int i)
        {
            int hour, minute = 0, end;
            var w = W(i);
            var m = ClockTime().Match(w);
            string? meridiem = null;
            if (m.Success)
            {
                hour = ParseInt(m.Groups[1].Value)!.Value;
                minute = ParseInt(m.Groups[2].Value)!.Value;
                meridiem = m.Groups[4].Success ? m.Groups[4].Value : null;
                end = i + 1;
                if (w.Contains('.', StringComparison.Ordinal) && meridiem is null && !IsMeridiem(end))
                {
                    return null; // 7.15 is a number unless a.m./p.m. follows
                }
            }
            else if (HourMeridiem().Match(w) is { Success: true } hm)
            {
                hour = ParseInt(hm.Groups[1].Value)!.Value;
                meridiem = hm.Groups[2].Value;
                end = i + 1;
            }
            else if (w is "noon" or "midday" or "midnight")
            {
                hour = w == "midnight" ? 24 : 12;
                end = i + 1;
                return ClockTail(i, end, hour, 0, exact: false, rule: "clock:" + w);
            }
            else if (DayNumber().Match(w) is { Success: true } && IsMeridiem(i + 1))
            {
                hour = ParseInt(w)!.Value;
                end = i + 1;
            }
            else if (w.Length == 4 && ParseInt(w) is { } hhmm && IsTimeZone(i + 1))
            {
                // the 24-hour clock of wire copy: "0740 GMT", "1530 local time"
                hour = hhmm / 100;
                minute = hhmm % 100;
                end = i + 1;
                if (hour > 23)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            if (meridiem is null && IsMeridiem(end))
            {
                meridiem = W(end);
                end++;
            }
            else if (meridiem is null && Is(end, "o'clock"))
            {
                end++;
            }
            else if (meridiem is null)
            {
                // a bare 10:30 is a time only with a time zone or "local time" after it
                if (!IsTimeZone(end))
                {
                    return null;
                }
            }

            if (hour > 24 || minute > 59)
            {
                return null;
            }

            if (meridiem is not null && meridiem.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem is not null && meridiem.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            while (IsTimeZone(end))
            {
                end += W(end) == "local" ? 2 : 1;
            }

            return ClockTail(i, end, hour, minute, exact: true, rule: "clock");
        }

        private bool IsMeridiem(int j) => W(j) is "a.m" or "p.m" or "am" or "pm" or "a.m." or "p.m.";

        private bool IsTimeZone(int j) => W(j) is "est" or "edt" or "gmt" or "utc" or "cet" or "cst" or "pst" or "pdt" or "cdt" or "mst" or "bst" or "msk" or "jst"
            || (W(j) == "local" && Is(j + 1, "time"));

        private Candidate ClockTail(int i, int end, int hour, int minute, bool exact, string rule)
        {
            var time = exact || hour != 24
                ? "T" + hour.ToString("D2", Inv) + ":" + minute.ToString("D2", Inv)
                : "T24";

            // the day after the time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon today"
            var j = end;
            if (Is(j, ","))
            {
                j++;
            }

            var day = DayOnly(j);
            if (day is not null && day.Value is not null && TimeValues.GrainOf(day.Value) == Grain.Day)
            {
                return day with { Start = i, Type = "TIME", Value = day.Value + time, Rule = rule + "+" + day.Rule };
            }

            // the day named just after, outside the extent: "10:30 a.m. local time on Friday", "10:40 a.m. (0740 GMT)
            // Friday", "9 a.m. on Aug. 20" (TimeML marks the day on its own; the time takes its date)
            var k = end;
            if (Is(k, "(") && k + 4 < _n && (Is(k + 2, ")") || Is(k + 3, ")")))
            {
                k = Is(k + 2, ")") ? k + 3 : k + 4;
            }

            if (Is(k, "on"))
            {
                k++;
            }

            if (k > end && DayOnly(k) is { Value: { } following } && TimeValues.GrainOf(following) == Grain.Day)
            {
                return new Candidate(i, end, "TIME", following[..10] + time, null, null, rule, "next:" + following, null);
            }

            // a bare clock time belongs to the day of the narrative: the last day mentioned ("On Friday ... at 7:15 p.m."), else the DCT's
            if (ctx.Dct is not null && ctx.LastReference is { Length: >= 10 } last && TimeValues.GrainOf(last) == Grain.Day)
            {
                return new Candidate(i, end, "TIME", last[..10] + time, null, null, rule, "previous:" + last, null);
            }

            return Rel(i, end, "TIME", rule, dct => TimeValues.Day(dct) + time);
        }

        /// <summary>A day expression usable after a time: weekday, today/yesterday/tomorrow, month-day.</summary>
        private Candidate? DayOnly(int j)
        {
            if (Weekdays.TryGetValue(W(j), out var dow) && p.Count > j && p[j].Capitalised)
            {
                return WeekdayValue(j, j + 1, dow, "weekday");
            }

            return RelativeDay(j, allowParts: false) ?? MonthLed(j);
        }

        /// <summary>Month-led dates: "September 16th, 2022", "Sept. 16", "August 1988", "January", "May of 1990".</summary>
        private Candidate? MonthLed(int i)
        {
            if (!IsMonth(i, out var month))
            {
                return null;
            }

            var j = i + 1;
            if (IsDay(j, out var day) && !IsYear(j, out _) && !(W(j).Length > 0 && char.IsAsciiDigit(W(j)[0]) && Units.ContainsKey(W(j + 1))))
            {
                var k = j + 1;
                if (Is(k, ",") && IsYear(k + 1, out var y1))
                {
                    return ValidDate(y1, month, day) ? Abs(i, k + 2, "DATE", TimeValues.Day(new DateOnly(y1, month, day)), "month-day-year") : null;
                }

                if (IsYear(k, out var y2))
                {
                    return ValidDate(y2, month, day) ? Abs(i, k + 1, "DATE", TimeValues.Day(new DateOnly(y2, month, day)), "month-day-year") : null;
                }

                if (day <= 31 && RelativeYear(k, out var dayShift, out var dayEnd))
                {
                    return Rel(i, dayEnd, "DATE", "month-day-relative-year", dct => ValidDate(dct.Year + dayShift, month, day) ? TimeValues.Day(new DateOnly(dct.Year + dayShift, month, day)) : TimeValues.Month(dct.Year + dayShift, month));
                }

                return day <= 31 ? MonthDayValue(i, k, month, day, "month-day") : null;
            }

            if (IsYear(j, out var year))
            {
                return Abs(i, j + 1, "DATE", TimeValues.Month(year, month), "month-year");
            }

            if ((Is(j, ",") || Is(j, "of")) && IsYear(j + 1, out year))
            {
                return Abs(i, j + 2, "DATE", TimeValues.Month(year, month), "month-year");
            }

            if (SpelledYear(Is(j, "of") ? j + 1 : j, out var spelled, out var spelledEnd))
            {
                return Abs(i, spelledEnd, "DATE", TimeValues.Month(spelled, month), "month-spelled-year"); // "January nineteen ninety-seven"
            }

            if (RelativeYear(j, out var shift, out var relEnd))
            {
                return Rel(i, relEnd, "DATE", "month-relative-year", dct => TimeValues.Month(dct.Year + shift, month)); // "March this year", "June of last year"
            }

            return MonthValue(i, j, month, "month");
        }

        /// <summary>
        /// A year named relative to the DCT right after a month ("March this year", "June 5 last year", "May of next
        /// year"): TimeML marks month and year as one expression whose value is the month (or day) of that year.
        /// </summary>
        private bool RelativeYear(int j, out int shift, out int end)
        {
            var k = Is(j, ",") || Is(j, "of") ? j + 1 : j;
            shift = W(k) switch { "this" => 0, "last" => -1, "next" => 1, _ => int.MinValue };
            end = k + 2;
            return shift != int.MinValue && Is(k + 1, "year") && !Is(k + 2, "'s");
        }

        /// <summary>Day-led dates: "16 September 2022", "16th of September", "the 16th of September, 2022".</summary>
        private Candidate? DayMonth(int i)
        {
            var j = i;
            if (Is(j, "the"))
            {
                j++;
            }

            if (!IsDay(j, out var day))
            {
                return null;
            }

            var k = j + 1;
            if (Is(k, "of"))
            {
                k++;
            }

            if (!IsMonth(k, out var month))
            {
                return null;
            }

            k++;
            if (Is(k, ",") && IsYear(k + 1, out var y1))
            {
                return ValidDate(y1, month, day) ? Abs(i, k + 2, "DATE", TimeValues.Day(new DateOnly(y1, month, day)), "day-month-year") : null;
            }

            if (IsYear(k, out var y2))
            {
                return ValidDate(y2, month, day) ? Abs(i, k + 1, "DATE", TimeValues.Day(new DateOnly(y2, month, day)), "day-month-year") : null;
            }

            return MonthDayValue(i, k, month, day, "day-month");
        }

        /// <summary>Years, decades and centuries: "1988", "fiscal 1989", "the 1990s", "the '80s", "the 20th century", "nineteen ninety-six", "the year two thousand".</summary>
        private Candidate? YearLike(int i)
        {
            var j = i;
            var the = Is(j, "the");
            if (the)
            {
                j++;
            }

            if (Is(j, "fiscal") || Is(j, "calendar"))
            {
                if (IsYear(j + 1, out var fy))
                {
                    return Abs(the ? i + 1 : i, j + 2, "DATE", TimeValues.Year(fy), "fiscal-year");
                }

                return null;
            }

            if (Is(j, "year") && the)
            {
                if (IsYear(j + 1, out var yy))
                {
                    return Abs(i, j + 2, "DATE", TimeValues.Year(yy), "the-year-N");
                }

                if (SpelledYear(j + 1, out var sy, out var se))
                {
                    return Abs(i, se, "DATE", TimeValues.Year(sy), "the-year-N");
                }
            }

            var dm = Decade().Match(W(j));
            if (dm.Success && !(j > 0 && p[j].HyphenBefore && char.IsAsciiDigit(W(j - 1)[0])))
            {
                return Abs(i, j + 1, "DATE", dm.Groups[1].Value + dm.Groups[2].Value, "decade");
            }

            if (the && W(j) is "twenties" or "thirties" or "forties" or "fifties" or "sixties" or "seventies" or "eighties" or "nineties")
            {
                var tens = Tens[W(j)[..^3] + "y"] / 10;
                var century = ctx.Dct is { } dd && tens * 10 > dd.Year % 100 ? (dd.Year / 100) - 1 : ctx.Dct?.Year / 100 ?? 19;
                return Abs(i, j + 1, "DATE", century.ToString("D2", Inv) + tens.ToString(Inv), "decade-word");
            }

            var sd = ShortDecade().Match(W(j));
            if (sd.Success)
            {
                var dec = ParseInt(sd.Groups[1].Value)!.Value;
                return Abs(i, j + 1, "DATE", (dec >= 3 ? "19" : "20") + sd.Groups[1].Value, "decade");
            }

            if (Ordinal(W(j)) is { } c && c is >= 1 and <= 21 && Is(j + 1, "century"))
            {
                return Abs(i, j + 2, "DATE", (c - 1).ToString("D2", Inv), "century");
            }

            if (the)
            {
                return null;
            }

            if (IsYear(i, out var year))
            {
                if (!PlausibleYear(i, year))
                {
                    return null;
                }

                // "1989-90" and "1989 and 1990" stay separate; "1990s" handled above
                return Abs(i, i + 1, "DATE", TimeValues.Year(year), "year");
            }

            if (SpelledYear(i, out var sy2, out var se2))
            {
                return Abs(i, se2, "DATE", TimeValues.Year(sy2), "spelled-year");
            }

            return null;
        }

        private bool PlausibleYear(int i, int year)
        {
            var prev = W(i - 1);
            var next = W(i + 1);
            if (prev is "$" or "#" or "no" or "no." or "number" or "flight" or "room" or "resolution" or "article" or "route" or "page" or "us$" or "€" or "£")
            {
                return false;
            }

            if (next is "%" or "percent" or "p.m" or "a.m" || Units.ContainsKey(next))
            {
                return false;
            }

            if (i + 1 < _n && p[i + 1].Tag is "NNS" && !Months.ContainsKey(next))
            {
                return false;
            }

            if (p[i].Tag is not "CD" && p[i].Tag.Length > 0 && p[i].Tag is not "NNP" and not "JJ" && !p[i].HyphenBefore)
            {
                return false;
            }

            if (i >= 1 && p[i - 1].Tag == "NNP" && p[i - 1].Capitalised && !p[i - 1].HyphenBefore && !p[i].HyphenBefore && !Months.ContainsKey(prev)
                && !Weekdays.ContainsKey(prev) && !Seasons.ContainsKey(prev) && !YearNameWords.Contains(prev))
            {
                return false; // a year number in a name: "the Lyra 1990 project", "Expo 2010"
            }

            return year >= 1900 || prev is "in" or "since" or "from" or "by" or "until" or "of" or "year" or "the" or "before" or "after" or "circa" or "c.";
        }

        /// <summary>"nineteen ninety-six", "nineteen eighty", "two thousand (and) two", "twenty twenty-two".</summary>
        private bool SpelledYear(int j, out int year, out int end)
        {
            year = 0;
            end = j;
            var w = W(j);
            if (w is "nineteen" or "eighteen" or "twenty" && !Is(j + 1, "hundred"))
            {
                var century = w == "nineteen" ? 1900 : w == "eighteen" ? 1800 : 2000;
                if (Tens.TryGetValue(W(j + 1), out var tens))
                {
                    var k = j + 2;
                    if (SmallNumbers.TryGetValue(W(k), out var units) && units < 10)
                    {
                        tens += units;
                        k++;
                    }

                    year = century + tens;
                    end = k;
                    return true;
                }

                if (w != "twenty" && SmallNumbers.TryGetValue(W(j + 1), out var teen) && teen >= 10)
                {
                    year = century + teen;
                    end = j + 2;
                    return true;
                }

                return false;
            }

            if (w == "two" && Is(j + 1, "thousand"))
            {
                var k = j + 2;
                if (Is(k, "and"))
                {
                    k++;
                }

                year = 2000;
                if (SmallNumbers.TryGetValue(W(k), out var u))
                {
                    year += u;
                    k++;
                }

                end = k;
                return true;
            }

            return false;
        }

        /// <summary>Weekdays: "Friday", "last Friday", "Saturday night", "Friday, Oct. 13", "Mondays" (set).</summary>
        private Candidate? WeekdayLed(int i)
        {
            // "the previous Friday", "the following Monday": narrative, counted from the last day mentioned
            if (Is(i, "the") && IsAny(i + 1, "previous", "following", "next") && Weekdays.TryGetValue(W(i + 2), out var nd) && p[i + 2].Capitalised)
            {
                var dir = W(i + 1) == "previous" ? -1 : 1;
                if (ctx.LastReference is { } last && TimeValues.GrainOf(last) == Grain.Day && TimeValues.FirstDay(last) is { } from)
                {
                    return new Candidate(i, i + 3, "DATE", TimeValues.Day(ResolveWeekday(from, nd, Tense.Unknown, dir)), null, null, "the-" + W(i + 1) + "-weekday", "previous:" + last, null);
                }

                return Rel(i, i + 3, "DATE", "the-" + W(i + 1) + "-weekday", dct => TimeValues.Day(ResolveWeekday(dct, nd, Tense.Unknown, dir)), "dct");
            }

            var w = W(i);
            var forced = 0;
            var j = i;
            if (w == "this" && IsAny(i + 1, "past", "coming"))
            {
                j++;
                w = W(j);
            }

            if (w is "last" or "past" or "previous")
            {
                forced = -1;
                j++;
            }
            else if (w is "next" or "coming")
            {
                forced = 1;
                j++;
            }
            else if (w == "this")
            {
                j++;
            }

            if (PluralWeekdays.TryGetValue(W(j), out var pd) && j == i && p[j].Capitalised)
            {
                var k = j + 1;
                var part = DayParts.TryGetValue(W(k), out var dp) || (W(k) == "nights" && (dp = "NI") is not null) ? "T" + dp : string.Empty;
                if (part.Length > 0)
                {
                    k++;
                }

                return new Candidate(i, k, "SET", "XXXX-WXX-" + pd.ToString(Inv) + part, null, null, "weekday-plural", "absolute", null);
            }

            if (!Weekdays.TryGetValue(W(j), out var dow) || !p[j].Capitalised)
            {
                return null;
            }

            var end = j + 1;

            // "Friday, Oct. 13" / "Friday, October 13, 1989": the date decides
            if (Is(end, ","))
            {
                var date = MonthLed(end + 1) ?? DayMonth(end + 1);
                if (date is not null && TimeValues.GrainOf(date.Value) == Grain.Day)
                {
                    return date with { Start = i };
                }
            }

            if (MonthLed(end) is { } d2 && TimeValues.GrainOf(d2.Value) == Grain.Day)
            {
                return d2 with { Start = i };
            }

            if (IsAny(end, "nights", "mornings", "evenings", "afternoons"))
            {
                return new Candidate(i, end + 1, "SET", "XXXX-WXX-" + dow.ToString(Inv) + "T" + DayParts[W(end)[..^1]], null, null, "weekday-part-plural", "absolute", null);
            }

            var (partEnd, suffix) = DayPartAfter(end);
            return WeekdayValue(i, partEnd, dow, forced switch { < 0 => "last-weekday", > 0 => "next-weekday", _ => "weekday" }, suffix, forced);
        }

        private (int End, string? Suffix) DayPartAfter(int j)
        {
            if (DayParts.TryGetValue(W(j), out var dp))
            {
                return (j + 1, "T" + dp);
            }

            if (IsAny(j, "noon", "midday"))
            {
                return (j + 1, "T12:00");
            }

            if (Is(j, "midnight"))
            {
                return (j + 1, "T24");
            }

            return (j, null);
        }

        /// <summary>today, yesterday, tomorrow, tonight, the day before yesterday, yesterday morning.</summary>
        private Candidate? RelativeDay(int i) => RelativeDay(i, allowParts: true);

        private Candidate? RelativeDay(int i, bool allowParts)
        {
            var w = W(i);
            int offset;
            var end = i + 1;
            if (w is "today" or "tomorrow" && GenericDay(i))
            {
                return null; // "the leaders of tomorrow", "in today's world": the present or future age, no day
            }

            if (w == "today" && p[i].Capitalised && i >= 1 && p[i - 1].Capitalised && p[i - 1].Tag == "NNP" && !Weekdays.ContainsKey(W(i - 1)) && !Months.ContainsKey(W(i - 1)))
            {
                return null; // the end of a name: a newspaper or a programme ("Gazette Today", "Radio Today")
            }

            switch (w)
            {
                case "today":
                    offset = 0;
                    break;
                case "yesterday":
                    offset = -1;
                    break;
                case "tomorrow":
                    offset = 1;
                    break;
                case "tonight":
                    return Rel(i, i + 1, "TIME", "tonight", dct => TimeValues.Day(dct) + "TNI");
                case "overnight" when Weekdays.TryGetValue(W(i + 1), out var nightOf) && p[i + 1].Capitalised:
                    return WeekdayValue(i, i + 2, nightOf, "overnight-weekday"); // "overnight Thursday": that day
                case "overnight":
                    // the night that ends on the day of the narrative: the night before the DCT ("Overnight, rebels
                    // shelled the town"), or, in a story about an earlier day (before yesterday), the night before it
                    if (ctx.LastReference is { } night && TimeValues.GrainOf(night) == Grain.Day && TimeValues.FirstDay(night) is { } nd && ctx.Dct is { } ndct && nd < ndct.AddDays(-1))
                    {
                        return new Candidate(i, i + 1, "TIME", TimeValues.Day(nd.AddDays(-1)) + "TNI", null, null, "overnight", "previous:" + night, null);
                    }

                    return Rel(i, i + 1, "TIME", "overnight", dct => TimeValues.Day(dct.AddDays(-1)) + "TNI");
                case "the" when Is(i + 1, "day") && IsAny(i + 2, "before", "after") && IsAny(i + 3, "yesterday", "tomorrow"):
                    offset = (W(i + 2) == "before" ? -1 : 1) + (W(i + 3) == "yesterday" ? -1 : 1);
                    end = i + 4;
                    break;
                default:
                    return null;
            }

            if (allowParts)
            {
                var (partEnd, suffix) = DayPartAfter(end);
                if (suffix is not null)
                {
                    return Rel(i, partEnd, "TIME", w + "-part", dct => TimeValues.Day(dct.AddDays(offset)) + suffix);
                }
            }

            return Rel(i, end, "DATE", w, dct => TimeValues.Day(dct.AddDays(offset)));
        }

        /// <summary>
        /// this/last/next/coming/past/previous/current + week, month, year, quarter, weekend, month name, season;
        /// "earlier this month" (START), "later this year" (END), "this morning", "last night", "the current quarter".
        /// </summary>
        private Candidate? Deictic(int i)
        {
            var j = i;
            string? mod = null;
            if (IsAny(j, "earlier", "later") && IsAny(j + 1, "this", "last", "next"))
            {
                mod = W(j) == "earlier" ? "START" : "END";
                if (W(j + 1) == "last")
                {
                    mod = "END";
                }

                j++;
            }

            var the = false;
            if (Is(j, "the") && IsAny(j + 1, "current", "past", "last", "next", "coming", "previous", "following", "present", "latest", "same"))
            {
                the = true;
                j++;
            }

            if (Is(j, "this") && IsAny(j + 1, "past", "coming"))
            {
                j++;
            }

            var d = W(j);
            int shift;
            switch (d)
            {
                case "this" when !the:
                case "current" or "present":
                    shift = 0;
                    break;
                case "last" or "past" or "previous" or "latest":
                    shift = -1;
                    break;
                case "next" or "coming" or "following":
                    shift = 1;
                    break;
                default:
                    return null;
            }

            var k = j + 1;
            var u = W(k);
            if (k < _n && Units.ContainsKey(u) && p[k].Capitalised && p[k].Text.Any(char.IsLower) && p[j].Capitalised)
            {
                return null; // "This Week", "Next Year" in running text: the title of a programme or a publication
            }

            // "the following week", "the previous month", "the next day": narrative, anchored on the last date mentioned
            var relative = the && (d is "following" or "previous" || (d == "next" && u is "day" or "morning" or "night" or "evening" or "afternoon"));
            if (u is "morning" or "afternoon" or "evening" or "night" && the && d is "next" or "following")
            {
                // "the next morning": the part of the day after the last day mentioned
                var next = Previous(i, k + 1, "TIME", "the-next-" + u, "day", 1, mod);
                return next.Value is { Length: 10 } nv ? next with { Value = nv + "T" + DayParts[u] } : next;
            }

            if (u is "morning" or "afternoon" or "evening" or "night" && d is "this" or "last")
            {
                var part = DayParts[u];
                var offset = d == "last" ? -1 : 0;
                if (d == "last" && u != "night")
                {
                    return null;
                }

                return Rel(i, k + 1, "TIME", d + "-" + u, dct => TimeValues.Day(dct.AddDays(offset)) + "T" + part, mod: mod);
            }

            if (IsMonth(k, out var month))
            {
                var tense = shift switch { < 0 => Tense.Past, > 0 => Tense.Future, _ => Tense.Unknown };
                return Rel(
                    i,
                    k + 1,
                    "DATE",
                    d + "-month",
                    dct =>
                    {
                        var y = dct.Year;
                        if (tense == Tense.Past && month >= dct.Month)
                        {
                            y--;
                        }
                        else if (tense == Tense.Future && month <= dct.Month)
                        {
                            y++;
                        }

                        return TimeValues.Month(y, month);
                    },
                    mod: mod);
            }

            if (Seasons.TryGetValue(u, out var season))
            {
                return Rel(i, k + 1, "DATE", d + "-season", dct => TimeValues.Year(SeasonYear(dct, season, shift, named: true)) + "-" + season, mod: mod);
            }

            if (u is "fiscal" && Units.TryGetValue(W(k + 1), out var fu) && fu is "year" or "quarter")
            {
                k++;
                u = W(k);
            }

            if (!Units.TryGetValue(u, out var unit) || u != unit && unit != "weekend" && u.EndsWith('s'))
            {
                // "the past two months", "the next few days": durations
                return null;
            }

            if (unit is "second" or "minute" or "hour" or "decade" or "century" or "millennium" or "fortnight")
            {
                // "the last decade": the decade before the DCT's, article included (TimeBank 1.2); "the past decade":
                // the ten years up to the DCT, a duration like "the past ten years"
                if (the && unit == "decade" && d == "past")
                {
                    return new Candidate(i, k + 1, "DURATION", DurationValue(1, unit), mod, null, "the-past-decade", "absolute", null);
                }

                var lastDecade = the && unit == "decade" && d == "last";
                if (!lastDecade && (the || d != "last" && d != "this" && d != "next"))
                {
                    return null;
                }
            }

            var end = k + 1;
            if (relative)
            {
                var rel = Previous(i, end, "DATE", "the-" + d + "-" + unit, unit == "weekend" ? "week" : unit, shift, mod);
                return rel.Value is { } rv && TimeValues.FirstDay(rv) is { } fd && unit is "year" or "month" or "quarter" or "week"
                    ? rel with { Value = unit switch { "year" => TimeValues.Year(fd.Year), "month" => TimeValues.Month(fd.Year, fd.Month), "quarter" => TimeValues.Quarter(fd.Year, TimeValues.QuarterOf(fd)), _ => TimeValues.Week(fd) } }
                    : rel;
            }

            if (unit == "quarter")
            {
                return Rel(i, end, "DATE", d + "-quarter", dct =>
                {
                    var q = (dct.Year * 4) + TimeValues.QuarterOf(dct) - 1 + (d is "latest" ? -1 : shift);
                    return TimeValues.Quarter(q / 4, (q % 4) + 1);
                }, mod: mod);
            }

            if (unit == "weekend")
            {
                return Rel(i, end, "DATE", d + "-weekend", dct => TimeValues.Week(dct.AddDays(7 * shift)) + "-WE", mod: mod);
            }

            if (unit is "second" or "minute" or "hour")
            {
                return null;
            }

            if (the && d is "past" or "last" && unit == "year")
            {
                return Rel(i, end, "DATE", "the-past-year", dct => TimeValues.Year(dct.Year - 1), mod: mod);
            }

            if (the && d is "past" or "last" && unit is "day" or "week" or "month")
            {
                // "the past year": the period up to the DCT
                return new Candidate(i, end, "DURATION", DurationValue(1, unit), mod, null, "the-past-unit", "absolute", null);
            }

            return Rel(i, end, "DATE", d + "-" + unit, dct => TimeValues.Shift(dct, unit, shift), mod: mod);
        }

        /// <summary>
        /// The year of a season before (shift &lt; 0), at or after the DCT. A season named "last" (<paramref name="named"/>)
        /// is the previous one even when the DCT falls inside the current one ("last summer" written in August is the
        /// summer a year before); a bare season in a past clause is the latest one begun.
        /// </summary>
        private static int SeasonYear(DateOnly dct, string season, int shift, bool named = false)
        {
            var start = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            var y = dct.Year;
            if (shift < 0 && (start >= dct.Month || (named && start != 12 && dct.Month < start + 3)))
            {
                y--;
            }
            else if (shift > 0 && start <= dct.Month)
            {
                y++;
            }

            return y;
        }

        /// <summary>"the third quarter", "third-quarter", "the fiscal first quarter of 1990", "the quarter", "the first half", "year-end".</summary>
        private Candidate? Quarter(int i)
        {
            var j = i;
            var the = Is(j, "the");
            if (the)
            {
                j++;
            }

            int? yearGiven = null;
            if (IsYear(j, out var y0) && IsAny(j + 1, "fiscal", "first", "second", "third", "fourth", "quarter", "1st", "2nd", "3rd", "4th"))
            {
                yearGiven = y0;
                j++;
            }

            // "next year's first quarter", "this year's third quarter", "last year's second half": the year named
            // relative to the DCT, then the part of it
            int? yearShift = null;
            if (!the && IsAny(j, "this", "next", "last") && Is(j + 1, "year") && Is(j + 2, "'s")
                && Ordinal(W(j + 3)) is >= 1 and <= 4 && IsAny(j + 4, "quarter", "half", "fiscal"))
            {
                yearShift = W(j) switch { "next" => 1, "last" => -1, _ => 0 };
                j += 3;
            }

            if (Is(j, "fiscal"))
            {
                j++;
                if (IsYear(j, out var fy))
                {
                    yearGiven = fy;
                    j++;
                }
            }

            var ord = Ordinal(W(j));
            var head = j + 1; // the word "quarter", "period" or "half"
            if (the && Is(j, "last") && Is(j + 1, "half") && Is(j + 2, "of") && (IsYear(j + 3, out _) || (IsAny(j + 3, "this", "the") && Is(j + 4, "year"))))
            {
                ord = 2; // "the last half of 1989": the second half
            }
            else if (the && IsAny(j, "first", "last") && Is(j + 1, "two") && Is(j + 2, "quarters") && Is(j + 3, "of") && (IsYear(j + 4, out _) || (IsAny(j + 4, "this", "the") && Is(j + 5, "year"))))
            {
                ord = W(j) == "first" ? 1 : 2; // "the first two quarters of 1990": the first half
                head = j + 2;
            }

            if (ord is >= 1 and <= 4 && IsAny(head, "quarter", "period") || ord is 1 or 2 && IsAny(head, "half", "quarters"))
            {
                if (the && p[j + 1].HyphenBefore && j == i + 1)
                {
                    return null; // "the third-quarter loss": the adjective alone is the expression
                }

                var half = IsAny(head, "half", "quarters");
                var k = head + 1;
                if (yearShift is { } ys)
                {
                    return Rel(i, k, "DATE", half ? "year's-half" : "year's-quarter", dct => half ? TimeValues.Half(dct.Year + ys, ord.Value) : TimeValues.Quarter(dct.Year + ys, ord.Value));
                }

                if (IsAny(k, "of", ",") && (IsYear(k + 1, out var y1) || (Is(k + 1, "fiscal") && IsYear(k + 2, out y1))))
                {
                    yearGiven = y1;
                    k += W(k + 1) == "fiscal" ? 3 : 2;
                }
                else if (Is(k, "of") && IsAny(k + 1, "this", "the") && Is(k + 2, "year") && !IsAny(k + 3, "before", "after", "earlier", "ago"))
                {
                    k += 3; // "the first half of this year", "the third quarter of the year"
                }
                else if (yearGiven is null && W(k).Length == 4 && IsYear(k, out var y2))
                {
                    yearGiven = y2; // "third-quarter 1997 results", "the fourth quarter 1996"
                    k++;
                }
                else if (Is(k, "of") && Is(k + 1, "next") && Is(k + 2, "year"))
                {
                    return Rel(i, k + 3, "DATE", "quarter-next-year", dct => half ? TimeValues.Half(dct.Year + 1, ord.Value) : TimeValues.Quarter(dct.Year + 1, ord.Value));
                }
                else if (Is(k, "of") && Is(k + 1, "last") && Is(k + 2, "year"))
                {
                    return Rel(i, k + 3, "DATE", "quarter-last-year", dct => half ? TimeValues.Half(dct.Year - 1, ord.Value) : TimeValues.Quarter(dct.Year - 1, ord.Value));
                }

                if (yearGiven is { } yg)
                {
                    return Abs(i, k, "DATE", half ? TimeValues.Half(yg, ord.Value) : TimeValues.Quarter(yg, ord.Value), half ? "half-year" : "quarter-year");
                }

                var tense = TenseOf(i, k);
                return Rel(i, k, "DATE", half ? "half" : "quarter", dct =>
                {
                    var y = dct.Year;
                    var current = half ? ((dct.Month - 1) / 6) + 1 : TimeValues.QuarterOf(dct);
                    if (tense == Tense.Past && ord.Value > current && !(the && W(i + 1) == "this"))
                    {
                        y--;
                    }

                    return half ? TimeValues.Half(y, ord.Value) : TimeValues.Quarter(y, ord.Value);
                }, "dct+tense:" + TenseName(tense));
            }

            // "the 1988 quarter", "the 1988 period": the year given, the quarter of the last quarter mentioned
            if (the && yearGiven is { } gy && j == i + 2 && IsAny(j, "quarter", "period"))
            {
                return ctx.LastReference is { } lq && TimeValues.GrainOf(lq) == Grain.Quarter
                    ? Abs(i, j + 1, "DATE", TimeValues.Year(gy) + lq[4..], "the-year-quarter")
                    : W(j) == "quarter" && ctx.Dct is { } qd
                        ? new Candidate(i, j + 1, "DATE", TimeValues.Year(gy) + LastCompletedQuarter(qd)[4..], null, null, "the-year-quarter", "dct", null)
                        : Abs(i, j + 1, "DATE", TimeValues.Year(gy), "the-year-period");
            }

            // "the quarter", "the latest quarter", "the year-earlier quarter", "the year-ago period"
            if (the && IsYear(j, out var py) && IsAny(j + 1, "quarter", "period"))
            {
                if (ctx.LastReference is { } lr && TimeValues.GrainOf(lr) == Grain.Quarter)
                {
                    return Abs(i, j + 2, "DATE", TimeValues.Year(py) + lr[4..], "the-year-quarter");
                }

                return Abs(i, j + 2, "DATE", TimeValues.Year(py), "the-year-period");
            }

            if (the || IsAny(i, "year-end"))
            {
                if (Is(j, "latest") && IsAny(j + 1, "quarter", "period"))
                {
                    return Rel(i, j + 2, "DATE", "latest-quarter", LastCompletedQuarter);
                }

                if (Is(j, "year") && IsAny(j + 1, "earlier", "ago") && Ordinal(W(j + 2)) is { } yq and >= 1 and <= 4 && Is(j + 3, "quarter"))
                {
                    return Rel(i, j + 4, "DATE", "year-earlier-ordinal-quarter", dct => TimeValues.Quarter(dct.Year - 1, yq));
                }

                if (Is(j, "year") && IsAny(j + 1, "earlier", "ago") && IsAny(j + 2, "quarter", "period", "level", "months"))
                {
                    var prev = Previous(i, j + 3, "DATE", "year-earlier-period", "year", -1);
                    return W(j + 2) == "quarter" && TimeValues.FirstDay(prev.Value) is { } qd && TimeValues.GrainOf(prev.Value) == Grain.Day
                        ? prev with { Value = TimeValues.Quarter(qd.Year, TimeValues.QuarterOf(qd)) }
                        : prev;
                }

                if (Is(j, "quarter") && !Is(j + 1, "century") && !Is(j + 1, "of") && !(j + 1 < _n && p[j + 1].HyphenBefore))
                {
                    return Rel(i, j + 1, "DATE", "the-quarter", LastCompletedQuarter);
                }
            }

            if (Is(i, "year") && IsAny(i + 1, "earlier", "ago") && p.Count > i + 1 && p[i + 1].HyphenBefore)
            {
                if (ctx.LastReference is { } lr && TimeValues.GrainOf(lr) == Grain.Quarter)
                {
                    return Previous(i, i + 2, "DATE", "year-earlier", "year", -1);
                }

                return Rel(i, i + 2, "DATE", "year-earlier", dct => TimeValues.Year(dct.Year - 1));
            }

            if (Is(i, "year") && (Is(i + 1, "end") || (Is(i + 1, "'s") && Is(i + 2, "end"))) && !(p.Count > i + 1 && p[i + 1].HyphenBefore))
            {
                var ye = Is(i + 1, "'s") ? i + 3 : i + 2;
                var start = IsAny(i - 1, "around", "about") ? i - 1 : i;
                return Rel(start, ye, "DATE", "year-end", dct => TimeValues.Year(dct.Year), mod: start < i ? "APPROX" : "END");
            }

            if (Is(i, "year") && Is(i + 1, "end") && p.Count > i + 1 && p[i + 1].HyphenBefore || Is(i, "year-end"))
            {
                var e = Is(i, "year-end") ? i + 1 : i + 2;
                return Rel(i, e, "DATE", "year-end", dct => TimeValues.Year(dct.Year), mod: "END");
            }

            return null;
        }

        private static string LastCompletedQuarter(DateOnly dct)
        {
            var q = (dct.Year * 4) + TimeValues.QuarterOf(dct) - 2;
            return TimeValues.Quarter(q / 4, (q % 4) + 1);
        }

        /// <summary>
        /// Durations: "two years", "10-year", "the past two months", "the next few days", "the first nine months",
        /// "several weeks", "years", "24 hours".
        /// </summary>
        private Candidate? Duration(int i)
        {
            if (LongCompounds.TryGetValue(W(i), out var longUnit))
            {
                return Dur(i, i + 1, DurationValue(1, longUnit), "long-compound"); // "a weeklong strike"
            }

            var j = i;
            var the = Is(j, "the");
            if (the)
            {
                j++;
            }

            var lead = W(j);
            var hasLead = false;
            if (lead is "past" or "last" or "next" or "coming" or "first" or "final" or "previous" or "following" or "latest" or "recent" or "same" or "entire" or "whole" or "full" or "remaining" or "initial" or "ensuing" or "succeeding" or "preceding")
            {
                hasLead = true;
                j++;
            }
            else if (!the && lead is "another" or "additional" or "further")
            {
                hasLead = true;
                j++;
            }

            if (hasLead && lead is "another" or "additional" or "further" && Units.TryGetValue(W(j), out var oneMore) && W(j) == oneMore && oneMore is not "weekend" and not "second")
            {
                return Dur(i, j + 1, DurationValue(1, oneMore), "another-unit"); // "for another year"
            }

            if (Number(j, out var n, out var k))
            {
                if (n == -2)
                {
                    // "half a year", "half an hour"
                    if (Unit(k, out var hu) && !W(k).EndsWith('s'))
                    {
                        var v = hu switch { "year" => "P6M", "hour" => "PT30M", "day" => "PT12H", "month" => "P2W", _ => DurationValue(-1, hu) };
                        return Dur(i, k + 1, v, "half-unit");
                    }

                    return null;
                }

                // "two to three weeks", "12 to 18 months", "two or three days"
                var rangeEnd = k;
                var isRange = false;
                if (IsAny(k, "to", "or", "-") && Number(k + 1, out var n2, out var k2) && n2 > 0)
                {
                    rangeEnd = k2;
                    isRange = true;
                }

                if (IsAny(rangeEnd, "more", "additional", "extra", "further", "full", "straight", "consecutive", "trading", "business", "working") && Units.ContainsKey(W(rangeEnd + 1)))
                {
                    rangeEnd++;
                }

                if (!Unit(rangeEnd, out var unit))
                {
                    return null;
                }

                if (n == 1 && W(j) is "a" or "an" && (!hasLead && !the) && unit != "fortnight")
                {
                    // "a year" alone: a set after a rate ("5% a year"), else a duration
                    if (IsRate(i - 1))
                    {
                        return new Candidate(i, rangeEnd + 1, "SET", DurationValue(1, unit), null, "EACH", "rate-a-unit", "absolute", null);
                    }
                }

                if (unit == "quarter" && (Is(rangeEnd + 1, "century") || Is(rangeEnd + 1, "of")))
                {
                    return null; // "a quarter of the market", "three-quarters of its food"
                }

                if (rangeEnd + 1 < _n && p[rangeEnd + 1].HyphenBefore && IsAny(rangeEnd + 1, "earlier", "ago"))
                {
                    return null;
                }

                if (IsAny(rangeEnd + 1, "old", "older", "younger") || (Is(rangeEnd + 1, "of") && Is(rangeEnd + 2, "age")))
                {
                    return null; // ages are not temporal expressions in TimeML practice: "52 years old", "a 36-year-old envoy"
                }

                if (unit == "second" && W(j) is "a" or "an" && !Is(j, "seconds"))
                {
                    return null; // "a second group"
                }

                var end = rangeEnd + 1;
                if (Is(end, "or") && Is(end + 1, "so"))
                {
                    end += 2;
                }

                if (W(j) == "one" && unit == "day" && !hasLead && !the && end < _n && (p[end].Tag.StartsWith("VB", StringComparison.Ordinal) || Is(end, ",")) && !IsAny(i - 1, "for", "in", "within", "after", "of"))
                {
                    return Rel(i, end, "DATE", "one-day", _ => "FUTURE_REF"); // "will one day be"
                }

                if (IsAny(end, "ago", "earlier", "later", "before", "after", "hence", "from") && Ago(i) is not null)
                {
                    return null; // the Ago rule handles it
                }

                var value = DurationValue(isRange ? -1 : n, unit);
                if (isRange && W(j) is "two")
                {
                    value = DurationValue(n, unit);
                }

                // "2 1/2 years", "two and a half years", "a minute and a half": the half in the next smaller unit
                var halfAfter = !isRange && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half") && !W(rangeEnd).EndsWith('s');
                var halfBefore = !isRange && k > j + 1 && (Is(k - 1, "1/2") || Is(k - 1, "half") || (Is(k - 1, "2") && Is(k - 2, "/")));
                if ((halfAfter || halfBefore) && n > 0 && HalfValue(n, unit) is { } hv)
                {
                    value = hv;
                    end += halfAfter ? 3 : 0;
                }

                if (unit == "hour" && n == 24 && the && hasLead)
                {
                    value = "P1D";
                }

                if (unit == "quarter" && hasLead && n > 0)
                {
                    value = DurationValue(3 * n, "month");
                }

                if (!hasLead && !the && n == 1 && W(j) is "a" or "an" && IsAny(i - 1, "per"))
                {
                    return null;
                }

                // a title is a proper name, not an expression: "the Ninth Five-Year Plan", "the Six-Day War"
                if (p[rangeEnd].HyphenBefore && p[rangeEnd].Capitalised && p[j].Capitalised && end < _n && p[end].Capitalised && p[end].Tag.StartsWith("NNP", StringComparison.Ordinal))
                {
                    return null;
                }

                // "the eight-year war": a compound adjective is the expression, the article belongs to the noun phrase
                var compound = p[rangeEnd].HyphenBefore || (!W(rangeEnd).EndsWith('s') && n > 1 && end < _n && p[end].Tag.StartsWith("NN", StringComparison.Ordinal));
                var start = the && !hasLead && compound && rangeEnd == k && k == j + 1 ? j : i;
                if (W(j) is "a" or "an" && !hasLead && !the && Is(end, "long") && p[end].HyphenBefore)
                {
                    start = rangeEnd; // "an hour-long speech": the compound without the article
                }
                return Dur(start, end, value, "number-unit");
            }

            // "the week-long festival", "a months-long siege": the compound adjective is the duration, the article is not
            var u2 = W(j);
            if (!hasLead && Units.TryGetValue(u2, out var hu2) && hu2 is not "weekend" and not "quarter" && Is(j + 1, "long") && p[j + 1].HyphenBefore)
            {
                return Dur(j, j + 2, DurationValue(u2 == hu2 ? 1 : -1, hu2), "unit-long");
            }

            // plural unit alone: "years", "the years", "recent weeks", "the coming months", "the past few days"
            if (Units.TryGetValue(u2, out var pu) && u2.EndsWith('s') && pu is not "second" and not "weekend")
            {
                var prev = W(i - 1);
                // ... or the object of a verb: "could take months", "follows months of talks", "lasted years"
                var objectOfVerb = i > 0 && i == j && p[i - 1].Tag.StartsWith("VB", StringComparison.Ordinal) && pu is "day" or "week" or "month" or "year" or "decade" or "hour" or "minute";
                if (hasLead || the || objectOfVerb || prev is "for" or "in" or "over" or "within" or "recent" or "several" or "many" or "few" or "coming")
                {
                    if (!the && lead is "recent" or "past" or "coming")
                    {
                        return Rel(i, j + 1, "DATE", lead + "-units", _ => lead == "coming" ? "FUTURE_REF" : "PAST_REF");
                    }

                    return Dur(i, j + 1, DurationValue(-1, pu), "plural-unit");
                }
            }

            // "the year", "the week", "the day": the unit as a period
            if (the && !hasLead && u2 == "weekend" && !IsAny(j + 1, "of", "'s"))
            {
                var wt = TenseOf(i, j + 1);
                return Rel(i, j + 1, "DATE", "the-weekend", dct =>
                {
                    var dow = (((int)dct.DayOfWeek + 6) % 7) + 1;
                    var week = wt == Tense.Future || dow >= 6 ? dct : dct.AddDays(-7);
                    return TimeValues.Week(week) + "-WE";
                }, "dct+tense:" + TenseName(wt));
            }

            // "the fiscal year ended June 30": the twelve months up to that day; "for the fiscal year": the DCT's year
            if (the && !hasLead && Is(j, "fiscal") && Is(j + 1, "year") && !Is(j + 2, "'s"))
            {
                return IsAny(j + 2, "ended", "ending", "ends") || IsAny(i - 1, "throughout", "over")
                    ? Dur(i, j + 2, "P1Y", "the-fiscal-year-ended")
                    : Rel(i, j + 2, "DATE", "the-fiscal-year", dct => TimeValues.Year(dct.Year));
            }

            if (the && !hasLead && Is(j, "week") && Is(j + 1, "'s"))
            {
                return Rel(i, j + 1, "DATE", "the-week", TimeValues.Week);
            }

            if (the && !hasLead && Units.TryGetValue(u2, out var su) && u2 == su && su is "year" or "week" && !IsAny(j + 1, "earlier", "ago", "before", "after", "of", "'s", "end", "-"))
            {
                // "the year ended Sept. 30" is the twelve months up to that day (a duration); otherwise "the year"
                // ("for the year", "earlier in the year", "a high for the year") is the year of the DCT
                return su == "week" ? Rel(i, j + 1, "DATE", "the-week", TimeValues.Week)
                    : IsAny(j + 1, "ended", "ending", "ends", "through", "to", "since") || IsAny(i - 1, "throughout", "over") ? Dur(i, j + 1, "P1Y", "the-year")
                    : Rel(i, j + 1, "DATE", "the-year", dct => TimeValues.Year(dct.Year));
            }

            if (the && (!hasLead || lead is "full" or "whole" or "entire") && Is(j, "year") && (lead is "full" or "whole" or "entire" || IsAny(j + 1, "ended", "ending")))
            {
                return Rel(i, j + 1, "DATE", "the-year-dct", dct => TimeValues.Year(dct.Year));
            }

            if (the && hasLead && Units.TryGetValue(u2, out var lu) && u2 == lu && lead is "first" or "final" or "entire" or "whole" or "full" && lu is "year" or "month" or "week" or "day")
            {
                return Dur(i, j + 1, DurationValue(1, lu), "the-lead-unit");
            }

            return null;
        }

        private static string? HalfValue(int n, string unit) => unit switch
        {
            "year" => string.Create(Inv, $"P{n}Y6M"),
            "day" => string.Create(Inv, $"P{n}DT12H"),
            "hour" => string.Create(Inv, $"PT{n}H30M"),
            "minute" => string.Create(Inv, $"PT{n}M30S"),
            _ => null,
        };

        private Candidate Dur(int start, int end, string value, string rule) => new(start, end, "DURATION", value, null, null, rule, "absolute", null);

        private bool IsRate(int j) => j >= 0 && (W(j) is "%" or "percent" or "cents" or "dollars" or "times" or "euros" or "pounds" or "yen" or "shares" or "barrels" or "tons" or "units" or "copies" or "people" or "visitors" or "once" or "twice"
            || (W(j).Length > 0 && char.IsAsciiDigit(W(j)[0]) && j > 0 && W(j - 1) is "$" or "€" or "£") || W(j) is "billion" or "million" or "trillion" || CountedPlural(j));

        /// <summary>A counted plural noun right before "a week": "four flights a week", "300 cars a day" (a rate, so a SET).</summary>
        private bool CountedPlural(int j)
        {
            if (p[j].Tag != "NNS")
            {
                return false;
            }

            for (var k = j - 1; k >= Math.Max(0, j - 3); k--)
            {
                if (p[k].Tag == "CD" || Number(k, out _, out _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"two years ago", "a year earlier", "three days later", "two weeks from now", "a week before".</summary>
        private Candidate? Ago(int i)
        {
            if (!Number(i, out var n, out var k) || n == 0)
            {
                return null;
            }

            if (!Unit(k, out var unit) || unit is "weekend" or "fortnight" or "millennium")
            {
                return null;
            }

            var e = k + 1;
            if (Is(e, "or") && Is(e + 1, "so"))
            {
                e += 2;
            }

            var w = W(e);
            if (e < _n && p[e].HyphenBefore)
            {
                return null; // "year-earlier", "year-ago": adjectives, handled by the quarter rule
            }

            var sign = w switch { "ago" or "earlier" or "before" => -1, "later" or "after" or "hence" => 1, "from" when Is(e + 1, "now") => 1, _ => 0 };
            if (sign == 0)
            {
                return null;
            }

            if (w is "before" or "after" && !IsAny(e + 1, ".", ",", "that", "then", string.Empty) && !(e + 1 < _n && p[e + 1].Tag is "." or "," or ":"))
            {
                // "two days before the election", "twenty years after the first flight": a duration in a relation
                // to an event, not a date ("two days after that", "a week after," stay dates)
                return null;
            }

            var end = w == "from" ? e + 2 : e + 1;
            if (unit is "second" or "minute" or "hour" || LaterIsSignal(w, unit))
            {
                return null; // "two hours later", "three days later": TimeML marks the duration "three days", "later" is a signal
            }

            var count = n < 0 ? 1 : n;
            if (w is "ago" or "from" or "hence")
            {
                if (n < 0)
                {
                    return Rel(i, end, "DATE", "units-" + w, _ => w == "ago" ? "PAST_REF" : "FUTURE_REF");
                }

                if (w == "ago" && unit == "year" && ctx.LastReference is { } lr && TimeValues.GrainOf(lr) == Grain.Quarter)
                {
                    return Previous(i, end, "DATE", "units-ago:quarter", unit, sign * count);
                }

                return Rel(i, end, "DATE", "units-" + w, dct => AgoValue(dct, unit, sign * count));
            }

            return n < 0
                ? Rel(i, end, "DATE", "units-" + w, _ => sign < 0 ? "PAST_REF" : "FUTURE_REF")
                : Previous(i, end, "DATE", "units-" + w, unit, sign * count);
        }

        /// <summary>
        /// TimeML practice for "N units later/earlier" in narrative: the duration is the expression and the adverb a
        /// signal ("three days later", "a day earlier"). Only "a year earlier", "a month earlier" (comparisons with the
        /// same period of an earlier year or month, as in results) stay dates.
        /// </summary>
        private static bool LaterIsSignal(string adverb, string unit) => adverb == "later" || (adverb == "earlier" && unit is "day" or "week");

        private static string AgoValue(DateOnly dct, string unit, int n) => unit switch
        {
            "year" => TimeValues.Year(dct.Year + n),
            "month" => TimeValues.Month(dct.AddMonths(n).Year, dct.AddMonths(n).Month),
            "quarter" => TimeValues.Quarter(dct.AddMonths(3 * n).Year, TimeValues.QuarterOf(dct.AddMonths(3 * n))),
            "week" => TimeValues.Week(dct.AddDays(7 * n)),
            "day" => TimeValues.Day(dct.AddDays(n)),
            "decade" => ((dct.Year / 10) + n).ToString("D3", Inv),
            "century" => ((dct.Year / 100) + n).ToString("D2", Inv),
            _ => TimeValues.Day(dct),
        };

        /// <summary>
        /// "today"/"tomorrow" naming an age rather than a day: after "of" that follows a noun ("the cities of
        /// tomorrow", "the students of today", not "the morning of tomorrow"), or "today's" before "world",
        /// "society" or "generation".
        /// </summary>
        private bool GenericDay(int i)
        {
            if (Is(i - 1, "of") && i >= 2 && p[i - 2].Tag.StartsWith("NN", StringComparison.Ordinal) && !p[i - 2].Capitalised
                && !Units.ContainsKey(W(i - 2)) && !DayParts.ContainsKey(W(i - 2)) && !Is(i + 1, "'s"))
            {
                return true;
            }

            return W(i) == "today" && Is(i + 1, "'s") && IsAny(i + 2, "world", "society", "generation", "youth");
        }

        /// <summary>
        /// A frequency adjective used as a noun (a dividend, a newspaper): after a determiner or possessive, possibly
        /// with an adjective between, and not before a noun: "its first quarterly of ten cents", "a new weekly".
        /// </summary>
        private bool FrequencyNoun(int i)
        {
            if (i + 1 < _n && p[i + 1].Tag.StartsWith("NN", StringComparison.Ordinal))
            {
                return false;
            }

            static bool Det(string tag) => tag is "DT" or "PRP$" or "POS";
            return i >= 1 && (Det(p[i - 1].Tag) || (p[i - 1].Tag == "JJ" && i >= 2 && Det(p[i - 2].Tag)));
        }

        /// <summary>Sets: "each year", "every Monday", "daily", "annually", "per year", "twice a week".</summary>
        private Candidate? SetExpression(int i)
        {
            var w = W(i);
            if (w is "daily" or "nightly" or "weekly" or "biweekly" or "monthly" or "annually" or "yearly" or "hourly" or "quarterly"
                && (FrequencyNoun(i) || IsAny(i - 1, "%", "percent", "points")))
            {
                return null; // a noun ("its first quarterly"), or the period of a growth rate ("to grow 6% annually")
            }

            switch (w)
            {
                case "daily" or "nightly" when i + 1 >= _n || !p[i + 1].Tag.StartsWith("NN", StringComparison.Ordinal):
                    return Set(i, i + 1, w == "daily" ? "P1D" : "XXXX-XX-XXTNI", null, "adverb-set");
                case "weekly" or "biweekly":
                    return Set(i, i + 1, w == "weekly" ? "P1W" : "P2W", null, "adverb-set");
                case "monthly":
                    return Set(i, i + 1, "P1M", null, "adverb-set");
                case "annually" or "yearly":
                    return Set(i, i + 1, "P1Y", null, "adverb-set");
                case "hourly":
                    return Set(i, i + 1, "PT1H", null, "adverb-set");
                case "quarterly" when i + 1 >= _n || !p[i + 1].Tag.StartsWith("NN", StringComparison.Ordinal):
                    return Set(i, i + 1, "P3M", null, "adverb-set");
                case "each" or "every" or "per":
                    break;
                default:
                    return null;
            }

            var quant = w == "per" ? null : w.ToUpperInvariant();
            var j = i + 1;
            if (Is(j, "other"))
            {
                j++;
            }

            var every = W(i + 1) == "other" ? 2 : 1;
            if (Number(j, out var n, out var k) && n > 1 && Unit(k, out var nu))
            {
                return Set(i, k + 1, DurationValue(n, nu), quant, "each-n-units");
            }

            if (IsAny(j, "few", "several") && Unit(j + 1, out var fu) && W(j + 1).EndsWith('s'))
            {
                return Set(i, j + 2, DurationValue(-1, fu), quant, "each-few-units"); // "every few minutes"
            }

            if (Is(j, "half") && Is(j + 1, "hour"))
            {
                return Set(i, j + 2, "PT30M", quant, "each-half-hour"); // "every half hour"
            }

            if (Unit(j, out var unit))
            {
                return Set(i, j + 1, DurationValue(every, unit), quant, "each-unit");
            }

            if (Weekdays.TryGetValue(W(j), out var dow))
            {
                var (pe, suffix) = DayPartAfter(j + 1);
                return Set(i, pe, "XXXX-WXX-" + dow.ToString(Inv) + (suffix ?? string.Empty), quant, "each-weekday");
            }

            if (Months.TryGetValue(W(j), out var month) && p[j].Capitalised)
            {
                return Set(i, j + 1, "XXXX-" + month.ToString("D2", Inv), quant, "each-month");
            }

            if (Seasons.TryGetValue(W(j), out var season))
            {
                return Set(i, j + 1, "XXXX-" + season, quant, "each-season");
            }

            if (DayParts.TryGetValue(W(j), out var part))
            {
                return Set(i, j + 1, "XXXX-XX-XXT" + part, quant, "each-daypart");
            }

            return null;
        }

        private static Candidate Set(int start, int end, string value, string? quant, string rule) => new(start, end, "SET", value, null, quant, rule, "absolute", null);

        /// <summary>PRESENT_REF, PAST_REF, FUTURE_REF: "now", "currently", "recently", "the past", "the future", "soon".</summary>
        private Candidate? Fuzzy(int i)
        {
            var w = W(i);
            if (PresentRef.ContainsKey(w))
            {
                if (w == "now" && (i == 0 || (i == 1 && IsAny(0, "\"", "``", "'", "`", "“"))) && IsAny(i + 1, ",", "for"))
                {
                    return null; // a discourse marker opening the sentence: "Now, consider the costs", "Now for the weather"
                }

                if (w == "current" && IsAny(i + 1, "account", "accounts", "affairs", "events", "status", "president", "prime", "minister", "government", "administration", "leadership", "chairman", "head", "leader", "members", "member", "form", "version", "issue", "crisis", "situation", "system", "rules", "law", "laws"))
                {
                    return null;
                }

                if (w == "current" && IsAny(i + 1, "quarter", "year", "month", "week", "period", "fiscal"))
                {
                    return null;
                }

                if (w == "current" && Is(i - 1, "then") && i + 1 < _n && p[i + 1].Tag.StartsWith("NN", StringComparison.Ordinal))
                {
                    return Rel(i - 1, i + 1, "DATE", "then-current", _ => "PAST_REF"); // "the then current price": current at a past time
                }

                if (w == "immediately")
                {
                    return null;
                }

                return Rel(i, i + 1, "DATE", "present-ref", _ => "PRESENT_REF");
            }

            if (w is "right" && Is(i + 1, "now"))
            {
                return Rel(i, i + 2, "DATE", "present-ref", _ => "PRESENT_REF");
            }

            if (w is "at" && Is(i + 1, "present"))
            {
                return Rel(i + 1, i + 2, "DATE", "present-ref", _ => "PRESENT_REF");
            }

            if (w is "these" && Is(i + 1, "days"))
            {
                return Rel(i, i + 2, "DATE", "present-ref", _ => "PRESENT_REF");
            }


            if (PastRef.Contains(w))
            {
                if (w == "recent" && (Units.ContainsKey(W(i + 1)) || IsAny(i + 1, "past")))
                {
                    return null;
                }

                return Rel(i, i + 1, "DATE", "past-ref", _ => "PAST_REF");
            }

            if (w == "the" && Is(i + 1, "past") && !Units.ContainsKey(W(i + 2)) && !Number(i + 2, out _, out _))
            {
                return Rel(i, i + 2, "DATE", "the-past", _ => "PAST_REF");
            }

            if (w == "the" && IsAny(i + 1, "recent", "distant") && Is(i + 2, "past"))
            {
                return Rel(i, i + 3, "DATE", "the-past", _ => "PAST_REF");
            }

            if (FutureRef.Contains(w))
            {
                if (w is "soon" or "shortly" && (IsAny(i - 1, "as", "too", "how") || IsAny(i + 1, "after", "afterwards", "thereafter", "before")))
                {
                    return null;
                }

                if (w == "future" && IsAny(i - 1, "the", "near", "foreseeable", "distant", "immediate") && !(Is(i - 1, "the") && Is(i - 2, "in")))
                {
                    return null;
                }

                if (w == "future" && i + 1 < _n && (p[i + 1].Tag.StartsWith("NN", StringComparison.Ordinal) || p[i + 1].Tag == "JJ"))
                {
                    return null; // an attribute of its noun, not a time: "future talks", "any future agreement"
                }

                return Rel(i, i + 1, "DATE", "future-ref", _ => "FUTURE_REF");
            }

            if (w == "the" && IsAny(i + 1, "near", "short", "long") && Is(i + 2, "term") && !p[i + 2].HyphenBefore)
            {
                return Rel(i, i + 3, "DATE", "future-ref", _ => "FUTURE_REF");
            }

            if (w == "a" && Is(i + 1, "while") && IsAny(i - 1, "for", "in", "after"))
            {
                return new Candidate(i, i + 2, "DURATION", "PXX", null, null, "a-while", "absolute", null);
            }

            if (w == "the" && IsAny(i + 1, "near", "distant", "immediate") && Is(i + 2, "future"))
            {
                return Rel(i, i + 3, "DATE", "future-ref", _ => "FUTURE_REF");
            }

            if (w == "the" && Is(i + 1, "future") && !Is(i + 2, "of"))
            {
                return Rel(i, i + 2, "DATE", "future-ref", _ => "FUTURE_REF");
            }

            return null;
        }

        /// <summary>Anaphoric dates: "the same day", "that day", "the next day", "the day before", "the following week".</summary>
        private Candidate? Anaphoric(int i)
        {
            var w = W(i);
            if (w is "that" or "the" && Units.TryGetValue(W(i + 1), out var u) && W(i + 1) == u && u is "day" or "week" or "month" or "year")
            {
                if (w == "the" && IsAny(i + 2, "before", "after") && !IsAny(i + 3, "yesterday", "tomorrow"))
                {
                    var after = W(i + 2) == "after";
                    return Previous(i, i + 3, "DATE", "the-unit-" + W(i + 2), u, after ? 1 : -1);
                }

                if (w == "that" && i + 2 < _n && p[i + 2].Tag.StartsWith("NN", StringComparison.Ordinal))
                {
                    return null; // "that day trader"
                }

                if (w == "that")
                {
                    return Previous(i, i + 2, "DATE", "that-unit", u, 0);
                }
            }

            if (w == "that" && Is(i + 1, "quarter") && ctx.LastReference is { } lq && TimeValues.GrainOf(lq) == Grain.Quarter)
            {
                return new Candidate(i, i + 2, "DATE", lq, null, null, "that-quarter", "previous:" + lq, null);
            }

            if (IsAny(i - 2, "later", "earlier") && Is(i - 1, "in") && w == "the" && IsAny(i + 1, "day", "week", "month", "year") && !IsAny(i + 2, "of", "'s"))
            {
                var unit = W(i + 1);
                return unit == "day"
                    ? Previous(i, i + 2, "DATE", "later-in-the-day", "day", 0) // the day of the narrative: "On Sunday ... Earlier in the day"
                    : Rel(i, i + 2, "DATE", "later-in-the-unit", dct => TimeValues.Shift(dct, unit, 0));
            }

            if (w is "the" && Is(i + 1, "same") && Units.TryGetValue(W(i + 2), out var su) && su is "day" or "week" or "month" or "year" or "time" or "period")
            {
                return Previous(i, i + 3, "DATE", "the-same-unit", su, 0);
            }

            if (w == "the" && Is(i + 1, "night") && IsAny(i + 2, "before", "after") && !IsAny(i + 3, "last", "yesterday", "tomorrow"))
            {
                // "the night before": the day before the day of the narrative (a part of a day is the day, as "last night")
                return Previous(i, i + 3, "DATE", "the-night-" + W(i + 2), "day", W(i + 2) == "after" ? 1 : -1);
            }

            if (w is "a" or "one" or "the" && Is(i + 1, "day") && IsAny(i + 2, "later", "earlier") && !(w != "the" && LaterIsSignal(W(i + 2), "day")))
            {
                return Previous(i, i + 3, "DATE", "a-day-" + W(i + 2), "day", W(i + 2) == "later" ? 1 : -1);
            }

            return null;
        }

        /// <summary>
        /// "Today is the eighth day of the blockade", "It's the second day of the strike": an ordinal day of a running
        /// event, said in the present, is the DCT's day.
        /// </summary>
        private Candidate? NthDayToday(int i)
        {
            var j = Is(i, "the") ? i + 1 : i;
            if (!(Ordinal(W(j)) is >= 1 and <= 366 && Is(j + 1, "day") && Is(j + 2, "of")))
            {
                return null;
            }

            var cop = j == i + 1 ? i - 1 : i - 2; // "is the eighth day", "is its eighth day" (the possessive before the ordinal)
            if (j == i && !IsAny(i - 1, "its", "their"))
            {
                return null;
            }

            var present = (IsAny(cop, "is", "'s") && (IsAny(cop - 1, "today", "it", "this", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday") || IsAny(cop - 2, "today")))
                || (j == i && Is(cop, "in") && IsAny(cop - 1, "is", "'s", "are")); // "the strike is in its third day"
            return present ? Rel(i, j + 2, "DATE", "nth-day-today", TimeValues.Day) : null;
        }

        /// <summary>"the morning", "the afternoon" (of the day of the DCT).</summary>
        private Candidate? DayPart(int i)
        {
            // "the night of March 4": the part of that day
            if (Is(i, "the") && IsAny(i + 1, "morning", "afternoon", "evening", "night") && Is(i + 2, "of") && (MonthLed(i + 3) ?? DayMonth(i + 3) ?? WeekdayLed(i + 3)) is { } of
                && TimeValues.GrainOf(of.Value) == Grain.Day && of.Value is { } ov)
            {
                return of with { Start = i, Type = "TIME", Value = ov[..10] + "T" + DayParts[W(i + 1)], Rule = "the-daypart-of+" + of.Rule };
            }

            // "that night", "that morning": the part of the last day mentioned (or of the DCT's day)
            if (Is(i, "that") && IsAny(i + 1, "morning", "afternoon", "evening", "night") && !(i + 2 < _n && p[i + 2].Tag.StartsWith("NN", StringComparison.Ordinal)))
            {
                var part = DayParts[W(i + 1)];
                if (ctx.LastReference is { } day && TimeValues.GrainOf(day) == Grain.Day)
                {
                    return new Candidate(i, i + 2, "TIME", day[..10] + "T" + part, null, null, "that-daypart", "previous:" + day, null);
                }

                return Rel(i, i + 2, "TIME", "that-daypart", dct => TimeValues.Day(dct) + "T" + part);
            }

            if (Is(i, "the") && IsAny(i + 1, "morning", "afternoon", "evening") && !IsAny(i + 2, "of", "after", "before", "newspaper", "paper", "session", "edition", "news", "show"))
            {
                var part = DayParts[W(i + 1)];
                if (ctx.LastReference is { } last && TimeValues.GrainOf(last) == Grain.Day)
                {
                    return new Candidate(i, i + 2, "TIME", last[..10] + "T" + part, null, null, "the-daypart", "previous:" + last, null);
                }

                return Rel(i, i + 2, "TIME", "the-daypart", dct => TimeValues.Day(dct) + "T" + part);
            }

            var two = IsAny(i, "mid", "mid-") && IsAny(i + 1, "afternoon", "morning");
            if (IsAny(i, "mid-afternoon", "midafternoon", "mid-morning", "midmorning") || two)
            {
                var part = DayParts[W(two ? i + 1 : i)];
                var e = two ? i + 2 : i + 1;
                if (IsAny(e, "yesterday", "today", "tomorrow"))
                {
                    var off = W(e) switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
                    return Rel(i, e + 1, "TIME", "daypart-day", dct => TimeValues.Day(dct.AddDays(off)) + "T" + part);
                }

                return Rel(i, e, "TIME", "daypart", dct => TimeValues.Day(dct) + "T" + part);
            }

            return null;
        }

        /// <summary>"summer", "the summer of 1990", "spring 2021", "the fall".</summary>
        private Candidate? SeasonLed(int i)
        {
            var j = i;
            var the = Is(j, "the");
            if (the)
            {
                j++;
            }

            if (!Seasons.TryGetValue(W(j), out var season))
            {
                return null;
            }

            if (W(j) == "fall" && (p[j].Tag.StartsWith("VB", StringComparison.Ordinal) || !the && !IsYear(j + 1, out _)))
            {
                return null;
            }

            if (W(j) == "spring" && !the && !IsYear(j + 1, out _))
            {
                return null;
            }

            if (IsYear(j + 1, out var y))
            {
                return Abs(i, j + 2, "DATE", TimeValues.Year(y) + "-" + season, "season-year");
            }

            if (Is(j + 1, "of") && IsYear(j + 2, out y))
            {
                return Abs(i, j + 3, "DATE", TimeValues.Year(y) + "-" + season, "season-of-year");
            }

            if (SpelledYear(Is(j + 1, "of") ? j + 2 : j + 1, out var sy, out var se))
            {
                return Abs(i, se, "DATE", TimeValues.Year(sy) + "-" + season, "season-spelled-year");
            }

            if (IsAny(j + 1, "of", "'s"))
            {
                return null;
            }

            var tense = TenseOf(i, j + 1);
            return Rel(i, j + 1, "DATE", "season", dct => TimeValues.Year(SeasonYear(dct, season, tense == Tense.Past ? -1 : tense == Tense.Future ? 1 : 0)) + "-" + season, "dct+tense:" + TenseName(tense));
        }

        /// <summary>Fixed-date holidays: "Christmas", "Christmas Eve", "New Year's Day", "New Year's Eve".</summary>
        private Candidate? Holiday(int i)
        {
            int month, day, end;
            if (Is(i, "christmas") && p[i].Capitalised)
            {
                (month, day, end) = Is(i + 1, "eve") ? (12, 24, i + 2) : (12, 25, Is(i + 1, "day") ? i + 2 : i + 1);
            }
            else if (Is(i, "new") && Is(i + 1, "year") && Is(i + 2, "'s") && IsAny(i + 3, "day", "eve") && p[i].Capitalised)
            {
                (month, day, end) = W(i + 3) == "eve" ? (12, 31, i + 4) : (1, 1, i + 4);
            }
            else if (p.Count > i && p[i].Capitalised && MovableHoliday(i) is { } movable)
            {
                if (IsYear(movable.End, out var my))
                {
                    return Abs(i, movable.End + 1, "DATE", TimeValues.Day(movable.DateIn(my)), "holiday-year");
                }

                return DayInYearValue(i, movable.End, movable.DateIn, "holiday");
            }
            else
            {
                return null;
            }

            if (IsYear(end, out var y))
            {
                return Abs(i, end + 1, "DATE", TimeValues.Day(new DateOnly(y, month, day)), "holiday-year");
            }

            return MonthDayValue(i, end, month, day, "holiday");
        }

        /// <summary>
        /// Holidays whose day is computed for each year, or fixed but named: Easter (and Good Friday, Easter Monday), the
        /// US Thanksgiving, Labor Day and Memorial Day, Halloween, Valentine's Day, Boxing Day, Veterans Day.
        /// Returns the end of the name and the holiday's day in a given year.
        /// </summary>
        private (int End, Func<int, DateOnly> DateIn)? MovableHoliday(int i)
        {
            static DateOnly Nth(int y, int month, DayOfWeek dow, int n)
            {
                var first = new DateOnly(y, month, 1);
                var d = first.AddDays(((int)dow - (int)first.DayOfWeek + 7) % 7);
                if (n > 0)
                {
                    return d.AddDays(7 * (n - 1));
                }

                while (d.AddDays(7).Month == month)
                {
                    d = d.AddDays(7);
                }

                return d;
            }

            var dayWord = Is(i + 1, "day") && p.Count > i + 1 && p[i + 1].Capitalised;
            switch (W(i))
            {
                case "easter":
                    return Is(i + 1, "monday") ? (i + 2, y => TimeValues.Easter(y).AddDays(1))
                        : (IsAny(i + 1, "sunday", "day") ? i + 2 : i + 1, TimeValues.Easter);
                case "good" when Is(i + 1, "friday") && p.Count > i + 1 && p[i + 1].Capitalised:
                    return (i + 2, y => TimeValues.Easter(y).AddDays(-2));
                case "thanksgiving":
                    return (Is(i + 1, "day") ? i + 2 : i + 1, y => Nth(y, 11, DayOfWeek.Thursday, 4));
                case "labor" when dayWord:
                    return (i + 2, y => Nth(y, 9, DayOfWeek.Monday, 1));
                case "memorial" when dayWord:
                    return (i + 2, y => Nth(y, 5, DayOfWeek.Monday, -1));
                case "veterans" when dayWord:
                    return (i + 2, y => new DateOnly(y, 11, 11));
                case "halloween":
                    return (i + 1, y => new DateOnly(y, 10, 31));
                case "boxing" when dayWord:
                    return (i + 2, y => new DateOnly(y, 12, 26));
                case "valentine" when Is(i + 1, "'s") && Is(i + 2, "day"):
                    return (i + 3, y => new DateOnly(y, 2, 14));
                default:
                    return null;
            }
        }
    }
}
