using Parley.Linguistics.Conllu;
using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Entities;

/// <summary>
/// Self-training data for <see cref="EntityRecognizer"/>: a first model labels text that has gold part-of-speech
/// annotation but no entity annotation (UD English EWT train: the genres of UNER's test set), and the labelled
/// sentences join the gold ones, with a small weight, to train the final model. The gold universal POS tags constrain
/// the labelling (<see cref="MayBeName"/>): a mention never covers a verb, a pronoun or a lower-case common word, and
/// contains a proper noun, so the pseudo-labels' errors are mostly of type and of omission, not spurious mentions.
/// Deterministic: the same model and documents give the same sentences.
/// </summary>
public static class EntitySelfTraining
{
    /// <summary>
    /// Labels every sentence of the documents with <paramref name="recognizer"/> (document by document, with the
    /// one-sense-per-document repair) under the POS constraint, and returns them as training sentences.
    /// </summary>
    /// <param name="recognizer">The first-stage model.</param>
    /// <param name="tagger">The tagger whose Penn tags become the sentences' <see cref="EntitySentence.XPos"/> (as at run time).</param>
    /// <param name="documents">Gold-POS documents (CoNLL-U) without entity annotation.</param>
    /// <param name="weight">The instance weight of the returned sentences.</param>
    /// <returns>One sentence per input sentence (with its id, so documents stay together), in input order.</returns>
    public static List<EntitySentence> Label(EntityRecognizer recognizer, PosTagger tagger, IEnumerable<ConlluDocument> documents, float weight)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(documents);
        var result = new List<EntitySentence>();
        foreach (var document in documents)
        {
            var sentences = document.Sentences.ToList();
            var forms = sentences.Select(s => s.Words.Select(w => w.Form).ToArray()).ToList();
            var xpos = forms.Select(f => tagger.Tag(f).XPos).ToList();
            var profile = (recognizer.Features & EntityFeatures.DocumentProfile) != 0 ? EntityDocument.From(forms) : null;
            var masks = sentences.Select(s => s.Words.Select(MayBeName).ToArray()).ToList();
            var found = forms.Select((f, i) => recognizer.RecognizeMasked(f, xpos[i], profile, masks[i])).ToList();
            var repaired = MentionConsistency.Apply(forms, found, DocumentConsistency.SameWords);
            for (var i = 0; i < sentences.Count; i++)
            {
                var words = sentences[i].Words;
                var spans = repaired[i]
                    .Where(m => Enumerable.Range(m.Start, m.End - m.Start).All(j => masks[i][j]) && Enumerable.Range(m.Start, m.End - m.Start).Any(j => words[j].Upos == "PROPN"))
                    .Select(m => new EntitySpan(m.Start, m.End, m.Type));
                result.Add(new EntitySentence(forms[i], EntityLabels.ToIob2(spans, forms[i].Length), sentences[i].SentId) { XPos = xpos[i], Weight = weight });
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a word may be inside a named mention given its gold universal POS: a proper noun; a connecting word
    /// ("of", "and", "the", "'s", punctuation); or a capitalised or numeric word of another open class ("United Way",
    /// "Cinema 21"). Verbs and nouns in lower case, pronouns, adverbs, auxiliaries and interjections may not.
    /// </summary>
    internal static bool MayBeName(ConlluWord word) => word.Upos switch
    {
        "PROPN" or "ADP" or "CCONJ" or "PUNCT" or "PART" => true,
        "ADJ" or "NOUN" or "NUM" or "DET" or "X" or "SYM" or "VERB" => word.Form.Length > 0 && (char.IsUpper(word.Form[0]) || char.IsDigit(word.Form[0])),
        _ => false,
    };
}
