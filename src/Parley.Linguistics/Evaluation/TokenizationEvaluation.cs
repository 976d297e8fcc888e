using Parley.Core;
using Parley.Linguistics.Conllu;

namespace Parley.Linguistics.Evaluation;

/// <summary>Counts for one metric: gold items, system items, correct items.</summary>
/// <param name="Gold">Number of gold items.</param>
/// <param name="System">Number of system items.</param>
/// <param name="Correct">Number of matching items.</param>
public sealed record Score(int Gold, int System, int Correct)
{
    /// <summary>Correct / system.</summary>
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    /// <summary>Correct / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Gold + System == 0 ? 0 : 2.0 * Correct / (Gold + System);

    /// <summary>Adds two scores.</summary>
    public Score Add(Score other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Score(Gold + other.Gold, System + other.System, Correct + other.Correct);
    }
}

/// <summary>Token, word and sentence scores of one evaluation set.</summary>
/// <param name="Tokens">Surface tokens (a multiword token counts once).</param>
/// <param name="Words">Syntactic words (multiword tokens split).</param>
/// <param name="Sentences">Sentences.</param>
public sealed record TokenizationScores(Score Tokens, Score Words, Score Sentences)
{
    /// <summary>Adds two sets of scores.</summary>
    public TokenizationScores Add(TokenizationScores other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new TokenizationScores(Tokens.Add(other.Tokens), Words.Add(other.Words), Sentences.Add(other.Sentences));
    }
}

/// <summary>Raw text rebuilt from a gold document, with its paragraph spans.</summary>
/// <param name="Text">Paragraphs separated by a blank line; sentences inside a paragraph joined by a space.</param>
/// <param name="Paragraphs">The paragraph spans.</param>
public sealed record GoldText(string Text, IReadOnlyList<TextSpan> Paragraphs);

/// <summary>
/// Tokenisation evaluation in the style of the CoNLL 2018 shared task (<c>conll18_ud_eval.py</c>): system and
/// gold are aligned on character offsets with white space removed; tokens and sentences match when their
/// spans are equal; words match by span outside multiword tokens and by a longest common subsequence of
/// lower-cased forms inside them.
/// </summary>
public static class TokenizationEvaluation
{
    /// <summary>Rebuilds raw text from a gold document's token forms and <c>SpaceAfter</c>.</summary>
    public static GoldText BuildText(ConlluDocument document)
    {
        var doc = ConlluDocuments.ToDocument(document);
        return new GoldText(doc.Text, doc.Paragraphs);
    }

    /// <summary>Evaluates <paramref name="tokenize"/> on gold documents (one alignment over all of them).</summary>
    /// <exception cref="InvalidOperationException">When system and gold characters differ (a tokeniser changed the text).</exception>
    public static TokenizationScores Evaluate(IEnumerable<ConlluDocument> gold, Func<string, IReadOnlyList<TextSpan>, TokenLayer> tokenize)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(tokenize);
        var goldSide = new Side();
        var systemSide = new Side();
        foreach (var document in gold)
        {
            AddGold(goldSide, document);
            var raw = BuildText(document);
            AddSystem(systemSide, raw.Text, tokenize(raw.Text, raw.Paragraphs));
            if (goldSide.Chars != systemSide.Chars)
            {
                throw new InvalidOperationException($"Document {document.Id}: gold has {goldSide.Chars} non-space characters, system {systemSide.Chars}.");
            }
        }

        return new TokenizationScores(
            SpansScore(goldSide.Tokens, systemSide.Tokens),
            new Score(goldSide.Words.Count, systemSide.Words.Count, AlignWords(goldSide.Words, systemSide.Words)),
            SpansScore(goldSide.Sentences, systemSide.Sentences));
    }

    private static void AddGold(Side side, ConlluDocument document)
    {
        foreach (var sentence in document.Sentences)
        {
            var sentenceStart = side.Chars;
            foreach (var token in sentence.Tokens)
            {
                var start = side.Chars;
                var end = start + NonSpaceLength(token.Form);
                side.Chars = end;
                side.Tokens.Add(new TextSpan(start, end));
                for (var w = token.FirstWord; w <= token.LastWord; w++)
                {
                    side.Words.Add(new EvalWord(new TextSpan(start, end), sentence.Words[w].Form, token.IsMultiword));
                }
            }

            side.Sentences.Add(new TextSpan(sentenceStart, side.Chars));
        }
    }

    private static void AddSystem(Side side, string text, TokenLayer layer)
    {
        // offsets with white space removed
        var map = new int[text.Length + 1];
        var n = side.Chars;
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = n;
            if (!char.IsWhiteSpace(text[i]))
            {
                n++;
            }
        }

        map[text.Length] = n;
        var words = layer.Words;
        var mwts = layer.MultiwordTokens;
        var m = 0;
        var w = 0;
        while (w < words.Count)
        {
            if (m < mwts.Count && mwts[m].FirstWord == w)
            {
                var mw = mwts[m];
                var span = new TextSpan(map[mw.Span.Start], map[mw.Span.End]);
                side.Tokens.Add(span);
                for (var k = mw.FirstWord; k <= mw.LastWord; k++)
                {
                    side.Words.Add(new EvalWord(span, words[k].Form, true));
                }

                w = mw.LastWord + 1;
                m++;
            }
            else
            {
                var span = new TextSpan(map[words[w].Span.Start], map[words[w].Span.End]);
                side.Tokens.Add(span);
                side.Words.Add(new EvalWord(span, words[w].Form, false));
                w++;
            }
        }

        foreach (var s in layer.Sentences)
        {
            side.Sentences.Add(new TextSpan(map[s.Span.Start], map[s.Span.End]));
        }

        side.Chars = n;
    }

    private static int NonSpaceLength(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    private static Score SpansScore(List<TextSpan> gold, List<TextSpan> system)
    {
        int correct = 0, gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (system[si].Start < gold[gi].Start)
            {
                si++;
            }
            else if (gold[gi].Start < system[si].Start)
            {
                gi++;
            }
            else
            {
                if (gold[gi].End == system[si].End)
                {
                    correct++;
                }

                si++;
                gi++;
            }
        }

        return new Score(gold.Count, system.Count, correct);
    }

    private static int AlignWords(List<EvalWord> gold, List<EvalWord> system)
    {
        int aligned = 0, gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold[gi].Multiword || system[si].Multiword)
            {
                // find the minimal multiword span covering both sides
                int end;
                if (gold[gi].Multiword)
                {
                    end = gold[gi].Span.End;
                    if (!system[si].Multiword && system[si].Span.Start < gold[gi].Span.Start)
                    {
                        si++;
                    }
                }
                else
                {
                    end = system[si].Span.End;
                    if (!gold[gi].Multiword && gold[gi].Span.Start < system[si].Span.Start)
                    {
                        gi++;
                    }
                }

                int gs = gi, ss = si;
                while (!BeyondEnd(gold, gi, end) || !BeyondEnd(system, si, end))
                {
                    if (gi < gold.Count && (si >= system.Count || gold[gi].Span.Start <= system[si].Span.Start))
                    {
                        end = ExtendEnd(gold[gi], end);
                        gi++;
                    }
                    else
                    {
                        end = ExtendEnd(system[si], end);
                        si++;
                    }
                }

                if (si > ss && gi > gs)
                {
                    aligned += Lcs(gold, system, gs, gi, ss, si);
                }
            }
            else if (gold[gi].Span == system[si].Span)
            {
                aligned++;
                gi++;
                si++;
            }
            else if (gold[gi].Span.Start <= system[si].Span.Start)
            {
                gi++;
            }
            else
            {
                si++;
            }
        }

        return aligned;
    }

    private static bool BeyondEnd(List<EvalWord> words, int i, int end)
    {
        if (i >= words.Count)
        {
            return true;
        }

        return words[i].Multiword ? words[i].Span.Start >= end : words[i].Span.End > end;
    }

    private static int ExtendEnd(EvalWord word, int end) => word.Multiword && word.Span.End > end ? word.Span.End : end;

    private static int Lcs(List<EvalWord> gold, List<EvalWord> system, int gs, int ge, int ss, int se)
    {
        int gn = ge - gs, sn = se - ss;
        var lcs = new int[gn + 1, sn + 1];
        for (var g = gn - 1; g >= 0; g--)
        {
            for (var s = sn - 1; s >= 0; s--)
            {
                var best = Math.Max(lcs[g + 1, s], lcs[g, s + 1]);
                if (string.Equals(gold[gs + g].Form, system[ss + s].Form, StringComparison.OrdinalIgnoreCase))
                {
                    best = Math.Max(best, 1 + lcs[g + 1, s + 1]);
                }

                lcs[g, s] = best;
            }
        }

        return lcs[0, 0];
    }

    private readonly record struct EvalWord(TextSpan Span, string Form, bool Multiword);

    private sealed class Side
    {
        public int Chars { get; set; }

        public List<TextSpan> Tokens { get; } = [];

        public List<EvalWord> Words { get; } = [];

        public List<TextSpan> Sentences { get; } = [];
    }
}
