using System.Text;
using Parley.Actors;

namespace Parley.Places;

/// <summary>
/// Normalised lookup keys of place names, in one pass: diacritics removed (<see cref="NameKey.Strip"/>), lower
/// case, every character other than a letter or digit splits words, apostrophes and a possessive <c>'s</c> are
/// dropped, the word "the" is skipped, runs of single letters are joined (<c>Washington, D. C.</c> and
/// <c>U.S.</c> → <c>washington dc</c>, <c>us</c>) and the abbreviations St/Ste/Mt/Ft are spelled out; words are
/// joined by one space. Short all-capital abbreviations (<c>USA</c>, <c>UAE</c>) get a separate key prefixed with
/// <c>=</c>, so they never match the ordinary word (<c>us</c>).
/// </summary>
internal static class PlaceKey
{
    /// <summary>The prefix of keys that only match text written in capitals.</summary>
    public const string CapitalsPrefix = "=";

    /// <summary>The key of a name, or "" when it holds no letter or digit.</summary>
    public static string Of(string text)
    {
        var s = NameKey.Strip(text);
        var key = new StringBuilder(s.Length);
        var word = new StringBuilder(16);
        var previousSingle = false;
        for (var i = 0; i <= s.Length; i++)
        {
            var ch = i < s.Length ? s[i] : ' ';
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (IsApostrophe(ch))
            {
                // a possessive 's (Wellington's) is dropped; other apostrophes vanish (Côte d'Ivoire → cote divoire)
                if (word.Length > 0 && i + 1 < s.Length && s[i + 1] is 's' or 'S' && (i + 2 == s.Length || !char.IsLetterOrDigit(s[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (word.Length == 0)
            {
                continue;
            }

            var w = word.ToString();
            word.Clear();
            if (w == "the")
            {
                continue;
            }

            w = w switch
            {
                "st" => "saint",
                "ste" => "sainte",
                "mt" => "mount",
                "ft" => "fort",
                _ => w,
            };
            var single = w.Length == 1 && char.IsLetter(w[0]);
            if (key.Length > 0 && !(single && previousSingle))
            {
                key.Append(' ');
            }

            key.Append(w);
            previousSingle = single;
        }

        return key.ToString();
    }

    /// <summary>True for an abbreviation written in capitals of at most four letters (<c>USA</c>, <c>DRC</c>, <c>U.S.</c>).</summary>
    public static bool IsCapitalAbbreviation(string text)
    {
        var letters = 0;
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                if (!char.IsUpper(ch))
                {
                    return false;
                }

                letters++;
            }
            else if (ch is not '.' and not ' ')
            {
                return false;
            }
        }

        return letters is > 0 and <= 4;
    }

    private static bool IsApostrophe(char ch) => ch is '\'' or '\u2019' or '\u02bc' or '\u2018' or '`' or '\u02b9';
}
