using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Actors;

/// <summary>
/// Normalised keys for names. <see cref="Loose"/> only case-folds, removes diacritics and drops hyphens and
/// apostrophes; <see cref="Key"/> also folds transliteration variants (kh→h, zh/dzh/dj→j, y→i, ey/ei/ii/iy
/// endings, o/u and e/a vowels, a final o→a, doubled letters collapsed), so Sergei/Sergey, Tokayev/Tokaev,
/// Mohammed/Muhammad/Mukhammed, Zelenskyy/Zelensky and Lukashenko/Lukashenka share one key.
/// </summary>
public static partial class NameKey
{
    /// <summary>The words of a phrase, lower-cased without diacritics; hyphens, underscores and punctuation split words, apostrophes and a possessive 's are dropped, dotted abbreviations are joined (U.S. → us) and "the" is skipped.</summary>
    public static IReadOnlyList<string> Words(string text) => Tokens(text).Select(t => t.Word).ToList();

    /// <summary>Case-folded key without diacritics, hyphens, apostrophes or spaces ("Kul-Mohammed" → "kulmohammed").</summary>
    public static string Loose(string text) => string.Concat(Words(text));

    internal static List<(string Word, bool Upper, bool Capital)> Tokens(string text)
    {
        var result = new List<(string, bool, bool)>();
        var sb = new StringBuilder();
        var upper = true;
        var capital = false;
        var prepared = Strip(text);
        if (prepared.Contains('.', StringComparison.Ordinal))
        {
            prepared = DottedAbbreviation().Replace(prepared, m => m.Value.Replace(".", "", StringComparison.Ordinal));
        }

        if (prepared.Contains('\'', StringComparison.Ordinal) || prepared.Contains('\u2019', StringComparison.Ordinal))
        {
            prepared = Possessive().Replace(prepared, "");
        }
        foreach (var ch in prepared)
        {
            if (char.IsLetterOrDigit(ch))
            {
                upper &= !char.IsLower(ch);
                capital |= sb.Length == 0 && char.IsUpper(ch);
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '\u2019' or '\u02bc' or '\u2018' or '`' or '\u02b9')
            {
                // apostrophes inside names are dropped (O'Neil → oneil)
            }
            else
            {
                Flush(sb, result, upper, capital);
                upper = true;
                capital = false;
            }
        }

        Flush(sb, result, upper, capital);
        return result;
    }

    /// <summary>The transliteration-folded key of a name (all words joined): equal for common spelling variants.</summary>
    public static string Key(string text) => string.Concat(Words(text).Select(FoldWord));

    /// <summary>The transliteration fold of one lower-case word (see the type summary).</summary>
    public static string FoldWord(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }

        var s = word.StartsWith("ye", StringComparison.Ordinal) ? word[1..] : word; // Yevgeny → Evgeny
        s = s.Replace("dzh", "j", StringComparison.Ordinal).Replace("dj", "j", StringComparison.Ordinal)
             .Replace("zh", "j", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal)
             .Replace("gh", "g", StringComparison.Ordinal).Replace("ph", "f", StringComparison.Ordinal)
             .Replace("ck", "k", StringComparison.Ordinal).Replace("q", "k", StringComparison.Ordinal)
             .Replace("w", "v", StringComparison.Ordinal).Replace("ou", "u", StringComparison.Ordinal)
             .Replace("y", "i", StringComparison.Ordinal);

        // endings: -ei, -ii, -ij, -yi → -i
        foreach (var ending in new[] { "ei", "ii", "ij" })
        {
            if (s.Length > 4 && s.EndsWith(ending, StringComparison.Ordinal))
            {
                s = s[..^2] + "i";
                break;
            }
        }

        if (s.Length > 5 && s[^1] == 'o')
        {
            s = s[..^1] + "a";
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];

            // an i glide between a vowel and e (Tokayev → tokaiev → tokaev)
            if (c == 'i' && i > 0 && i + 1 < s.Length && IsVowel(s[i - 1]) && s[i + 1] == 'e')
            {
                continue;
            }

            if (i > 0)
            {
                c = c switch { 'o' => 'u', 'e' => 'a', _ => c };
            }

            if (sb.Length > 0 && sb[^1] == c)
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Removes diacritics from Latin letters (a table, since the invariant-globalisation runtime does not decompose); other characters are kept as they are (æ → a, ß → s, þ → t are single letters).</summary>
    public static string Strip(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch < 0x80)
            {
                sb.Append(ch);
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(ch);
            var index = AccentedLetters.IndexOf(lower, StringComparison.Ordinal);
            if (index < 0)
            {
                sb.Append(ch);
                continue;
            }

            var plain = PlainLetters[index];
            sb.Append(lower == ch ? plain : char.ToUpperInvariant(plain));
        }

        return sb.ToString();
    }

    private const string AccentedLetters = "àáâãäåāăąǎạảấầẩẫậắằẳẵặçćĉċčďđèéêëēĕėęěẹẻẽếềểễệĝğġģĥħìíîïĩīĭįıǐịỉĵķĺļľŀłñńņňòóôõöøōŏőơǒọỏốồổỗộớờởỡợŕŗřśŝşšșţťŧțùúûüũūŭůűųưǔụủứừửữựŵýÿŷỳỹźżžæœßþð";
    private const string PlainLetters = "aaaaaaaaaaaaaaaaaaaaaacccccddeeeeeeeeeeeeeeeeegggghhiiiiiiiiiiiijklllllnnnnooooooooooooooooooooooorrrsssssttttuuuuuuuuuuuuuuuuuuuwyyyyyzzzaostd";

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Flush(StringBuilder sb, List<(string, bool, bool)> result, bool upper, bool capital)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var w = sb.ToString();
        sb.Clear();
        if (w != "the")
        {
            result.Add((w, upper, capital));
        }
    }

    [GeneratedRegex(@"\b(?:[A-Za-z]\.){2,}")]
    private static partial Regex DottedAbbreviation();

    [GeneratedRegex(@"(?<=\w)['\u2019]s\b")]
    private static partial Regex Possessive();
}
