using Parley.Core;

namespace Parley.Time;

/// <summary>Counts of one row of a TIMEX3 evaluation (all types, or one type).</summary>
/// <param name="Gold">Gold expressions.</param>
/// <param name="Predicted">Predicted expressions.</param>
/// <param name="StrictMatches">Predicted expressions whose extent equals a gold extent (counted by predicted type: the precision side).</param>
/// <param name="StrictGold">Gold expressions whose extent a prediction equals (counted by gold type: the recall side).</param>
/// <param name="RelaxedGold">Gold expressions overlapped by a prediction (recall side of the relaxed match).</param>
/// <param name="RelaxedPredicted">Predictions overlapping a gold expression (precision side).</param>
/// <param name="ValueCorrect">Relaxed matches (one-to-one) with the gold value.</param>
/// <param name="TypeCorrect">Relaxed matches (one-to-one) with the gold type.</param>
/// <param name="Matches">One-to-one relaxed matches (the denominator of value and type accuracy).</param>
public sealed record TimexScore(int Gold, int Predicted, int StrictMatches, int StrictGold, int RelaxedGold, int RelaxedPredicted, int ValueCorrect, int TypeCorrect, int Matches)
{
    private static double Div(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>Strict precision (equal extents).</summary>
    public double StrictPrecision => Div(StrictMatches, Predicted);

    /// <summary>Strict recall.</summary>
    public double StrictRecall => Div(StrictGold, Gold);

    /// <summary>Strict F1.</summary>
    public double StrictF1 => Div(2 * StrictPrecision * StrictRecall, StrictPrecision + StrictRecall);

    /// <summary>Relaxed precision (overlapping extents).</summary>
    public double RelaxedPrecision => Div(RelaxedPredicted, Predicted);

    /// <summary>Relaxed recall.</summary>
    public double RelaxedRecall => Div(RelaxedGold, Gold);

    /// <summary>Relaxed F1.</summary>
    public double RelaxedF1 => Div(2 * RelaxedPrecision * RelaxedRecall, RelaxedPrecision + RelaxedRecall);

    /// <summary>Value accuracy over relaxed matches.</summary>
    public double ValueAccuracy => Div(ValueCorrect, Matches);

    /// <summary>Type accuracy over relaxed matches.</summary>
    public double TypeAccuracy => Div(TypeCorrect, Matches);

    /// <summary>Value F1 = relaxed F1 × value accuracy (TempEval-3).</summary>
    public double ValueF1 => RelaxedF1 * ValueAccuracy;
}

/// <summary>One discrepancy between gold and prediction, for error analysis.</summary>
/// <param name="Document">Document id.</param>
/// <param name="Kind"><c>missed</c>, <c>spurious</c>, <c>extent</c> (overlap but not equal), <c>value</c> or <c>type</c>.</param>
/// <param name="Gold">The gold annotation, or null.</param>
/// <param name="Predicted">The prediction, or null.</param>
public sealed record TimexError(string Document, string Kind, TimeMlTimex? Gold, TimeMlTimex? Predicted);

/// <summary>
/// The TempEval-3 TIMEX3 scorer over character extents of the tag-free TEXT (the DCT is not scored):
/// strict = equal extents, relaxed = overlapping extents, value and type accuracy over relaxed one-to-one
/// matches, value F1 = relaxed F1 × value accuracy. Per-type rows count gold by gold type and predictions by
/// predicted type.
/// </summary>
public sealed class TimexEvaluation
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    /// <summary>The name of the row over all types.</summary>
    public const string All = "ALL";

    /// <summary>The TimeML types, in report order.</summary>
    public static IReadOnlyList<string> Types { get; } = ["DATE", "TIME", "DURATION", "SET"];

    /// <summary>Discrepancies collected so far.</summary>
    public List<TimexError> Errors { get; } = [];

    /// <summary>Adds one document's gold and predicted annotations.</summary>
    public void Add(string document, IReadOnlyList<TimeMlTimex> gold, IReadOnlyList<TimeMlTimex> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        Count(All, 0, gold.Count);
        Count(All, 1, predicted.Count);
        foreach (var g in gold)
        {
            Count(g.Type, 0, 1);
        }

        foreach (var p in predicted)
        {
            Count(p.Type, 1, 1);
            if (gold.Any(g => g.Span == p.Span))
            {
                Count(All, 2, 1);
                Count(p.Type, 2, 1);
            }

            if (gold.FirstOrDefault(g => g.Span == p.Span) is { } sg)
            {
                Count(All, 8, 1);
                Count(sg.Type, 8, 1);
            }

            if (gold.Any(g => g.Span.Overlaps(p.Span)))
            {
                Count(All, 4, 1);
                Count(p.Type, 4, 1);
            }
            else
            {
                Errors.Add(new TimexError(document, "spurious", null, p));
            }
        }

        var used = new bool[predicted.Count];
        foreach (var g in gold)
        {
            if (predicted.Any(p => p.Span.Overlaps(g.Span)))
            {
                Count(All, 3, 1);
                Count(g.Type, 3, 1);
            }

            // one-to-one: the first unused prediction with the largest overlap
            var best = -1;
            var bestOverlap = 0;
            for (var k = 0; k < predicted.Count; k++)
            {
                if (used[k] || !predicted[k].Span.Overlaps(g.Span))
                {
                    continue;
                }

                var overlap = Math.Min(g.Span.End, predicted[k].Span.End) - Math.Max(g.Span.Start, predicted[k].Span.Start);
                if (overlap > bestOverlap)
                {
                    best = k;
                    bestOverlap = overlap;
                }
            }

            if (best < 0)
            {
                Errors.Add(new TimexError(document, "missed", g, null));
                continue;
            }

            used[best] = true;
            var p = predicted[best];
            Count(All, 7, 1);
            Count(g.Type, 7, 1);
            if (p.Value == g.Value)
            {
                Count(All, 5, 1);
                Count(g.Type, 5, 1);
            }
            else
            {
                Errors.Add(new TimexError(document, "value", g, p));
            }

            if (p.Type == g.Type)
            {
                Count(All, 6, 1);
                Count(g.Type, 6, 1);
            }
            else
            {
                Errors.Add(new TimexError(document, "type", g, p));
            }

            if (p.Span != g.Span)
            {
                Errors.Add(new TimexError(document, "extent", g, p));
            }
        }
    }

    /// <summary>The scores of a row: <see cref="All"/> or a type.</summary>
    public TimexScore Score(string row)
    {
        var c = _counts.TryGetValue(row, out var v) ? v : new int[9];
        return new TimexScore(c[0], c[1], c[2], c[8], c[3], c[4], c[5], c[6], c[7]);
    }

    /// <summary>Predictions as TimeML annotations (for scoring).</summary>
    public static IReadOnlyList<TimeMlTimex> FromLayer(TimexLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.Expressions.Select(t => new TimeMlTimex(t.Span, t.Type, t.Value ?? string.Empty, t.Mod)).ToList();
    }

    private void Count(string row, int index, int n)
    {
        if (!_counts.TryGetValue(row, out var c))
        {
            c = new int[9];
            _counts[row] = c;
        }

        c[index] += n;
    }
}
