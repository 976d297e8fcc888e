using Parley.Core;

namespace Parley.Time;

/// <summary>
/// Finds anniversaries: "the 30th anniversary of the establishment of diplomatic relations" with the date it falls
/// on (an expression in the same clause, else in the same sentence, else the DCT's year) and the origin date
/// (that date minus the ordinal in years).
/// </summary>
internal static class Anniversaries
{
    public static List<Anniversary> Find(TokenLayer tokens, SyntaxLayer? syntax, ClauseView view, IReadOnlyList<Timex> expressions, PublicationTime? dct)
    {
        var result = new List<Anniversary>();
        var words = tokens.Words;
        for (var s = 0; s < tokens.Sentences.Count; s++)
        {
            var sentence = tokens.Sentences[s];
            for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
            {
                if (!words[w].Form.Equals("anniversary", StringComparison.OrdinalIgnoreCase) && !words[w].Form.Equals("anniversaries", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var (ordinal, firstWord) = OrdinalBefore(tokens, sentence, w);
                if (ordinal <= 0)
                {
                    continue;
                }

                var span = new TextSpan(words[firstWord].Span.Start, words[w].Span.End);
                var (commemorated, commemoratedSpan) = Commemorated(tokens, syntax, expressions, sentence, w);

                // the date: an expression of the anniversary's clause, else of its sentence
                var (_, clause) = view.Attach(w, w);
                var index = -1;
                var how = "no date in the sentence and no creation time";
                for (var k = 0; k < expressions.Count; k++)
                {
                    var e = expressions[k];
                    if (e.Type is not ("DATE" or "TIME") || TimeValues.GrainOf(e.Value) is not (Grain.Day or Grain.Month or Grain.Year or Grain.Week))
                    {
                        continue;
                    }

                    if (e.FirstWord < sentence.FirstWord || e.FirstWord >= sentence.EndWord || (commemoratedSpan is { } cs && cs.Contains(e.Span)))
                    {
                        continue;
                    }

                    if (clause >= 0 && e.Clause == clause)
                    {
                        index = k;
                        how = "date in the clause";
                        break;
                    }

                    if (index < 0)
                    {
                        index = k;
                        how = "date in the sentence";
                    }
                }

                string? date = null;
                if (index >= 0)
                {
                    date = expressions[index].Value;
                }
                else if (dct is not null)
                {
                    date = TimeValues.Year(dct.Date.Year);
                    how = "creation-time year";
                }

                var origin = date is null ? null : TimeValues.ShiftValue(date[..Math.Min(date.Length, 10)], "year", -ordinal);
                result.Add(new Anniversary(span, ordinal, commemorated, commemoratedSpan, index, date, origin, how));
            }
        }

        return result;
    }

    /// <summary>The ordinal before "anniversary" ("30th", "thirtieth", "twenty-fifth", "100th"), skipping a hyphen.</summary>
    private static (int Ordinal, int FirstWord) OrdinalBefore(TokenLayer tokens, Sentence sentence, int w)
    {
        var j = w - 1;
        if (j < sentence.FirstWord)
        {
            return (0, w);
        }

        var norm = tokens.Words[j].Form.ToLowerInvariant();
        if (TimexRules.Ordinal(norm) is not { } ord)
        {
            return (0, w);
        }

        var first = j;
        var k = j - 1;
        if (k >= sentence.FirstWord && tokens.Words[k].Form == "-")
        {
            k--;
        }

        if (ord < 10 && k >= sentence.FirstWord)
        {
            var tens = tokens.Words[k].Form.ToLowerInvariant() switch
            {
                "twenty" => 20,
                "thirty" => 30,
                "forty" => 40,
                "fifty" => 50,
                "sixty" => 60,
                "seventy" => 70,
                "eighty" => 80,
                "ninety" => 90,
                _ => 0,
            };
            if (tens > 0)
            {
                ord += tens;
                first = k;
            }
        }

        return (ord, first);
    }

    /// <summary>The phrase after "of", up to the clause's verb, punctuation or a temporal expression.</summary>
    private static (string? Text, TextSpan? Span) Commemorated(TokenLayer tokens, SyntaxLayer? syntax, IReadOnlyList<Timex> expressions, Sentence sentence, int w)
    {
        var words = tokens.Words;
        if (w + 1 >= sentence.EndWord || !words[w + 1].Form.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        // up to the clause's verb, punctuation, a relative pronoun or the start of a temporal expression
        var start = w + 2;
        var end = start;
        while (end < sentence.EndWord)
        {
            var form = words[end].Form;
            var tag = syntax?.XPos[end] ?? string.Empty;
            if (form is "," or "." or ";" or ":" or "(" or ")" or "—" or "–" or "\"" or "“" or "”" || tag.StartsWith("VB", StringComparison.Ordinal) || tag is "MD" or "WDT" or "WP"
                || expressions.Any(e => e.FirstWord == end))
            {
                break;
            }

            end++;
        }

        // a preposition left dangling before the stop ("… relations on")
        while (end > start && (syntax?.XPos[end - 1] is "IN" or "TO" or "CC" || words[end - 1].Form is "on" or "in" or "at"))
        {
            end--;
        }

        while (end > start && words[end - 1].Form is "," or "." or ";" or ":")
        {
            end--;
        }

        if (end <= start)
        {
            return (null, null);
        }

        var span = new TextSpan(words[start].Span.Start, words[end - 1].Span.End);
        var text = new System.Text.StringBuilder();
        for (var k = start; k < end; k++)
        {
            text.Append(words[k].Form);
            if (k + 1 < end && words[k + 1].Span.Start > words[k].Span.End)
            {
                text.Append(' ');
            }
        }

        return (text.ToString(), span);
    }
}
