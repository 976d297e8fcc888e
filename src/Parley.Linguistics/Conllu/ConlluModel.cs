namespace Parley.Linguistics.Conllu;

/// <summary>One syntactic word line of a CoNLL-U file (empty nodes are not kept).</summary>
/// <param name="Id">The word index in its sentence (1-based).</param>
/// <param name="Form">FORM.</param>
/// <param name="Lemma">LEMMA.</param>
/// <param name="Upos">UPOS.</param>
/// <param name="Xpos">XPOS.</param>
/// <param name="Feats">FEATS.</param>
/// <param name="Head">HEAD.</param>
/// <param name="Deprel">DEPREL.</param>
/// <param name="Deps">DEPS.</param>
/// <param name="Misc">MISC.</param>
public sealed record ConlluWord(int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, string Head, string Deprel, string Deps, string Misc);

/// <summary>A surface token: a plain word, or a multiword range line with the words it covers.</summary>
/// <param name="Form">The surface form.</param>
/// <param name="FirstWord">Index of its first word in <see cref="ConlluSentence.Words"/> (0-based).</param>
/// <param name="LastWord">Index of its last word (inclusive).</param>
/// <param name="SpaceAfter">False when MISC says <c>SpaceAfter=No</c>.</param>
public sealed record ConlluToken(string Form, int FirstWord, int LastWord, bool SpaceAfter)
{
    /// <summary>True for a multiword token (a range line).</summary>
    public bool IsMultiword => LastWord > FirstWord;
}

/// <summary>A sentence: its comments, surface tokens and words.</summary>
/// <param name="SentId">The <c># sent_id</c>, or null.</param>
/// <param name="Text">The <c># text</c>, or null.</param>
/// <param name="Tokens">Surface tokens in order.</param>
/// <param name="Words">Syntactic words in order.</param>
public sealed record ConlluSentence(string? SentId, string? Text, IReadOnlyList<ConlluToken> Tokens, IReadOnlyList<ConlluWord> Words)
{
    /// <summary>The sentence text rebuilt from the token forms and <c>SpaceAfter</c> (no trailing space).</summary>
    public string TextFromTokens()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < Tokens.Count; i++)
        {
            sb.Append(Tokens[i].Form);
            if (Tokens[i].SpaceAfter && i + 1 < Tokens.Count)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}

/// <summary>A paragraph (<c># newpar</c>).</summary>
/// <param name="Sentences">Its sentences.</param>
public sealed record ConlluParagraph(IReadOnlyList<ConlluSentence> Sentences);

/// <summary>A document (<c># newdoc</c>).</summary>
/// <param name="Id">The <c># newdoc id</c>, or a generated one.</param>
/// <param name="Paragraphs">Its paragraphs.</param>
public sealed record ConlluDocument(string Id, IReadOnlyList<ConlluParagraph> Paragraphs)
{
    /// <summary>All sentences in order.</summary>
    public IEnumerable<ConlluSentence> Sentences => Paragraphs.SelectMany(p => p.Sentences);
}

/// <summary>
/// Optional columns for one word when writing CoNLL-U; null or empty values are written as <c>_</c>.
/// Later components (tagger, parser, NER) fill them.
/// </summary>
/// <param name="Lemma">LEMMA.</param>
/// <param name="Upos">UPOS.</param>
/// <param name="Xpos">XPOS.</param>
/// <param name="Feats">FEATS.</param>
/// <param name="Head">HEAD.</param>
/// <param name="Deprel">DEPREL.</param>
/// <param name="Deps">DEPS.</param>
/// <param name="Misc">Extra MISC attributes (joined with <c>SpaceAfter=No</c> when needed).</param>
public readonly record struct ConlluColumns(string? Lemma = null, string? Upos = null, string? Xpos = null, string? Feats = null, string? Head = null, string? Deprel = null, string? Deps = null, string? Misc = null);
