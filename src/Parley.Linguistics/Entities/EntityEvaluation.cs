using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Entities;

/// <summary>Exact-span precision, recall and F1 counts of one entity type (or of all, micro-averaged).</summary>
/// <param name="Gold">Gold mentions.</param>
/// <param name="Predicted">Predicted mentions.</param>
/// <param name="Correct">Predicted mentions with the exact gold span and type.</param>
public readonly record struct SpanScore(int Gold, int Predicted, int Correct)
{
    /// <summary>Precision (1 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    /// <summary>Recall (1 when there is no gold mention).</summary>
    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Exact-span evaluation of a recogniser on gold-tokenised sentences, per type and micro-averaged over PER/ORG/LOC.</summary>
public static class EntityEvaluation
{
    /// <summary>Key of the micro average in the result.</summary>
    public const string Micro = "micro";

    /// <summary>
    /// Tags every sentence (POS from <paramref name="tagger"/>; consecutive sentences of one document, by sentence id,
    /// are recognised together with <see cref="EntityRecognizer.RecognizeDocument"/>) and scores the mentions against the gold ones.
    /// </summary>
    /// <param name="recognizer">The recogniser.</param>
    /// <param name="tagger">The POS tagger whose tags the recogniser reads.</param>
    /// <param name="gold">Gold sentences, documents contiguous.</param>
    /// <param name="consistency">The one-sense-per-document repair (the run-time default unless told).</param>
    public static IReadOnlyDictionary<string, SpanScore> Evaluate(EntityRecognizer recognizer, PosTagger tagger, IEnumerable<EntitySentence> gold, DocumentConsistency consistency = DocumentConsistency.Acronyms)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gold);
        var sentences = gold.ToList();
        var pairs = new List<(IReadOnlyList<EntitySpan>, IReadOnlyList<EntitySpan>)>(sentences.Count);
        foreach (var document in Documents(sentences))
        {
            var found = recognizer.RecognizeDocument(document.Select(s => (IReadOnlyList<string>)s.Forms).ToList(), document.Select(s => (IReadOnlyList<string>)tagger.Tag(s.Forms).XPos).ToList(), consistency);
            for (var i = 0; i < document.Count; i++)
            {
                pairs.Add((document[i].Spans, found[i].Select(e => new EntitySpan(e.Start, e.End, e.Type)).ToList()));
            }
        }

        return Score(pairs);
    }

    /// <summary>Consecutive sentences of one document (by <see cref="EntityCorpora.DocumentId"/>; a sentence without an id is a document of its own).</summary>
    internal static List<List<EntitySentence>> Documents(IReadOnlyList<EntitySentence> sentences)
    {
        var result = new List<List<EntitySentence>>();
        string? current = null;
        foreach (var s in sentences)
        {
            var id = s.SentId is null ? null : EntityCorpora.DocumentId(s.SentId);
            if (result.Count == 0 || id is null || id != current)
            {
                result.Add([]);
            }

            result[^1].Add(s);
            current = id;
        }

        return result;
    }

    /// <summary>Scores (gold, predicted) span lists; types outside PER/ORG/LOC are ignored.</summary>
    public static IReadOnlyDictionary<string, SpanScore> Score(IEnumerable<(IReadOnlyList<EntitySpan> Gold, IReadOnlyList<EntitySpan> Predicted)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = EntityLabels.Types.ToDictionary(t => t, _ => (G: 0, P: 0, C: 0), StringComparer.Ordinal);
        foreach (var (g, p) in sentences)
        {
            var goldSet = g.Where(x => counts.ContainsKey(x.Type)).ToHashSet();
            foreach (var x in goldSet)
            {
                var c = counts[x.Type];
                counts[x.Type] = (c.G + 1, c.P, c.C);
            }

            foreach (var x in p.Where(x => counts.ContainsKey(x.Type)).Distinct())
            {
                var c = counts[x.Type];
                counts[x.Type] = (c.G, c.P + 1, c.C + (goldSet.Contains(x) ? 1 : 0));
            }
        }

        var result = counts.ToDictionary(kv => kv.Key, kv => new SpanScore(kv.Value.G, kv.Value.P, kv.Value.C), StringComparer.Ordinal);
        result[Micro] = new SpanScore(result.Values.Sum(s => s.Gold), result.Values.Sum(s => s.Predicted), result.Values.Sum(s => s.Correct));
        return result;
    }
}
