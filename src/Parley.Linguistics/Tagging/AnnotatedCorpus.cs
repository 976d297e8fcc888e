namespace Parley.Linguistics.Tagging;

/// <summary>One sentence of a gold CoNLL-U corpus with the columns the tagger and lemmatiser learn from.</summary>
/// <param name="Forms">Syntactic words (multiword ranges and empty nodes are skipped).</param>
/// <param name="Lemmas">Gold lemmas.</param>
/// <param name="UPos">Universal POS tags.</param>
/// <param name="XPos">Language-specific (Penn) tags.</param>
/// <param name="Feats">Morphological features (<c>_</c> when none).</param>
/// <param name="Heads">Gold head per word (1-based word index, 0 = root); empty when the corpus has none.</param>
/// <param name="DepRels">Gold dependency relation per word; empty when the corpus has none.</param>
public sealed record AnnotatedSentence(string[] Forms, string[] Lemmas, string[] UPos, string[] XPos, string[] Feats, int[] Heads, string[] DepRels)
{
    /// <summary>A sentence without dependency annotation.</summary>
    public AnnotatedSentence(string[] forms, string[] lemmas, string[] upos, string[] xpos, string[] feats)
        : this(forms, lemmas, upos, xpos, feats, [], [])
    {
    }
}

/// <summary>Loads gold CoNLL-U files for training and evaluation of the tagger and parser.</summary>
public static class AnnotatedCorpus
{
    /// <summary>Reads every sentence of a CoNLL-U file (multiword ranges and empty nodes skipped); malformed lines are PRL1014.</summary>
    public static List<AnnotatedSentence> Load(string path) =>
        Conllu.ConlluReader.ReadFile(path).SelectMany(d => d.Sentences).Select(FromConllu).ToList();

    /// <summary>The annotated view of one CoNLL-U sentence; HEAD <c>_</c> becomes -1.</summary>
    public static AnnotatedSentence FromConllu(Conllu.ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var w = sentence.Words;
        return new AnnotatedSentence(
            w.Select(x => x.Form).ToArray(),
            w.Select(x => x.Lemma).ToArray(),
            w.Select(x => x.Upos).ToArray(),
            w.Select(x => x.Xpos).ToArray(),
            w.Select(x => x.Feats).ToArray(),
            w.Select(x => int.TryParse(x.Head, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : -1).ToArray(),
            w.Select(x => x.Deprel).ToArray());
    }
}
