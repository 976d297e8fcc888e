namespace Parley.Linguistics;

/// <summary>
/// Rule-based sentence boundaries over the surface tokens of one paragraph: terminal punctuation with
/// the closing quotes and brackets that follow it, abbreviations, lowercase continuations, line breaks.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Appends to <paramref name="ends"/> the exclusive end index of every sentence in tokens[first..last).</summary>
    public static void Split(string text, List<RawToken> tokens, int first, int last, List<int> ends)
    {
        var lexicon = Lexicon.Instance;
        var k = first;
        while (k < last)
        {
            var boundary = BoundaryAfter(text, tokens, k, last, lexicon);
            if (boundary > k)
            {
                ends.Add(boundary);
                k = boundary;
            }
            else
            {
                k++;
            }
        }

        if (ends.Count == 0 || ends[^1] != last)
        {
            if (last > first)
            {
                ends.Add(last);
            }
        }
    }

    /// <summary>The exclusive end of a sentence that closes at token <paramref name="k"/>, or -1.</summary>
    private static int BoundaryAfter(string text, List<RawToken> tokens, int k, int last, Lexicon lexicon)
    {
        var tok = tokens[k];
        if (tok.Has(TokenFlags.Terminal))
        {
            var m = k + 1;
            while (m < last && IsClosingAfter(tokens[m]))
            {
                m++;
            }

            if (m >= last)
            {
                return last;
            }

            var next = tokens[m];
            var c = text[next.Start];
            if (char.IsLower(c) && !next.Has(TokenFlags.LineBefore))
            {
                return -1;
            }

            if (!next.Has(TokenFlags.SpaceBefore) && m == k + 1 && tok.Length == 1 && !next.Has(TokenFlags.Opening | TokenFlags.AmbiguousQuote))
            {
                // "end.Next" glued or "3.x": no boundary inside a chunk
                return -1;
            }

            if (text[tok.Start] != '.' && next.Has(TokenFlags.Word) && char.IsDigit(c) && !next.Has(TokenFlags.SpaceBefore))
            {
                return -1;
            }

            return m;
        }

        if (tok.Has(TokenFlags.AbbrevAny) && k + 1 < last)
        {
            var next = tokens[k + 1];
            if (next.Has(TokenFlags.LineBefore) || (next.Has(TokenFlags.Word) && lexicon.IsSentenceStarter(text.AsSpan(next.Start, next.Length))))
            {
                return k + 1;
            }
        }

        if (k + 1 < last && tokens[k + 1].Has(TokenFlags.LineBefore))
        {
            return k + 1;
        }

        return -1;
    }

    private static bool IsClosingAfter(RawToken t) =>
        (t.Has(TokenFlags.Closing) || t.Has(TokenFlags.AmbiguousQuote)) && !t.Has(TokenFlags.SpaceBefore);
}
