using Parley.Core;

namespace Parley.Linguistics.Parsing;

/// <summary>
/// Builds the clause view (<see cref="ClauseLayer"/>) from tokens and a UD parse: predicates with subjects,
/// passive agents, objects and obliques (with prepositions), negation, modals and future, embedding, and
/// reported speech; coordinated arguments are expanded, and infinitives, conjuncts and relative clauses
/// inherit the arguments they share with their governor. Pure function of the parse; thread-safe.
/// </summary>
public static class ClauseBuilder
{
    /// <summary>Versioned name written as the layer's producer.</summary>
    public const string Producer = "parley.clauses.v1";

    private static readonly HashSet<string> ClausalRelations = new(StringComparer.Ordinal)
    {
        "root", "ccomp", "xcomp", "advcl", "advcl:relcl", "acl", "acl:relcl", "parataxis", "csubj", "csubj:pass", "csubj:outer",
    };

    private static readonly HashSet<string> NegationWords = new(StringComparer.OrdinalIgnoreCase) { "not", "n't", "never", "no", "neither", "nor" };

    private static readonly HashSet<string> FutureModals = new(StringComparer.OrdinalIgnoreCase) { "will", "shall", "'ll", "wo" };

    /// <summary>
    /// Verbs that frame reported speech: their clausal complement (or the quotation they are parenthetical to) is
    /// what the speaker said. General English reporting verbs.
    /// </summary>
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "say", "tell", "state", "note", "stress", "emphasize", "emphasise", "add", "announce", "declare", "report", "claim", "read",
        "insist", "explain", "remark", "point out", "underline", "underscore", "mention", "assert", "affirm", "confirm",
        "reiterate", "warn", "write", "argue", "suggest", "indicate", "acknowledge", "admit", "allege", "comment", "inform",
        "assure", "recall", "observe", "highlight", "maintain", "continue", "conclude", "answer", "reply", "respond", "tweet",
        "learn",
    };

    /// <summary>Builds the clause layer of a document that has tokens and syntax.</summary>
    public static ClauseLayer Build(TokenLayer tokens, SyntaxLayer syntax)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(syntax);
        var n = tokens.Words.Count;
        var children = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            if (syntax.Heads[i] >= 0)
            {
                children[syntax.Heads[i]].Add(i);
            }
        }

        var sentenceOf = new int[n];
        for (var s = 0; s < tokens.Sentences.Count; s++)
        {
            var sent = tokens.Sentences[s];
            for (var w = sent.FirstWord; w < sent.EndWord; w++)
            {
                sentenceOf[w] = s;
            }
        }

        var ctx = new Context(tokens, syntax, children);
        var predicates = Enumerable.Range(0, n).Where(ctx.IsPredicate).ToList();
        var clauseOf = new Dictionary<int, int>();
        for (var k = 0; k < predicates.Count; k++)
        {
            clauseOf[predicates[k]] = k;
        }

        // Direct arguments first, then inheritance in an order where governors come first (tree depth).
        var drafts = predicates.Select(p => ctx.Draft(p, sentenceOf[p])).ToList();
        foreach (var k in Enumerable.Range(0, predicates.Count).OrderBy(k => ctx.Depth(predicates[k])))
        {
            var p = predicates[k];
            var governor = ctx.GoverningPredicate(p);
            var gk = governor >= 0 && clauseOf.TryGetValue(governor, out var g) ? g : -1;
            drafts[k].Governor = gk;
            if (gk >= 0)
            {
                ctx.Inherit(drafts[k], drafts[gk]);
            }
            else if (drafts[k].Relation is "acl" or "acl:relcl")
            {
                ctx.InheritRelative(drafts[k]);
            }
        }

        // Reported speech: "X said (that) Y…" (complement of a speech verb) and "“Y,” X said" (speech verb parenthetical).
        for (var k = 0; k < drafts.Count; k++)
        {
            var d = drafts[k];
            var gk = d.Governor;
            if (gk < 0)
            {
                continue;
            }

            if (d.Relation is "ccomp" or "parataxis" && SpeechVerbs.Contains(drafts[gk].Lemma))
            {
                d.ReportedBy = gk;
            }
            else if (d.Relation == "parataxis" && SpeechVerbs.Contains(d.Lemma) && drafts[gk].ReportedBy < 0)
            {
                drafts[gk].ReportedBy = k;
            }
        }

        // Conjuncts and complements of reported content are reported by the same speaker.
        foreach (var k in Enumerable.Range(0, drafts.Count).OrderBy(k => ctx.Depth(drafts[k].Predicate)))
        {
            var d = drafts[k];
            if (d.ReportedBy < 0 && d.Governor >= 0 && d.Relation is "conj" or "xcomp" or "ccomp" or "advcl" && drafts[d.Governor].ReportedBy >= 0 && drafts[d.Governor].ReportedBy != k)
            {
                d.ReportedBy = drafts[d.Governor].ReportedBy;
            }
        }

        var clauses = drafts.Select(d => new Clause(
            d.Predicate, d.Lemma, d.Sentence, d.Passive, d.Negated, d.Modals, d.Future, d.Arguments, d.Governor, d.Relation, d.ReportedBy)).ToList();
        return new ClauseLayer(clauses, Producer);
    }

    private sealed class Draft
    {
        public int Predicate { get; init; }

        public required string Lemma { get; init; }

        public int Sentence { get; init; }

        public bool Passive { get; init; }

        public bool Negated { get; init; }

        public required List<string> Modals { get; init; }

        public bool Future { get; set; }

        public required List<ClauseArgument> Arguments { get; init; }

        public int Governor { get; set; } = -1;

        public required string Relation { get; init; }

        public int ReportedBy { get; set; } = -1;

        public bool Has(ArgumentRole role) => Arguments.Any(a => a.Role == role);

        public bool HasSubject => Has(ArgumentRole.Subject) || Has(ArgumentRole.PassiveSubject);
    }

    private sealed class Context(TokenLayer tokens, SyntaxLayer syntax, List<int>[] children)
    {
        private string Rel(int i) => syntax.Relations[i];

        private string Lower(int i) => tokens.Words[i].Form.ToLowerInvariant();

        public int Depth(int i)
        {
            var d = 0;
            for (var h = syntax.Heads[i]; h >= 0 && d < 1000; h = syntax.Heads[h])
            {
                d++;
            }

            return d;
        }

        private bool HasChild(int i, Func<int, bool> test) => children[i].Any(test);

        public bool IsPredicate(int i)
        {
            var rel = Rel(i);
            if (ClausalRelations.Contains(rel))
            {
                return true;
            }

            if (rel == "conj")
            {
                var head = syntax.Heads[i];
                return head >= 0 && IsPredicate(head) && (syntax.UPos[i] is "VERB" || HasChild(i, c => Rel(c).StartsWith("nsubj", StringComparison.Ordinal) || Rel(c) == "cop"));
            }

            return false;
        }

        /// <summary>The nearest ancestor that is a predicate.</summary>
        public int GoverningPredicate(int p)
        {
            for (var h = syntax.Heads[p]; h >= 0; h = syntax.Heads[h])
            {
                if (IsPredicate(h))
                {
                    return h;
                }
            }

            return -1;
        }

        public Draft Draft(int p, int sentence)
        {
            var kids = children[p];
            var particle = kids.FirstOrDefault(c => Rel(c) == "compound:prt", -1);
            var lemma = syntax.Lemmas[p].ToLowerInvariant() + (particle >= 0 ? " " + syntax.Lemmas[particle].ToLowerInvariant() : string.Empty);
            var passive = kids.Any(c => Rel(c) is "aux:pass" or "nsubj:pass" or "csubj:pass")
                || (Rel(p) is "acl" && syntax.XPos[p] == "VBN");
            var negated = kids.Any(c => (Rel(c) is "advmod" or "neg" && NegationWords.Contains(Lower(c)))
                || (Rel(c) == "advmod" && Lower(c) == "longer" && children[c].Any(cc => Lower(cc) == "no")));
            var modals = kids.Where(c => Rel(c) == "aux" && syntax.XPos[c] == "MD").Select(c => syntax.Lemmas[c].ToLowerInvariant()).ToList();
            var future = kids.Any(c => Rel(c) == "aux" && syntax.XPos[c] == "MD" && (FutureModals.Contains(Lower(c)) || syntax.Lemmas[c] is "will" or "shall"));
            var rel = Rel(p) switch
            {
                var r when r.StartsWith("csubj", StringComparison.Ordinal) => "csubj",
                var r => r,
            };

            var args = new List<ClauseArgument>();
            foreach (var c in kids)
            {
                var role = Rel(c) switch
                {
                    "nsubj" or "nsubj:outer" => ArgumentRole.Subject,
                    "nsubj:pass" => ArgumentRole.PassiveSubject,
                    "obj" => ArgumentRole.Object,
                    "iobj" => ArgumentRole.IndirectObject,
                    "obl:agent" => ArgumentRole.Agent,
                    "obl" or "obl:npmod" or "obl:unmarked" => ArgumentRole.Oblique,
                    _ => (ArgumentRole?)null,
                };
                if (role is null)
                {
                    continue;
                }

                // "by X" attached as a plain oblique of a passive is the agent.
                var prep = Preposition(c);
                if (role == ArgumentRole.Oblique && passive && prep == "by")
                {
                    role = ArgumentRole.Agent;
                }

                AddWithConjuncts(args, role.Value, c, prep, null);
            }

            return new Draft
            {
                Predicate = p,
                Lemma = lemma,
                Sentence = sentence,
                Passive = passive,
                Negated = negated,
                Modals = modals,
                Future = future,
                Arguments = args,
                Relation = rel,
            };
        }

        private void AddWithConjuncts(List<ClauseArgument> args, ArgumentRole role, int head, string? prep, string? inherited)
        {
            var conjuncts = new List<int> { head };
            for (var k = 0; k < conjuncts.Count; k++)
            {
                conjuncts.AddRange(children[conjuncts[k]].Where(c => Rel(c) == "conj" && !IsPredicate(c)));
            }

            var coordinated = conjuncts.Count > 1;
            foreach (var c in conjuncts)
            {
                if (args.Any(a => a.Head == c && a.Role == role))
                {
                    continue;
                }

                args.Add(new ClauseArgument(role, c, PhraseSpan(c), c == head ? prep : Preposition(c) ?? prep, coordinated, inherited));
            }
        }

        /// <summary>The lower-cased preposition of a nominal (its <c>case</c> child with any <c>fixed</c> words), or null.</summary>
        public string? Preposition(int nominal)
        {
            var c = children[nominal].FirstOrDefault(k => Rel(k) == "case" && k < nominal && syntax.XPos[k] != "POS", -1);
            if (c < 0)
            {
                return null;
            }

            var words = new[] { c }.Concat(children[c].Where(f => Rel(f) == "fixed")).Order().Select(Lower);
            return string.Join(' ', words);
        }

        /// <summary>The phrase of a head: its subtree minus conjuncts, relative clauses and edge punctuation.</summary>
        public TextSpan PhraseSpan(int head)
        {
            var members = new List<int>();
            var stack = new Stack<int>();
            stack.Push(head);
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                members.Add(w);
                foreach (var c in children[w])
                {
                    var r = Rel(c);
                    if (w == head && r is "conj" or "cc" or "acl:relcl" or "parataxis" or "case")
                    {
                        continue;
                    }

                    stack.Push(c);
                }
            }

            members.Sort();
            var first = 0;
            var last = members.Count - 1;
            while (first < last && syntax.UPos[members[first]] == "PUNCT")
            {
                first++;
            }

            while (last > first && syntax.UPos[members[last]] == "PUNCT")
            {
                last--;
            }

            return new TextSpan(tokens.Words[members[first]].Span.Start, tokens.Words[members[last]].Span.End);
        }

        /// <summary>Arguments an embedded clause shares with its governor.</summary>
        public void Inherit(Draft clause, Draft governor)
        {
            if (clause.Relation == "xcomp")
            {
                // "go" + VBG + "to" infinitive is the going-to future.
                if (governor.Lemma == "go" && syntax.XPos[governor.Predicate] == "VBG")
                {
                    clause.Future = true;
                }

                if (!clause.HasSubject)
                {
                    // Object control ("urged Russia to stop") before subject control ("agreed to consider").
                    var controllers = governor.Arguments.Where(a => a.Role is ArgumentRole.Object or ArgumentRole.IndirectObject).ToList();
                    if (controllers.Count == 0)
                    {
                        controllers = governor.Arguments.Where(a => a.Role is ArgumentRole.Subject or ArgumentRole.Agent).ToList();
                    }

                    foreach (var a in controllers)
                    {
                        clause.Arguments.Add(a with { Role = clause.Passive ? ArgumentRole.PassiveSubject : ArgumentRole.Subject, Preposition = null, Inherited = "control" });
                    }
                }
            }
            else if (clause.Relation is "conj" && !clause.HasSubject)
            {
                foreach (var a in governor.Arguments.Where(a => a.Role is ArgumentRole.Subject or ArgumentRole.PassiveSubject))
                {
                    clause.Arguments.Add(a with { Role = clause.Passive ? ArgumentRole.PassiveSubject : ArgumentRole.Subject, Inherited = "conjunct" });
                }
            }
            else if (clause.Relation is "advcl" && !clause.HasSubject && syntax.XPos[clause.Predicate] is "VBG" or "VB")
            {
                // "…, stressing that …" / "… to discuss …": the governor's subject acts.
                foreach (var a in governor.Arguments.Where(a => a.Role is ArgumentRole.Subject or ArgumentRole.Agent))
                {
                    clause.Arguments.Add(a with { Role = ArgumentRole.Subject, Preposition = null, Inherited = "control" });
                }
            }
            else if (clause.Relation is "acl" or "acl:relcl")
            {
                InheritRelative(clause);
            }
        }

        /// <summary>A relative or reduced relative clause takes the noun it modifies in place of its relative pronoun.</summary>
        public void InheritRelative(Draft clause)
        {
            var noun = syntax.Heads[clause.Predicate];
            if (noun < 0)
            {
                return;
            }

            var relPronoun = clause.Arguments.FindIndex(a => syntax.XPos[a.Head] is "WDT" or "WP" or "IN" || Lower(a.Head) is "that" or "which" or "who" or "whom");
            var role = relPronoun >= 0 ? clause.Arguments[relPronoun].Role : (clause.Passive ? ArgumentRole.PassiveSubject : (clause.HasSubject ? ArgumentRole.Object : ArgumentRole.Subject));
            if (relPronoun >= 0)
            {
                clause.Arguments.RemoveAt(relPronoun);
            }

            if (clause.Relation == "acl" && syntax.XPos[clause.Predicate] != "VBN" && syntax.XPos[clause.Predicate] != "VBG" && relPronoun < 0)
            {
                return; // "the decision to impose": the noun is not an argument of the infinitive
            }

            if (!clause.Arguments.Any(a => a.Head == noun))
            {
                clause.Arguments.Add(new ClauseArgument(role, noun, PhraseSpan(noun), null, false, "relative"));
            }
        }
    }
}
