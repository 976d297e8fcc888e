using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Actors;

/// <summary>One PETRARCH actor record: a primary phrase, its synonyms and its (possibly dated) codes.</summary>
internal sealed record ActorRecord(string Primary, List<string> Synonyms, List<CodeRestriction> Codes);

/// <summary>A code with an optional validity range (inclusive). For curated IGO roles <c>Code</c> is only the sector and <c>Org</c> names the organisation.</summary>
internal sealed record CodeRestriction(string Code, DateOnly? From, DateOnly? To, string? Org = null);

/// <summary>One agent phrase and its code (e.g. <c>~GOV</c>, <c>NGO~</c>).</summary>
internal sealed record AgentRecord(string Phrase, string Code);

/// <summary>One country name row (ISO-3, kind, text, source).</summary>
internal sealed record CountryName(string Iso3, string Kind, string Text, string Source);

/// <summary>Readers for the shared dictionary formats (PETRARCH2 actors and agents, NGEC CSVs, world-countries JSON).</summary>
internal static partial class DictionaryParsers
{
    /// <summary>Parses a PETRARCH/TABARI <c>.actors</c> file (primary phrase, <c>+</c>synonyms, tab-indented <c>[CODE date-date]</c> restrictions).</summary>
    public static List<ActorRecord> ParseActors(string content)
    {
        var records = new List<ActorRecord>();
        ActorRecord? current = null;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = StripComment(rawLine).TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            var codes = ParseRestrictions(line);
            var firstBracket = line.IndexOf('[', StringComparison.Ordinal);
            var phrasePart = (firstBracket >= 0 ? line[..firstBracket] : line).Trim();
            if (char.IsWhiteSpace(line[0]) && phrasePart.Length == 0)
            {
                current?.Codes.AddRange(codes);
                continue;
            }

            if (phrasePart.StartsWith('+'))
            {
                var synonym = Phrase(phrasePart[1..]);
                if (current is not null && synonym.Length > 0)
                {
                    current.Synonyms.Add(synonym);
                    current.Codes.AddRange(codes);
                }

                continue;
            }

            var primary = Phrase(phrasePart);
            if (primary.Length == 0)
            {
                current?.Codes.AddRange(codes);
                continue;
            }

            current = new ActorRecord(primary, [], [.. codes]);
            records.Add(current);
        }

        return records;
    }

    /// <summary>Parses a PETRARCH agents file, expanding <c>!MARKER!</c> substitution sets and explicit <c>{plural}</c> forms.</summary>
    public static List<AgentRecord> ParseAgents(string content)
    {
        var substitutions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new List<AgentRecord>();
        foreach (var rawLine in content.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            var sub = SubstitutionRegex().Match(line);
            if (sub.Success)
            {
                substitutions[sub.Groups[1].Value] = sub.Groups[2].Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
                continue;
            }

            var m = AgentRegex().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var code = m.Groups["code"].Value.Trim();
            if (code.Length == 0)
            {
                continue;
            }

            var forms = new List<string> { m.Groups["phrase"].Value };
            if (m.Groups["plural"].Success && m.Groups["plural"].Value.Trim().Length > 0)
            {
                forms.Add(m.Groups["plural"].Value);
            }

            foreach (var form in forms)
            {
                foreach (var expanded in Expand(form, substitutions))
                {
                    var phrase = Phrase(expanded);
                    if (phrase.Length > 0)
                    {
                        result.Add(new AgentRecord(phrase, code));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Parses NGEC <c>countries.csv</c> (CCA2, Name, CCA3, Nationality list).</summary>
    public static List<CountryName> ParseNgecCountries(string content)
    {
        var rows = new List<CountryName>();
        foreach (var fields in Csv(content).Skip(1))
        {
            if (fields.Count < 4 || fields[2].Length != 3)
            {
                continue;
            }

            var iso = fields[2].ToUpperInvariant();
            rows.Add(new CountryName(iso, "name", fields[1].Trim(), "ngec"));
            foreach (var n in fields[3].Split(','))
            {
                var text = n.Trim();
                if (text.Length > 1)
                {
                    rows.Add(new CountryName(iso, "nationality", text, "ngec"));
                }
            }
        }

        return rows;
    }

    /// <summary>Parses NGEC <c>cow2iso.txt</c>: the COW state names (current and historical) with their ISO-3.</summary>
    public static List<CountryName> ParseCow2Iso(string content)
    {
        var rows = new List<CountryName>();
        var csv = Csv(content);
        if (csv.Count == 0)
        {
            return rows;
        }

        var header = csv[0];
        int Col(string name) => header.FindIndex(h => h.Trim() == name);
        var iso = Col("iso3");
        var until = Col("valid_until");
        var cname = Col("cname");
        var state = Col("statenme");
        foreach (var f in csv.Skip(1))
        {
            if (iso < 0 || iso >= f.Count || f[iso].Trim().Length != 3)
            {
                continue;
            }

            var historical = until >= 0 && until < f.Count && f[until].Trim().Length > 0;
            foreach (var col in new[] { state, cname })
            {
                if (col >= 0 && col < f.Count)
                {
                    var text = ParenRegex().Replace(f[col], "").Trim();
                    if (text.Length > 2)
                    {
                        rows.Add(new CountryName(f[iso].Trim().ToUpperInvariant(), historical ? "historical" : "cow", text, "ngec-cow2iso"));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Parses world-countries <c>countries.json</c>: names, official and native (Latin-script) names, alternative spellings, English demonyms and capitals.</summary>
    public static List<CountryName> ParseWorldCountries(string json)
    {
        var rows = new List<CountryName>();
        using var doc = JsonDocument.Parse(json);
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var iso = c.GetProperty("cca3").GetString()!;
            void Add(string kind, string? text)
            {
                if (!string.IsNullOrWhiteSpace(text) && text.Trim().Length > 1)
                {
                    rows.Add(new CountryName(iso, kind, text.Trim(), "world-countries"));
                }
            }

            var name = c.GetProperty("name");
            Add("name", name.GetProperty("common").GetString());
            Add("official", name.GetProperty("official").GetString());
            if (name.TryGetProperty("native", out var native))
            {
                foreach (var lang in native.EnumerateObject())
                {
                    foreach (var key in new[] { "common", "official" })
                    {
                        var text = lang.Value.TryGetProperty(key, out var v) ? v.GetString() : null;
                        if (text is not null && IsLatin(text))
                        {
                            Add("native", text);
                        }
                    }
                }
            }

            if (c.TryGetProperty("altSpellings", out var alts))
            {
                foreach (var a in alts.EnumerateArray())
                {
                    var text = a.GetString();
                    if (text is not null && text.Length > 2 && IsLatin(text))
                    {
                        Add("alt", text);
                    }
                }
            }

            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
            {
                foreach (var g in eng.EnumerateObject())
                {
                    Add("demonym", g.Value.GetString());
                }
            }

            if (c.TryGetProperty("capital", out var caps))
            {
                foreach (var cap in caps.EnumerateArray())
                {
                    var text = cap.GetString();
                    Add("capital", text);
                    var shortForm = text is null ? null : CapitalQualifierRegex().Match(text);
                    if (shortForm is { Success: true })
                    {
                        Add("capital", shortForm.Groups[1].Value); // "Washington, D.C." / "Washington D.C." → "Washington"
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Turns a dictionary phrase (underscores, trailing <c>_</c>) into a readable upper-case phrase with single spaces.</summary>
    internal static string Phrase(string raw) =>
        string.Join(' ', raw.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();

    internal static DateOnly? ParseDate(string s)
    {
        s = s.Trim();
        int year, month, day;
        if (s.Length == 6 && s.All(char.IsDigit))
        {
            var yy = int.Parse(s[..2], CultureInfo.InvariantCulture);
            year = yy < 30 ? 2000 + yy : 1900 + yy;
            month = int.Parse(s[2..4], CultureInfo.InvariantCulture);
            day = int.Parse(s[4..6], CultureInfo.InvariantCulture);
        }
        else if (s.Length == 8 && s.All(char.IsDigit))
        {
            year = int.Parse(s[..4], CultureInfo.InvariantCulture);
            month = int.Parse(s[4..6], CultureInfo.InvariantCulture);
            day = int.Parse(s[6..8], CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }

        if (year < 1 || month < 1 || month > 12)
        {
            return null;
        }

        day = Math.Clamp(day, 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    private static List<CodeRestriction> ParseRestrictions(string line)
    {
        var list = new List<CodeRestriction>();
        foreach (Match m in BracketRegex().Matches(line))
        {
            var parts = m.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0].StartsWith('-') || !parts[0].All(char.IsLetterOrDigit))
            {
                continue;
            }

            var code = parts[0].ToUpperInvariant();
            if (parts.Length == 1)
            {
                list.Add(new CodeRestriction(code, null, null));
                continue;
            }

            var r = parts[1];
            if (r.StartsWith('<'))
            {
                var d = ParseDate(r[1..]);
                if (d is not null)
                {
                    list.Add(new CodeRestriction(code, null, d));
                }
            }
            else if (r.StartsWith('>'))
            {
                var d = ParseDate(r[1..]);
                if (d is not null)
                {
                    list.Add(new CodeRestriction(code, d, null));
                }
            }
            else if (r.Split('-') is [var a, var b])
            {
                var from = ParseDate(a);
                var to = ParseDate(b);
                if (from is not null && to is not null)
                {
                    list.Add(new CodeRestriction(code, from, to));
                }
            }
        }

        return list;
    }

    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> substitutions)
    {
        var m = MarkerRegex().Match(phrase);
        if (!m.Success || !substitutions.TryGetValue(m.Groups[1].Value, out var values))
        {
            return m.Success ? [] : [phrase];
        }

        return values.SelectMany(v => Expand(phrase[..m.Index] + v + phrase[(m.Index + m.Length)..], substitutions));
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            line = line[..hash];
        }

        var semi = line.IndexOf(';', StringComparison.Ordinal);
        return semi >= 0 ? line[..semi] : line;
    }

    private static bool IsLatin(string text) => NameKey.Strip(text).All(ch => ch < 0x250 || !char.IsLetter(ch));

    internal static List<List<string>> Csv(string content)
    {
        var rows = new List<List<string>>();
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < content.Length; i++)
        {
            var ch = content[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"')
            {
                inQuotes = true;
            }
            else if (ch == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(sb.ToString().TrimEnd('\r'));
                sb.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    rows.Add(fields);
                }

                fields = [];
            }
            else
            {
                sb.Append(ch);
            }
        }

        if (sb.Length > 0 || fields.Count > 0)
        {
            fields.Add(sb.ToString());
            rows.Add(fields);
        }

        return rows;
    }

    [GeneratedRegex(@"\[([^\]\}]*)[\]\}]")]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"^(!\w+!)\s*=\s*(.+)$")]
    private static partial Regex SubstitutionRegex();

    [GeneratedRegex(@"^(?<phrase>[^{\[]+?)\s*(\{(?<plural>[^}]*)\})?\s*\[(?<code>[^\]\}]*)[\]\}]")]
    private static partial Regex AgentRegex();

    [GeneratedRegex(@"(![A-Z]+!)")]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"^(.*?\w),?\s+(?:[A-Z]\.){2,}$")]
    private static partial Regex CapitalQualifierRegex();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex ParenRegex();
}
