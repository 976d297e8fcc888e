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

/// <summary>Loads gold CoNLL-U files for training and evaluation of the tagger.</summary>
public static class AnnotatedCorpus
{
    /// <summary>Reads every sentence of a CoNLL-U file; a line that is not 10 tab-separated columns is an error (PRL1014).</summary>
    public static List<AnnotatedSentence> Load(string path)
    {
        var result = new List<AnnotatedSentence>();
        var forms = new List<string>();
        var lemmas = new List<string>();
        var upos = new List<string>();
        var xpos = new List<string>();
        var feats = new List<string>();
        var heads = new List<int>();
        var rels = new List<string>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new Core.ParleyException(Core.Errors.InvalidAnnotatedInput, $"expected 10 tab-separated columns, found {cols.Length}", new Core.SourceLocation(path, lineNo));
            }

            if (cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            forms.Add(cols[1]);
            lemmas.Add(cols[2]);
            upos.Add(cols[3]);
            xpos.Add(cols[4]);
            feats.Add(cols[5]);
            heads.Add(cols[6] == "_" ? -1 : int.Parse(cols[6], System.Globalization.CultureInfo.InvariantCulture));
            rels.Add(cols[7]);
        }

        Flush();
        return result;

        void Flush()
        {
            if (forms.Count == 0)
            {
                return;
            }

            result.Add(new AnnotatedSentence([.. forms], [.. lemmas], [.. upos], [.. xpos], [.. feats], [.. heads], [.. rels]));
            forms.Clear();
            lemmas.Clear();
            upos.Clear();
            xpos.Clear();
            feats.Clear();
            heads.Clear();
            rels.Clear();
        }
    }
}
