namespace Parley.Linguistics;

/// <summary>
/// The hand-written scanner: splits a paragraph into surface tokens, character by character, without
/// regular expressions or per-token allocations. Stateless; all state lives in the caller's list.
/// </summary>
internal static class Scanner
{
    /// <summary>Appends the surface tokens of <c>text[start..end)</c> to <paramref name="output"/>.</summary>
    public static void ScanParagraph(string text, int start, int end, List<RawToken> output)
    {
        var lexicon = Lexicon.Instance;
        var lineFlag = IsHardWrapped(text, start, end) ? TokenFlags.SpaceBefore : TokenFlags.LineBefore | TokenFlags.SpaceBefore;
        var i = start;
        var space = TokenFlags.SpaceBefore;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space |= c == '\n' && i > start ? lineFlag : TokenFlags.SpaceBefore;
                i++;
                continue;
            }

            var j = i + 1;
            while (j < end && !char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            ScanChunk(text, i, j, end, space, output, lexicon);
            space = TokenFlags.None;
            i = j;
        }
    }

    /// <summary>
    /// True when the paragraph's lines look wrapped at a fixed width (three or more lines, nearly all but the
    /// last at least 55 characters long): its line breaks are then plain spaces, not line ends.
    /// </summary>
    internal static bool IsHardWrapped(string text, int start, int end)
    {
        var lines = 0;
        var longLines = 0;
        var lineStart = start;
        while (lineStart < end)
        {
            var nl = text.IndexOf('\n', lineStart, end - lineStart);
            if (nl < 0)
            {
                break;
            }

            lines++;
            if (nl - lineStart >= 55)
            {
                longLines++;
            }

            lineStart = nl + 1;
        }

        return lines >= 2 && longLines * 10 >= lines * 8;
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '’' or '`';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || (c >= '\u0300' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    private static void ScanChunk(string t, int s, int e, int paragraphEnd, TokenFlags firstFlags, List<RawToken> o, Lexicon lexicon)
    {
        var p = s;
        var flags = firstFlags;
        while (p < e)
        {
            var c = t[p];
            int q;
            var f = TokenFlags.None;
            if ((p == s || (c is ':' or ';' or '=' && p + 1 < e && !char.IsLetterOrDigit(t[p + 1]) && t[p + 1] is not ':' and not '=')) && TryEmoticon(t, p, e, lexicon, out q))
            {
                f = TokenFlags.Emoticon;
            }
            else if (IsUrlStart(t, p, e))
            {
                q = UrlEnd(t, p, e);
                f = TokenFlags.Word;
            }
            else if (IsWordStart(t, s, p, e))
            {
                q = ScanWord(t, s, p, e, paragraphEnd, lexicon, out f);
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                q = p + 1;
                var dots = c is '.' or '…';
                while (q < e && t[q] is '.' or '!' or '?' or '…')
                {
                    if (dots && q - p >= 2 && t[q] is '!' or '?')
                    {
                        break;
                    }

                    dots &= t[q] is '.' or '…';
                    q++;
                }

                f = TokenFlags.Terminal;
                if (dots && (q - p > 1 || c == '…'))
                {
                    f |= TokenFlags.Ellipsis;
                }
            }
            else if (char.IsHighSurrogate(c) && p + 1 < e && char.IsLowSurrogate(t[p + 1]))
            {
                q = p + 2;
            }
            else
            {
                q = p + 1;
                if (c is not '(' and not '[' and not '{' and not '“' and not '‘' and not '«' and not '„')
                {
                    while (q < e && t[q] == c)
                    {
                        q++;
                    }
                }

                f = c switch
                {
                    ')' or ']' or '}' or '”' or '’' or '»' => TokenFlags.Closing,
                    '(' or '[' or '{' or '“' or '‘' or '«' or '„' => TokenFlags.Opening,
                    '"' or '\'' or '`' => TokenFlags.AmbiguousQuote,
                    _ => TokenFlags.None,
                };
            }

            o.Add(new RawToken(p, q, f | flags));
            flags = TokenFlags.None;
            p = q;
        }
    }

    /// <summary>
    /// Two sentences glued by a missing space ("… a visit to Azerbaijan.Speaking at …", common in scraped text): a
    /// lower-case word of three letters or more, a period, then a capitalised word. Not inside dotted words
    /// (U.S.Army, www.Site), not after abbreviations (Gov.Smith).
    /// </summary>
    private static bool GluedSentence(string t, int p, int q, int e, bool hasDot, Lexicon lexicon)
    {
        if (hasDot || q - p < 3 || !char.IsLower(t[q - 1]) || q + 2 >= e || !char.IsUpper(t[q + 1]) || !char.IsLower(t[q + 2]))
        {
            return false;
        }

        for (var i = p; i < q; i++)
        {
            if (!char.IsLetter(t[i]))
            {
                return false;
            }
        }

        return lexicon.Abbreviation(t.AsSpan(p, q - p)) == AbbreviationKind.None;
    }

    private static bool TryEmoticon(string t, int p, int e, Lexicon lexicon, out int end)
    {
        var max = Math.Min(lexicon.MaxEmoticonLength, e - p);
        for (var len = max; len >= 2; len--)
        {
            var q = p + len;
            if ((q == e || t[q] is '.' or ',' or '!' or '?') && lexicon.IsEmoticon(t.AsSpan(p, len)))
            {
                end = q;
                return true;
            }
        }

        end = p;
        return false;
    }

    private static bool StartsWith(string t, int p, int e, string prefix) =>
        e - p >= prefix.Length && t.AsSpan(p, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsUrlStart(string t, int p, int e) =>
        (t[p] is 'h' or 'H' && (StartsWith(t, p, e, "http://") || StartsWith(t, p, e, "https://")))
        || (t[p] is 'w' or 'W' && StartsWith(t, p, e, "www.") && e - p > 5)
        || (t[p] is 'f' or 'F' && StartsWith(t, p, e, "ftp://"))
        || (t[p] is 'm' or 'M' && StartsWith(t, p, e, "mailto:") && e - p > 8);

    private static int UrlEnd(string t, int p, int e)
    {
        var q = e;
        var open = 0;
        for (var k = p; k < e; k++)
        {
            if (t[k] == '(')
            {
                open++;
            }
        }

        while (q > p + 1)
        {
            var c = t[q - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '”' or '’' or '>' or ']' or '}' || (c == ')' && open == 0))
            {
                q--;
            }
            else
            {
                break;
            }
        }

        return q;
    }

    private static bool IsWordStart(string t, int s, int p, int e)
    {
        var c = t[p];
        if (IsWordChar(c))
        {
            return true;
        }

        var nextAlnum = p + 1 < e && char.IsLetterOrDigit(t[p + 1]);
        if (c == '+' && p + 1 < e && char.IsDigit(t[p + 1]) && (p == s || !char.IsLetterOrDigit(t[p - 1])))
        {
            return true;
        }

        if ((c == '@' && nextAlnum) || (c == '#' && p + 1 < e && char.IsLetter(t[p + 1])))
        {
            return true;
        }

        // .432 (a decimal without its zero)
        if (c == '.' && p + 1 < e && char.IsAsciiDigit(t[p + 1]) && (p == s || !char.IsLetterOrDigit(t[p - 1])) && (p == s || t[p - 1] is '(' or '$' or '-'))
        {
            return true;
        }

        if (IsApostrophe(c) && nextAlnum)
        {
            // '72, or a detached clitic such as 's n't 're
            if (p == s && char.IsDigit(t[p + 1]))
            {
                return true;
            }

            var rest = t.AsSpan(p + 1, WordLength(t, p + 1, e));
            return IsClitic(rest);
        }

        return false;
    }

    private static int WordLength(string t, int p, int e)
    {
        var q = p;
        while (q < e && char.IsLetter(t[q]))
        {
            q++;
        }

        return q - p;
    }

    private static bool IsClitic(ReadOnlySpan<char> rest) =>
        rest.Equals("s", StringComparison.OrdinalIgnoreCase) || rest.Equals("re", StringComparison.OrdinalIgnoreCase)
        || rest.Equals("ve", StringComparison.OrdinalIgnoreCase) || rest.Equals("ll", StringComparison.OrdinalIgnoreCase)
        || rest.Equals("m", StringComparison.OrdinalIgnoreCase) || rest.Equals("d", StringComparison.OrdinalIgnoreCase);

    private static int ScanWord(string t, int s, int p, int e, int paragraphEnd, Lexicon lexicon, out TokenFlags flags)
    {
        flags = TokenFlags.Word;
        var q = p;
        if (!IsWordChar(t[q]))
        {
            q++;
        }

        if (char.IsDigit(t[q]))
        {
            var d = q;
            while (d < e && (char.IsDigit(t[d]) || (t[d] is '.' or ',' or ':' && d + 1 < e && char.IsDigit(t[d + 1]))))
            {
                d++;
            }

            var l = d;
            while (l < e && char.IsLetter(t[l]))
            {
                l++;
            }

            if (l > d && (l == e || !char.IsLetterOrDigit(t[l]) && t[l] is not '-' and not '\'' and not '’' && !(t[l] == '.' && l + 1 < e && char.IsLetterOrDigit(t[l + 1]))) && lexicon.IsUnit(t.AsSpan(d, l - d)))
            {
                return d;
            }
        }

        var segStart = q;
        var hasDot = false;
        var numberCode = false;
        while (q < e)
        {
            var c = t[q];
            if (IsWordChar(c))
            {
                q++;
                continue;
            }

            var next = q + 1 < e ? t[q + 1] : '\0';
            var prev = q > p ? t[q - 1] : '\0';
            var nextAlnum = char.IsLetterOrDigit(next);
            var accept = c switch
            {
                '.' => (nextAlnum && !GluedSentence(t, p, q, e, hasDot, lexicon)) || DotsBeforeAt(t, q, e),
                ',' => char.IsDigit(prev) && char.IsDigit(next),
                ':' => char.IsDigit(prev) && char.IsDigit(next),
                '/' => (char.IsDigit(prev) && char.IsDigit(next) && IsDateSlash(t, p, q, e)) || (q - p == 1 && char.IsLetter(prev) && (q + 1 == e || (char.IsLetter(next) && (q + 2 == e || !char.IsLetterOrDigit(t[q + 2]))))),
                '@' => nextAlnum && q > p,
                '&' => char.IsUpper(prev) && char.IsUpper(next),
                '-' => nextAlnum && (lexicon.IsHyphenPrefix(t.AsSpan(segStart, q - segStart)) || (AllDigits(t, segStart, q) && char.IsDigit(next) && (numberCode || IsNumberCode(t, segStart, q, e)))),
                '\'' or '’' or '`' => char.IsLetter(next) || (char.IsDigit(prev) && next == 's'),
                _ => false,
            };
            if (accept)
            {
                hasDot |= c == '.';
                q++;
                if (c == '-')
                {
                    numberCode |= char.IsDigit(prev);
                    segStart = q;
                }

                continue;
            }

            if (IsApostrophe(c) && prev is 's' or 'S' && !char.IsLetterOrDigit(next) && !IsApostrophe(t[s]) && t[s] != '‘' && (q + 1 == e || next is not '\'' and not '’'))
            {
                // plural possessive: parents'
                q++;
            }

            break;
        }

        // Yahoo! keeps its exclamation mark
        if (q < e && t[q] == '!' && q - p == 5 && t.AsSpan(p, 5).Equals("Yahoo", StringComparison.OrdinalIgnoreCase))
        {
            return q + 1;
        }

        // A final period that belongs to an abbreviation or an initial.
        if (q < e && t[q] == '.' && !(q + 1 < e && t[q + 1] is '.' or '…'))
        {
            var word = t.AsSpan(p, q - p);
            var kind = lexicon.Abbreviation(word);
            if (kind == AbbreviationKind.None)
            {
                if (word.Length == 1 && char.IsUpper(word[0]) && word[0] != 'I')
                {
                    kind = AbbreviationKind.Title;
                }
                else if (hasDot && ShortSegments(word))
                {
                    kind = AbbreviationKind.Any;
                }
            }

            if (kind == AbbreviationKind.Number)
            {
                var k = q + 1;
                while (k < paragraphEnd && char.IsWhiteSpace(t[k]))
                {
                    k++;
                }

                kind = k < paragraphEnd && char.IsDigit(t[k]) ? AbbreviationKind.Title : AbbreviationKind.None;
            }

            if (kind != AbbreviationKind.None)
            {
                q++;
                flags |= kind switch
                {
                    AbbreviationKind.Title => TokenFlags.AbbrevTitle,
                    AbbreviationKind.End => TokenFlags.AbbrevAny | TokenFlags.AbbrevEnd,
                    _ => TokenFlags.AbbrevAny,
                };
            }
        }

        return q;
    }

    /// <summary>Phone numbers and dates (713-853-3989, 11-20-2000) stay whole; ranges (13-17, 1998-30) split.</summary>
    private static bool IsNumberCode(string t, int start, int hyphen, int e)
    {
        var r = hyphen + 1;
        while (r < e && char.IsDigit(t[r]))
        {
            r++;
        }

        if (r < e && t[r] == '-' && r + 1 < e && char.IsDigit(t[r + 1]))
        {
            return true;
        }

        return hyphen - start == 3 && r - hyphen - 1 == 4;
    }

    /// <summary>Dates (11/28/2000, 9/11, 5/18) stay whole; fractions and ratios (1/2, 24/7) split.</summary>
    private static bool IsDateSlash(string t, int p, int slash, int e)
    {
        var l = slash;
        while (l > p && char.IsDigit(t[l - 1]))
        {
            l--;
        }

        if (l > p && t[l - 1] == '/')
        {
            return true;
        }

        var r = slash + 1;
        while (r < e && char.IsDigit(t[r]))
        {
            r++;
        }

        if (r + 1 < e && t[r] == '/' && char.IsDigit(t[r + 1]))
        {
            return true;
        }

        var left = slash - l;
        var right = r - slash - 1;
        return left is 1 or 2 && right == 2 && int.Parse(t.AsSpan(l, left), provider: System.Globalization.CultureInfo.InvariantCulture) <= 12;
    }

    private static bool DotsBeforeAt(string t, int q, int e)
    {
        while (q < e && t[q] == '.')
        {
            q++;
        }

        return q + 1 < e && t[q] == '@' && char.IsLetterOrDigit(t[q + 1]);
    }

    private static bool AllDigits(string t, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var k = start; k < end; k++)
        {
            if (!char.IsDigit(t[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>U.S, e.g, Ph.D: every dot-separated part has at most two letters and no digits.</summary>
    private static bool ShortSegments(ReadOnlySpan<char> word)
    {
        var run = 0;
        foreach (var ch in word)
        {
            if (ch == '.')
            {
                run = 0;
            }
            else if (!char.IsLetter(ch) || ++run > 2)
            {
                return false;
            }
        }

        return true;
    }
}
