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

/// <summary>End-to-end scores from raw text: segmentation, and tagging and parsing over aligned words (F1).</summary>
/// <param name="Tokenization">Tokens, words and sentences.</param>
/// <param name="UPos">Words aligned with the right UPOS.</param>
/// <param name="Uas">Words aligned with the right head.</param>
/// <param name="Las">Words aligned with the right head and universal relation.</param>
public sealed record EndToEndScores(TokenizationScores Tokenization, Score UPos, Score Uas, Score Las);

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
            new Score(goldSide.Words.Count, systemSide.Words.Count, AlignWords(goldSide.Words, systemSide.Words).Count),
            SpansScore(goldSide.Sentences, systemSide.Sentences));
    }

    /// <summary>
    /// End-to-end evaluation from raw text, CoNLL 2018 style: the system tokenises the rebuilt text and
    /// annotates it; words are aligned to gold by character spans (multiword regions by form), and UPOS, UAS and
    /// LAS are F1 over aligned words (LAS on universal relations, subtypes ignored; a head is right when the
    /// system's head is aligned to the gold head, or both are the root).
    /// </summary>
    public static EndToEndScores EvaluateEndToEnd(IEnumerable<ConlluDocument> gold, Func<string, IReadOnlyList<TextSpan>, TokenLayer> tokenize, Func<TokenLayer, SyntaxLayer> annotate)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(tokenize);
        ArgumentNullException.ThrowIfNull(annotate);
        var goldSide = new Side();
        var systemSide = new Side();
        var goldAttrs = new List<(string UPos, int Head, string Rel)>();
        var systemAttrs = new List<(string UPos, int Head, string Rel)>();
        foreach (var document in gold)
        {
            var offset = goldAttrs.Count;
            AddGold(goldSide, document);
            foreach (var sentence in document.Sentences)
            {
                foreach (var w in sentence.Words)
                {
                    var head = int.TryParse(w.Head, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0 ? offset + h - 1 : -1;
                    goldAttrs.Add((w.Upos, head, w.Deprel));
                }

                offset += sentence.Words.Count;
            }

            var raw = BuildText(document);
            var layer = tokenize(raw.Text, raw.Paragraphs);
            AddSystem(systemSide, raw.Text, layer);
            var syntax = annotate(layer);
            var systemOffset = systemAttrs.Count;
            for (var i = 0; i < layer.Words.Count; i++)
            {
                systemAttrs.Add((syntax.UPos[i], syntax.Heads[i] < 0 ? -1 : systemOffset + syntax.Heads[i], syntax.Relations[i]));
            }

            if (goldSide.Chars != systemSide.Chars)
            {
                throw new InvalidOperationException($"Document {document.Id}: gold has {goldSide.Chars} non-space characters, system {systemSide.Chars}.");
            }
        }

        var pairs = AlignWords(goldSide.Words, systemSide.Words);
        var goldOf = new Dictionary<int, int>(pairs.Count);
        foreach (var (g, sw) in pairs)
        {
            goldOf[sw] = g;
        }

        int upos = 0, uas = 0, las = 0;
        foreach (var (g, sw) in pairs)
        {
            var ga = goldAttrs[g];
            var sa = systemAttrs[sw];
            upos += ga.UPos == sa.UPos ? 1 : 0;
            var headRight = sa.Head < 0 ? ga.Head < 0 : goldOf.TryGetValue(sa.Head, out var gh) && gh == ga.Head;
            if (headRight)
            {
                uas++;
                las += Universal(ga.Rel) == Universal(sa.Rel) ? 1 : 0;
            }
        }

        var gn = goldSide.Words.Count;
        var sn = systemSide.Words.Count;
        return new EndToEndScores(
            new TokenizationScores(SpansScore(goldSide.Tokens, systemSide.Tokens), new Score(gn, sn, pairs.Count), SpansScore(goldSide.Sentences, systemSide.Sentences)),
            new Score(gn, sn, upos),
            new Score(gn, sn, uas),
            new Score(gn, sn, las));

        static string Universal(string rel) => rel.Split(':')[0];
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

    private static List<(int Gold, int System)> AlignWords(List<EvalWord> gold, List<EvalWord> system)
    {
        var aligned = new List<(int Gold, int System)>();
        int gi = 0, si = 0;
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
                    Lcs(gold, system, gs, gi, ss, si, aligned);
                }
            }
            else if (gold[gi].Span == system[si].Span)
            {
                aligned.Add((gi, si));
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

    /// <summary>Longest common subsequence of word forms inside a multiword region; adds the matched pairs.</summary>
    private static void Lcs(List<EvalWord> gold, List<EvalWord> system, int gs, int ge, int ss, int se, List<(int Gold, int System)> pairs)
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

        for (int g = 0, s = 0; g < gn && s < sn;)
        {
            if (string.Equals(gold[gs + g].Form, system[ss + s].Form, StringComparison.OrdinalIgnoreCase) && lcs[g, s] == 1 + lcs[g + 1, s + 1])
            {
                pairs.Add((gs + g, ss + s));
                g++;
                s++;
            }
            else if (lcs[g + 1, s] >= lcs[g, s + 1])
            {
                g++;
            }
            else
            {
                s++;
            }
        }
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
