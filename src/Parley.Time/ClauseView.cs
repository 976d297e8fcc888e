using Parley.Core;

namespace Parley.Time;

/// <summary>
/// The clause side of temporal expressions: which clause (predicate) a span modifies, found by climbing the
/// dependency tree from the span's head to the nearest clause predicate, and that clause's tense.
/// </summary>
internal sealed class ClauseView
{
    private static readonly HashSet<string> FutureAux = new(StringComparer.OrdinalIgnoreCase) { "will", "'ll", "’ll", "shall", "wo" };

    private static readonly HashSet<string> Scheduling = new(StringComparer.OrdinalIgnoreCase) { "schedule", "plan", "set", "slate", "due", "expect" };

    private static readonly HashSet<string> Reporting = new(StringComparer.OrdinalIgnoreCase) { "say", "tell", "report", "announce", "add", "note", "claim", "insist", "deny", "confirm", "believe", "think", "know", "want", "need", "be", "have", "remain", "continue", "show", "indicate", "estimate", "expect", "hope", "fear", "warn", "argue", "acknowledge", "admit", "agree", "contend", "suggest", "consider" };

    /// <summary>
    /// Irregular simple-past forms that are never a present or base form ("rose", "fell", "met"): a predicate so
    /// spelled is past whatever tag the tagger gave it ("Stocks rose Friday" tagged VBP would otherwise look ahead).
    /// Forms shared with the present ("set", "cut", "hit", "put", "read", "lay", "found") are left out.
    /// </summary>
    private static readonly HashSet<string> PastOnlyForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "rose", "fell", "met", "led", "fled", "won", "held", "said", "told", "took", "gave", "came", "went", "saw", "began",
        "sent", "kept", "brought", "thought", "sought", "fought", "bought", "caught", "taught", "stood", "spoke", "broke",
        "chose", "drove", "flew", "grew", "knew", "threw", "wrote", "sank", "struck", "stole", "swore", "woke", "froze",
        "paid", "sold", "felt", "heard", "built", "spent", "dealt", "meant", "slept", "shot", "slid", "rang", "sang", "drew",
        "withdrew", "arose", "became", "overcame", "undertook", "overtook", "forgave", "ran", "sat", "lost", "left", "did",
        "was", "were", "had", "got", "made", "ate", "shook", "slew", "strove", "swam", "wove", "underwent", "forgot",
    };

    private readonly TokenLayer _tokens;
    private readonly SyntaxLayer? _syntax;
    private readonly ClauseLayer? _clauses;
    private readonly Dictionary<int, int> _clauseOfPredicate = [];
    private readonly Dictionary<int, Tense> _tenseCache = [];
    private List<int>[]? _children;

    public ClauseView(TokenLayer tokens, SyntaxLayer? syntax, ClauseLayer? clauses)
    {
        _tokens = tokens;
        _syntax = syntax;
        _clauses = clauses;
        if (clauses is not null)
        {
            for (var k = 0; k < clauses.Clauses.Count; k++)
            {
                _clauseOfPredicate[clauses.Clauses[k].Predicate] = k;
            }
        }
    }

    /// <summary>Children of every word (built on first use).</summary>
    public List<int>[] Children
    {
        get
        {
            if (_children is null && _syntax is not null)
            {
                _children = new List<int>[_syntax.Heads.Count];
                for (var i = 0; i < _children.Length; i++)
                {
                    _children[i] = [];
                }

                for (var i = 0; i < _children.Length; i++)
                {
                    if (_syntax.Heads[i] >= 0)
                    {
                        _children[_syntax.Heads[i]].Add(i);
                    }
                }
            }

            return _children ?? [];
        }
    }

    /// <summary>The head of words <c>[first, last]</c>: the word whose head lies outside the span (the last such word).</summary>
    public int HeadOf(int first, int last)
    {
        if (_syntax is null)
        {
            return last;
        }

        var head = last;
        for (var w = last; w >= first; w--)
        {
            var h = _syntax.Heads[w];
            if (h < first || h > last)
            {
                head = w;
                break;
            }
        }

        return head;
    }

    /// <summary>The predicate word and clause index the span modifies, or (-1, -1).</summary>
    public (int Predicate, int Clause) Attach(int first, int last)
    {
        if (_syntax is null || _clauses is null)
        {
            return (-1, -1);
        }

        var w = HeadOf(first, last);
        for (var guard = 0; w >= 0 && guard < 1000; guard++)
        {
            if ((w < first || w > last) && _clauseOfPredicate.TryGetValue(w, out var k))
            {
                return (w, k);
            }

            w = _syntax.Heads[w];
        }

        return (-1, -1);
    }

    /// <summary>Tense of the clause the words <c>[first, last]</c> modify.</summary>
    public Tense TenseOf(int first, int last)
    {
        if (CopularTense(first, last) is { } copular)
        {
            return copular;
        }

        var (predicate, _) = Attach(first, last);
        if (predicate < 0)
        {
            return Tense.Unknown;
        }

        if (!_tenseCache.TryGetValue(predicate, out var tense))
        {
            tense = ComputeTense(predicate, 0);
            _tenseCache[predicate] = tense;
        }

        return tense;
    }

    /// <summary>
    /// The tense of a copula whose predicate is the expression itself ("the vote is Monday", "the deadline was March 1",
    /// "the summit will be on Friday"): a present copula states an arrangement, so it looks ahead. Null when the
    /// expression is not a copular predicate.
    /// </summary>
    private Tense? CopularTense(int first, int last)
    {
        if (_syntax is null)
        {
            return null;
        }

        var head = HeadOf(first, last);
        var cop = -1;
        var future = false;
        foreach (var c in Children[head])
        {
            if (_syntax.Relations[c] == "cop")
            {
                cop = c;
            }
            else if (_syntax.Relations[c] == "aux" && FutureAux.Contains(_tokens.Words[c].Form))
            {
                future = true;
            }
            else if (_syntax.Relations[c] == "aux")
            {
                return null; // "would be", "has been": left to the clause
            }
        }

        return cop < 0 ? null
            : future ? Tense.Future
            : _syntax.XPos[cop] == "VBD" ? Tense.Past
            : _syntax.XPos[cop] is "VBZ" or "VBP" ? Tense.Future
            : null;
    }

    private Tense ComputeTense(int p, int depth)
    {
        var syntax = _syntax!;
        var auxiliaries = Children[p].Where(c => syntax.Relations[c] is "aux" or "aux:pass" or "cop").ToList();
        if (auxiliaries.Any(c => FutureAux.Contains(_tokens.Words[c].Form)))
        {
            return Tense.Future;
        }

        if (auxiliaries.Any(c => _tokens.Words[c].Form.Equals("would", StringComparison.OrdinalIgnoreCase)) && Governor(p) is var reporting && reporting >= 0 && syntax.XPos[reporting] == "VBD")
        {
            return Tense.Future; // future in the past: "said the vote would be held on Sunday"
        }

        if (auxiliaries.Any(c => _tokens.Words[c].Form.Equals("would", StringComparison.OrdinalIgnoreCase) || _tokens.Words[c].Form.Equals("could", StringComparison.OrdinalIgnoreCase)))
        {
            return Tense.Unknown;
        }

        if (auxiliaries.Any(c => syntax.XPos[c] == "VBD"))
        {
            return Tense.Past;
        }

        var tag = syntax.XPos[p];
        if (tag == "VB" && auxiliaries.Count == 0 && Children[p].Any(c => syntax.Relations[c] is "nsubj" or "nsubj:pass")
            && !Children[p].Any(c => syntax.Relations[c] == "mark"))
        {
            tag = "VBP"; // a base form with its own subject and no auxiliary is a finite present ("He and the envoy meet Monday")
        }

        if (tag == "VBD" || (tag is "VBP" or "VBZ" && auxiliaries.Count == 0 && PastOnlyForms.Contains(_tokens.Words[p].Form)))
        {
            return Tense.Past;
        }

        if (tag == "VBN" && (auxiliaries.Count == 0 || auxiliaries.Any(c => syntax.Lemmas[c] == "have")))
        {
            return Tense.Past;
        }

        if (tag == "VBG" && auxiliaries.Any(c => syntax.XPos[c] is "VBZ" or "VBP"))
        {
            return Tense.Future;
        }

        if (tag == "VB" && auxiliaries.Any(c => syntax.Lemmas[c] == "be" && syntax.XPos[c] is "VBZ" or "VBP")
            && Children[p].Any(c => syntax.Relations[c] == "mark" && _tokens.Words[c].Form.Equals("to", StringComparison.OrdinalIgnoreCase)))
        {
            return Tense.Future; // "is to resume trading Tuesday": an arrangement
        }

        if (tag is "VBZ" or "VBP" || auxiliaries.Any(c => syntax.XPos[c] is "VBZ" or "VBP"))
        {
            // "is scheduled for Tuesday", "is due Friday": a present arrangement of something ahead
            if (Scheduling.Contains(syntax.Lemmas[p]) && auxiliaries.Any(c => syntax.Relations[c] is "aux:pass" or "cop"))
            {
                return Tense.Future;
            }

            // "the ministers meet Monday": a simple present event verb in news announces a scheduled event;
            // reporting, cognition and state verbs ("says", "believes", "remains") keep the present
            return !Reporting.Contains(syntax.Lemmas[p]) && tag is "VBZ" or "VBP" && auxiliaries.Count == 0 ? Tense.Future : Tense.Present;
        }

        if (tag == "VB" && Children[p].Any(c => syntax.Relations[c] == "mark" && _tokens.Words[c].Form.Equals("to", StringComparison.OrdinalIgnoreCase)))
        {
            // an infinitive looks ahead of its governor: "plans to visit" (future), but "had been due to expire" (past)
            var g = Governor(p);
            var pastPerfect = g >= 0 && Children[g].Any(c => syntax.Relations[c] is "aux" or "aux:pass" && _tokens.Words[c].Form.Equals("had", StringComparison.OrdinalIgnoreCase));
            return pastPerfect ? Tense.Past : Tense.Future;
        }

        // a participle or nominal predicate takes the tense of the clause it depends on
        var h = Governor(p);
        return h >= 0 && depth < 8 ? ComputeTense(h, depth + 1) : Tense.Unknown;
    }

    /// <summary>The nearest ancestor of <paramref name="p"/> that is a clause predicate, or -1.</summary>
    private int Governor(int p)
    {
        var h = _syntax!.Heads[p];
        while (h >= 0 && !_clauseOfPredicate.ContainsKey(h))
        {
            h = _syntax.Heads[h];
        }

        return h;
    }
}
