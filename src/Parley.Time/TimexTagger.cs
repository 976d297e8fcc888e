using Parley.Core;

namespace Parley.Time;

/// <summary>
/// Pipeline component that finds temporal expressions (TIMEX3 DATE, TIME, DURATION, SET), normalises them to
/// TimeML values anchored on the document creation time (the publication time in the document's metadata),
/// resolves weekdays and bare months by the tense of the clause they modify, attaches each expression to that
/// clause, and finds anniversaries (<c>timexes</c> layer). Without a DCT, relative expressions keep a reason
/// instead of a value. Rules only, no model: thread-safe and allocation-light.
/// </summary>
public sealed class TimexTagger : IPipelineComponent
{
    /// <summary>Versioned name written as the layer's producer.</summary>
    public const string Producer = "parley.timex.v1";

    /// <inheritdoc/>
    public ComponentDescriptor Descriptor { get; } = new("parley.timex", "1", [LayerNames.Tokens, LayerNames.Syntax, LayerNames.Clauses], [LayerNames.Timexes]);

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(
            Layers.Timexes,
            Annotate(document.Get(Layers.Tokens), document.Get(Layers.Syntax), document.Get(Layers.Clauses), document.Metadata.Published, cancellationToken));
    }

    /// <summary>
    /// The temporal expressions of a tokenised (and, for tense and clause attachment, parsed) text.
    /// </summary>
    /// <param name="tokens">Words and sentences.</param>
    /// <param name="syntax">Tags and dependencies; null to recognise from the words alone (no tense, no clauses).</param>
    /// <param name="clauses">The clause view; null for no clause attachment.</param>
    /// <param name="dct">The document creation time; null leaves relative expressions unresolved, with a reason.</param>
    /// <param name="cancellationToken">Cancels between sentences.</param>
    public static TimexLayer Annotate(TokenLayer tokens, SyntaxLayer? syntax, ClauseLayer? clauses, PublicationTime? dct, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var view = new ClauseView(tokens, syntax, clauses);
        var context = new RuleContext { Dct = dct?.Date, TenseOf = view.TenseOf };
        var expressions = new List<Timex>();
        var pieces = new List<Piece>(tokens.Words.Count + 16);
        // one run over the whole text: a sentence split inside a date ("through Nov. | 17.") must not cut it
        foreach (var sentence in tokens.Sentences)
        {
            BuildPieces(tokens, syntax, sentence, pieces);
        }

        cancellationToken.ThrowIfCancellationRequested();
        {
            foreach (var c in TimexRules.Recognize(pieces, context))
            {
                var first = pieces[c.Start].Word;
                var last = pieces[c.End - 1].Word;
                var span = new TextSpan(pieces[c.Start].Start, pieces[c.End - 1].End);
                var (predicate, clause) = view.Attach(first, last);
                expressions.Add(new Timex(span, c.Type, c.Value, c.Mod, c.Quant, c.Rule, c.Anchor, c.Reason, first, last - first + 1, predicate, clause));
            }
        }

        var anniversaries = Anniversaries.Find(tokens, syntax, view, expressions, dct);
        foreach (var a in anniversaries)
        {
            if (a.Expression >= 0)
            {
                expressions[a.Expression] = expressions[a.Expression] with { Anniversary = a };
            }
        }

        return new TimexLayer(expressions, dct is null ? null : DctValue(dct), anniversaries, Producer);
    }

    /// <summary>The TimeML value of a publication time: the day, with the time when known.</summary>
    public static string DctValue(PublicationTime dct)
    {
        ArgumentNullException.ThrowIfNull(dct);
        return dct.Precision >= DatePrecision.Minute && dct.Time is { } t
            ? TimeValues.Day(dct.Date) + "T" + t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : TimeValues.Day(dct.Date);
    }

    /// <summary>Splits the sentence's words into rule pieces: hyphenated words give one piece per part.</summary>
    internal static void BuildPieces(TokenLayer tokens, SyntaxLayer? syntax, Sentence sentence, List<Piece> pieces)
    {
        var hyphenNext = false;
        for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
        {
            var word = tokens.Words[w];
            var form = word.Form;
            var tag = syntax?.XPos[w] ?? string.Empty;

            // a free-standing hyphen between two words with no space ("third - quarter" from "third-quarter")
            if (form is "-" or "–" && pieces.Count > 0 && pieces[^1].End == word.Span.Start && w + 1 < sentence.EndWord && tokens.Words[w + 1].Span.Start == word.Span.End)
            {
                hyphenNext = true;
                continue;
            }

            // "Nov" "." split off by the sentence splitter before a day number: one piece "Nov."
            if (form == "." && pieces.Count > 0 && pieces[^1].End == word.Span.Start && pieces[^1].Text.Length is >= 3 and <= 4
                && pieces[^1].Norm is "jan" or "feb" or "mar" or "apr" or "jun" or "jul" or "aug" or "sep" or "sept" or "oct" or "nov" or "dec")
            {
                var prev = pieces[^1];
                pieces[^1] = prev with { Text = prev.Text + ".", End = word.Span.End };
                continue;
            }

            var dash = form.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && dash < form.Length - 1 && form.Length == word.Span.Length && (!char.IsAsciiDigit(form[0]) || !char.IsAsciiDigit(form[^1])))
            {
                var start = 0;
                var first = true;
                while (start <= form.Length)
                {
                    var next = form.IndexOf('-', start);
                    if (next < 0)
                    {
                        next = form.Length;
                    }

                    if (next > start)
                    {
                        var part = form[start..next];
                        var norm = Normalise(part);
                        if (first && norm == "mid")
                        {
                            norm = "mid-";
                        }

                        pieces.Add(new Piece(part, norm, word.Span.Start + start, word.Span.Start + next, w, tag, !first || hyphenNext));
                        first = false;
                    }

                    start = next + 1;
                }

                hyphenNext = false;
                continue;
            }

            pieces.Add(new Piece(form, Normalise(form), word.Span.Start, word.Span.End, w, tag, hyphenNext));
            hyphenNext = false;
        }
    }

    private static string Normalise(string form)
    {
        var lower = form.ToLowerInvariant();
        if (lower.Contains('’', StringComparison.Ordinal))
        {
            lower = lower.Replace('’', '\'');
        }

        if (lower.Length > 1 && lower[^1] == '.' && lower is not "a.m." and not "p.m." && !char.IsAsciiDigit(lower[0]))
        {
            lower = lower[..^1];
        }

        return lower;
    }
}
