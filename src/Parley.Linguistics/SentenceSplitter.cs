namespace Parley.Linguistics;

/// <summary>
/// Rule-based sentence boundaries over the surface tokens of one paragraph: terminal punctuation with
/// the closing quotes and brackets that follow it, abbreviations, ellipses, line breaks, separator lines
/// and e-mail header lines (date, time, AM/PM).
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Appends to <paramref name="ends"/> the exclusive end index of every sentence in tokens[first..last).</summary>
    public static void Split(string text, List<RawToken> tokens, int first, int last, List<int> ends)
    {
        var lexicon = Lexicon.Instance;
        var sentenceStart = first;
        var k = first;
        while (k < last)
        {
            var boundary = BoundaryAfter(text, tokens, sentenceStart, k, last, lexicon);
            if (boundary > k && boundary < last)
            {
                ends.Add(boundary);
                sentenceStart = boundary;
                k = boundary;
            }
            else
            {
                k++;
            }
        }

        if (last > sentenceStart)
        {
            ends.Add(last);
        }
    }

    /// <summary>The exclusive end of a sentence that closes at token <paramref name="k"/>, or -1.</summary>
    private static int BoundaryAfter(string text, List<RawToken> tokens, int sentenceStart, int k, int last, Lexicon lexicon)
    {
        var tok = tokens[k];
        if (k + 1 >= last)
        {
            return last;
        }

        var nextTok = tokens[k + 1];

        // separator lines (*****, =====, _____) are sentences of their own
        if (IsSeparator(text, nextTok) && k >= sentenceStart)
        {
            return k + 1;
        }

        if (IsSeparator(text, tok))
        {
            return k + 1;
        }

        // e-mail headers: "Name 08/16/2000 03:48 PM Text"
        if (k + 3 < last + 1 && IsDate(text, nextTok) && k + 3 < last && IsTime(text, tokens[k + 2]) && IsAmPm(text, tokens[k + 3]) && !char.IsLower(text[tok.Start]))
        {
            return k + 1;
        }

        if (k >= sentenceStart + 2 && IsAmPm(text, tok) && IsTime(text, tokens[k - 1]) && IsDate(text, tokens[k - 2]))
        {
            return k + 1;
        }

        if (tok.Has(TokenFlags.Terminal))
        {
            // an ellipsis that opens a sentence does not close it
            if (tok.Has(TokenFlags.Ellipsis) && k == sentenceStart)
            {
                return -1;
            }

            // spaced dots ". . ." and "? ? ?" act as one mark
            if (nextTok.Has(TokenFlags.Terminal) && nextTok.Length == 1 && text[nextTok.Start] == text[tok.End - 1])
            {
                return -1;
            }

            // "1." opening a list item
            if (k == sentenceStart + 1 && tok.Length == 1 && IsListNumber(text, tokens[k - 1]) && !tok.Has(TokenFlags.SpaceBefore))
            {
                return -1;
            }

            var m = k + 1;
            while (m < last && (IsClosingAfter(tokens[m]) || tokens[m].Has(TokenFlags.Emoticon)))
            {
                m++;
            }

            // citation marks stay with the sentence: "... in 1738. [17] [18]"
            while (m < last && CitationEnd(text, tokens, m, last) is var citationEnd && citationEnd > m)
            {
                m = citationEnd;
            }

            if (m >= last)
            {
                return last;
            }

            var next = tokens[m];
            var c = text[next.Start];
            if (char.IsLower(c) && (m > k + 1 || OpenBracket(text, tokens, sentenceStart, k)))
            {
                // "(maybe?) and", "?" asked Bush": the sentence goes on
                return -1;
            }


            if (!next.Has(TokenFlags.SpaceBefore) && m == k + 1 && !next.Has(TokenFlags.Opening | TokenFlags.AmbiguousQuote)
                && !GluedSentences(text, tokens, k))
            {
                // "end.Next" glued, "3.x", ".doc": no boundary inside a chunk
                return -1;
            }

            if (char.IsLower(c) && !next.Has(TokenFlags.LineBefore))
            {
                var last0 = text[tok.End - 1];
                if (last0 is '.' or '…' && (tok.Has(TokenFlags.Ellipsis) || LooksAbbreviated(text, tokens, k, sentenceStart)))
                {
                    return -1;
                }
            }

            if (c is ',' or ';' or ':' or ')' or ']')
            {
                return -1;
            }

            return m;
        }

        // a numbered item starts: "... General Motors 9. Scott ..."
        // ("... on Oct. 3. The vote ..." is a date closing the sentence, not a list)
        if (k + 3 < last && !tok.Has(TokenFlags.Opening) && IsListNumber(text, nextTok) && tokens[k + 2].Length == 1 && text[tokens[k + 2].Start] == '.'
            && !tokens[k + 2].Has(TokenFlags.SpaceBefore) && tokens[k + 3].Has(TokenFlags.SpaceBefore) && char.IsUpper(text[tokens[k + 3].Start]) && !char.IsLower(text[tok.Start])
            && !IsMonthName(text, tok))
        {
            return k + 1;
        }

        // "Thanks, | Sean", "Dear Mr. Horton, | I write", "Jeff, | Please call"
        if (tok.Length == 1 && text[tok.Start] == ',' && k - sentenceStart is >= 1 and <= 4 && nextTok.Has(TokenFlags.Word) && char.IsUpper(text[nextTok.Start])
            && IsSalutation(text, tokens, sentenceStart, k, lexicon))
        {
            return k + 1;
        }

        // an emoticon closes a sentence before a capitalised word: "... isn't bad :) Now I ..."
        if (tok.Has(TokenFlags.Emoticon) && nextTok.Has(TokenFlags.Word) && char.IsUpper(text[nextTok.Start]))
        {
            return k + 1;
        }

        // a signature separator "--" opening a paragraph
        if (k == 0 && tok.Length == 2 && text[tok.Start] == '-' && text[tok.Start + 1] == '-')
        {
            return k + 1;
        }

        // a source in brackets opening a paragraph: "(BBC) Rockets were fired ..."
        if (k > sentenceStart && sentenceStart == 0 && tok.Length == 1 && text[tok.Start] == ')' && text[tokens[sentenceStart].Start] == '(' && tokens[sentenceStart].Length == 1
            && k - sentenceStart <= 6 && nextTok.Has(TokenFlags.Word) && char.IsUpper(text[nextTok.Start]) && !OpenBracket(text, tokens, sentenceStart + 1, k))
        {
            return k + 1;
        }

        if (tok.Has(TokenFlags.AbbrevAny))
        {
            if ((nextTok.Has(TokenFlags.LineBefore) && LineEndsSentence(text, tok, nextTok))
                || (nextTok.Has(TokenFlags.Word) && lexicon.IsSentenceStarter(text.AsSpan(nextTok.Start, nextTok.Length)))
                || (tok.Has(TokenFlags.AbbrevEnd) && char.IsUpper(text[nextTok.Start])))
            {
                return k + 1;
            }
        }

        if (nextTok.Has(TokenFlags.LineBefore) && LineEndsSentence(text, tok, nextTok))
        {
            return k + 1;
        }

        return -1;
    }

    /// <summary>A period after a short lowercase word without vowels or a single letter is likely an unknown abbreviation.</summary>
    private static bool LooksAbbreviated(string text, List<RawToken> tokens, int k, int sentenceStart)
    {
        if (k == sentenceStart || tokens[k].Length != 1 || tokens[k].Has(TokenFlags.SpaceBefore))
        {
            return false;
        }

        var prev = tokens[k - 1];
        if (!prev.Has(TokenFlags.Word))
        {
            return false;
        }

        var w = text.AsSpan(prev.Start, prev.Length);
        if (w.Length == 1 && char.IsLetter(w[0]))
        {
            return true;
        }

        return w.Length <= 4 && w.IndexOfAny("aeiouyAEIOUY") < 0 && char.IsLetter(w[0]);
    }

    /// <summary>The sentence so far opens with a letter closing (Thanks, Best regards) or greeting (Dear, Hi).</summary>
    private static bool IsSalutation(string text, List<RawToken> tokens, int sentenceStart, int comma, Lexicon lexicon)
    {
        var first = tokens[sentenceStart];
        if (!first.Has(TokenFlags.Word) || !char.IsUpper(text[first.Start]))
        {
            return false;
        }

        return lexicon.Salutation(text.AsSpan(first.Start, first.Length)) != 0;
    }

    /// <summary>The index after a citation mark "[12]" or "[citation needed]" starting at m, or m.</summary>
    private static int CitationEnd(string text, List<RawToken> tokens, int m, int last)
    {
        if (text[tokens[m].Start] != '[' || tokens[m].Length != 1)
        {
            return m;
        }

        for (var i = m + 1; i < last && i <= m + 4; i++)
        {
            var t = tokens[i];
            if (text[t.Start] == ']')
            {
                return i > m + 1 ? i + 1 : m;
            }

            if (!t.Has(TokenFlags.Word) || (i == m + 1 && !char.IsDigit(text[t.Start]) && !char.IsLower(text[t.Start])))
            {
                return m;
            }
        }

        return m;
    }

    /// <summary>
    /// A line break inside a paragraph ends a sentence (a headline, a signature line) unless the next line
    /// starts in lower case or the line stops on a comma, a hyphen, an opening bracket, a title or a short
    /// lower-case function word ("the", "of"): then the line was merely wrapped.
    /// </summary>
    private static bool LineEndsSentence(string text, RawToken previous, RawToken next)
    {
        if (char.IsLower(text[next.Start]) || previous.Has(TokenFlags.AbbrevTitle | TokenFlags.Opening))
        {
            return false;
        }

        var c = text[previous.End - 1];
        if (c is ',' or ';' or '-' or '–' or '—' or '&' or '/')
        {
            return false;
        }

        if (previous.Has(TokenFlags.Word) && previous.Length <= 4 && char.IsLower(text[previous.Start]))
        {
            var w = text.AsSpan(previous.Start, previous.Length);
            foreach (var f in FunctionWords)
            {
                if (w.SequenceEqual(f))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly string[] FunctionWords = ["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "that", "as", "but", "nor", "into", "onto", "than", "his", "her", "its", "our", "their", "this", "is", "are", "was", "were", "be", "has", "have", "had", "will", "said", "says", "who", "whom", "whose", "not"];

    private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>True for a month name or its abbreviation, with or without the period ("Oct.", "Sept", "March").</summary>
    private static bool IsMonthName(string text, RawToken t)
    {
        var s = text.AsSpan(t.Start, t.Length).TrimEnd('.');
        return s.Length >= 3 && char.IsUpper(s[0]) && MonthNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s);
    }

    private static bool IsListNumber(string text, RawToken t) =>
        t.Has(TokenFlags.Word) && t.Has(TokenFlags.SpaceBefore) && t.Length <= 2 && char.IsAsciiDigit(text[t.Start]) && char.IsAsciiDigit(text[t.End - 1]);

    /// <summary>True when a round or square bracket opened in the sentence before token k is still open.</summary>
    private static bool OpenBracket(string text, List<RawToken> tokens, int sentenceStart, int k)
    {
        var depth = 0;
        for (var i = Math.Max(sentenceStart, k - 60); i < k; i++)
        {
            var t = tokens[i];
            if (t.Length != 1)
            {
                continue;
            }

            var c = text[t.Start];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && depth > 0)
            {
                depth--;
            }
        }

        return depth > 0;
    }

    internal static bool IsSeparator(string text, RawToken t)
    {
        if (t.Length < 3 || t.Has(TokenFlags.Word | TokenFlags.Terminal) || !t.Has(TokenFlags.SpaceBefore) || (t.End < text.Length && !char.IsWhiteSpace(text[t.End])))
        {
            return false;
        }

        var c = text[t.Start];
        return c is '*' or '=' or '_' or '~' or '#' or '+' || (c == '-' && t.Length >= 4);
    }

    private static bool IsDate(string text, RawToken t)
    {
        if (!t.Has(TokenFlags.Word) || t.Length < 6 || t.Length > 10)
        {
            return false;
        }

        var slashes = 0;
        for (var i = t.Start; i < t.End; i++)
        {
            var c = text[i];
            if (c == '/')
            {
                slashes++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return slashes == 2;
    }

    private static bool IsTime(string text, RawToken t)
    {
        if (!t.Has(TokenFlags.Word) || t.Length < 4 || t.Length > 8)
        {
            return false;
        }

        var colons = 0;
        for (var i = t.Start; i < t.End; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                colons++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return colons is 1 or 2;
    }

    private static bool IsAmPm(string text, RawToken t) =>
        t.Length == 2 && text[t.Start + 1] is 'M' or 'm' && text[t.Start] is 'A' or 'P' or 'a' or 'p';

    private static bool IsClosingAfter(RawToken t) =>
        (t.Has(TokenFlags.Closing) || t.Has(TokenFlags.AmbiguousQuote)) && !t.Has(TokenFlags.SpaceBefore);

    /// <summary>
    /// "… to Azerbaijan.Speaking at …": the scanner split a period glued between a lower-case word of three letters
    /// or more and a capitalised word (a missing space in scraped text), so it ends a sentence.
    /// </summary>
    private static bool GluedSentences(string text, IReadOnlyList<RawToken> tokens, int k)
    {
        if (k == 0 || k + 1 >= tokens.Count || tokens[k].Length != 1 || text[tokens[k].Start] != '.')
        {
            return false;
        }

        var before = tokens[k - 1];
        var after = tokens[k + 1];
        return before.Length >= 3 && before.End == tokens[k].Start && char.IsLower(text[before.End - 1])
            && after.Length >= 2 && char.IsUpper(text[after.Start]) && char.IsLower(text[after.Start + 1]);
    }
}
