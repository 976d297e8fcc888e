using Parley.Core;

namespace Parley.Events.Coding;

/// <summary>
/// Read-only view of a document's words with their syntax: lower-cased forms and lemmas, dependents of each word,
/// and phrase spans. Built once per document; word indices are document word indices.
/// </summary>
internal sealed class SentenceGraph
{
    private readonly List<int>[] _children;

    public SentenceGraph(Document document, TokenLayer tokens, SyntaxLayer syntax)
    {
        Document = document;
        Tokens = tokens;
        Syntax = syntax;
        var n = tokens.Words.Count;
        Forms = new string[n];
        Lemmas = new string[n];
        SentenceOf = new int[n];
        _children = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            Forms[i] = tokens.Words[i].Form.ToLowerInvariant().Replace('’', '\'');
            Lemmas[i] = syntax.Lemmas[i].ToLowerInvariant();
            _children[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            if (syntax.Heads[i] >= 0)
            {
                _children[syntax.Heads[i]].Add(i);
            }
        }

        for (var s = 0; s < tokens.Sentences.Count; s++)
        {
            var sentence = tokens.Sentences[s];
            for (var i = sentence.FirstWord; i < sentence.EndWord; i++)
            {
                SentenceOf[i] = s;
            }
        }
    }

    public Document Document { get; }

    public TokenLayer Tokens { get; }

    public SyntaxLayer Syntax { get; }

    public string[] Forms { get; }

    public string[] Lemmas { get; }

    public int[] SentenceOf { get; }

    public int Count => Forms.Length;

    public IReadOnlyList<int> Children(int word) => _children[word];

    public string Relation(int word) => Syntax.Relations[word];

    public string BaseRelation(int word)
    {
        var r = Syntax.Relations[word];
        var colon = r.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? r : r[..colon];
    }

    public string UPos(int word) => Syntax.UPos[word];

    public int Head(int word) => Syntax.Heads[word];

    /// <summary>True when the form or the lemma of <paramref name="word"/> equals <paramref name="text"/> (lower case).</summary>
    public bool Is(int word, string text) => Forms[word] == text || Lemmas[word] == text;

    /// <summary>The dependents of <paramref name="word"/> with the given base relation.</summary>
    public IEnumerable<int> ChildrenWith(int word, string baseRelation) =>
        _children[word].Where(c => BaseRelation(c) == baseRelation);

    /// <summary>The preposition (<c>case</c> dependent) of a nominal, lower case, or null.</summary>
    public string? CaseOf(int word)
    {
        foreach (var c in _children[word])
        {
            if (BaseRelation(c) is "case" && UPos(c) is "ADP" or "SCONJ")
            {
                return Forms[c];
            }
        }

        return null;
    }

    /// <summary>
    /// The characters of the phrase headed by <paramref name="word"/>: its subtree without relative clauses, clausal
    /// modifiers, appositions after a comma are kept (they carry titles), and leading/trailing punctuation trimmed.
    /// </summary>
    public TextSpan PhraseSpan(int word, bool keepClauses = false)
    {
        var (first, last) = (word, word);
        void Walk(int w)
        {
            foreach (var c in _children[w])
            {
                var rel = BaseRelation(c);
                if (rel == "punct" || (!keepClauses && rel is "acl" or "advcl" or "parataxis" or "ccomp"))
                {
                    continue;
                }

                first = Math.Min(first, c);
                last = Math.Max(last, c);
                Walk(c);
            }
        }

        Walk(word);
        while (first < word && UPos(first) is "PUNCT" or "CCONJ" or "ADP")
        {
            first++;
        }

        return new TextSpan(Tokens.Words[first].Span.Start, Tokens.Words[last].Span.End);
    }

    public string Text(TextSpan span) => Document.Slice(span);

    /// <summary>True when <paramref name="ancestor"/> dominates <paramref name="word"/> (or is it).</summary>
    public bool Dominates(int ancestor, int word)
    {
        for (var w = word; w >= 0; w = Head(w))
        {
            if (w == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
