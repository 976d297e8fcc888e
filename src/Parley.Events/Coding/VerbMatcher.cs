using System.Runtime.CompilerServices;
using Parley.Core;
using Parley.Events.Codebook;

namespace Parley.Events.Coding;

/// <summary>A trigger found for a clause: the CAMEO codes and the dictionary entry that gave them.</summary>
/// <param name="Code">CAMEO code source→recipient, or null (reverse only).</param>
/// <param name="ReverseCode">CAMEO code recipient→source, or null.</param>
/// <param name="Rule">Where it came from, e.g. <c>CAMEO.2.0.txt:5440 MEET_PEOPLE meet * (FOR TALKS)</c>.</param>
/// <param name="Specificity">How many pattern elements matched (0 for a verb's default code).</param>
/// <param name="Object">The word the pattern's object matched (a nominal trigger head such as "talks"), or -1.</param>
internal sealed record TriggerMatch(string? Code, string? ReverseCode, string Rule, int Specificity, int Object);

/// <summary>
/// Matches a clause against the CAMEO verb dictionary on the clause view rather than on word order: the predicate's
/// lemma selects verb blocks (multiword verbs checked on the neighbouring words), then each block pattern is tested
/// against the clause's subject side (pre-verb nouns), object side (objects, passive subjects, clausal complements)
/// and prepositional phrases (obliques of the predicate and nominal modifiers of its objects). The most specific
/// matching pattern wins; a matching null pattern (<c>[---]</c>) that is more specific than every coded one discards
/// the clause; with no pattern the verb's own code, then the block's, applies.
/// </summary>
internal sealed class VerbMatcher
{
    private readonly VerbDictionary _dictionary;

    public VerbMatcher(VerbDictionary dictionary) => _dictionary = dictionary;

    /// <summary>The best trigger for the clause, or null with the reason in <paramref name="why"/>.</summary>
    public TriggerMatch? Match(SentenceGraph g, Clause clause, out string why)
    {
        var p = clause.Predicate;
        var candidates = _dictionary.Lookup(g.Lemmas[p]);
        if (candidates.Count == 0 && g.Forms[p] != g.Lemmas[p])
        {
            candidates = _dictionary.Lookup(g.Forms[p]);
        }

        if (candidates.Count == 0)
        {
            why = $"verb \"{g.Lemmas[p]}\" is not in the CAMEO verb dictionary";
            return null;
        }

        // multiword verbs must have their other words around the predicate; the longest such entry wins
        var fitting = candidates.Where(c => Fits(g, p, c.Verb)).ToList();
        if (fitting.Count == 0)
        {
            why = $"verb \"{g.Lemmas[p]}\" appears in the dictionary only as part of multiword verbs absent here";
            return null;
        }

        var longest = fitting.Max(c => c.Verb.Before.Count + c.Verb.After.Count);
        var sides = ClauseSides.Of(g, clause);
        TriggerMatch? best = null;
        var discardedBy = (string?)null;
        foreach (var (block, verb) in fitting.Where(c => c.Verb.Before.Count + c.Verb.After.Count == longest))
        {
            VerbPattern? bestPattern = null;
            var bestObject = -1;
            foreach (var pattern in block.Patterns)
            {
                if ((bestPattern is null || pattern.Specificity > bestPattern.Specificity) && Matches(g, sides, pattern, out var obj))
                {
                    bestPattern = pattern;
                    bestObject = obj;
                }
            }

            TriggerMatch candidate;
            if (bestPattern is not null)
            {
                var rule = $"{block.File}:{bestPattern.Line} {block.Description} {Describe(verb)} {Describe(bestPattern)}";
                if (bestPattern.IsNull)
                {
                    discardedBy ??= rule;
                    continue;
                }

                candidate = new TriggerMatch(bestPattern.Code, bestPattern.ReverseCode, rule, bestPattern.Specificity + 1, bestObject);
            }
            else
            {
                var code = verb.Code ?? block.Code;
                var reverse = verb.Code is null ? block.ReverseCode : null;
                if (code is null && reverse is null)
                {
                    discardedBy ??= $"{block.File}:{verb.Line} {block.Description} {Describe(verb)} has the null code and no pattern matched";
                    continue;
                }

                candidate = new TriggerMatch(code, reverse, $"{block.File}:{verb.Line} {block.Description} {Describe(verb)} [{code ?? ""}{(reverse is null ? "" : ":" + reverse)}]", 0, -1);
            }

            if (best is null || candidate.Specificity > best.Specificity)
            {
                best = candidate;
            }
        }

        why = best is null ? "no event: " + (discardedBy ?? "no pattern matched") : "";
        return best;
    }

    private static bool Fits(SentenceGraph g, int p, VerbEntry verb)
    {
        for (var k = 0; k < verb.After.Count; k++)
        {
            var w = p + 1 + k;
            if (w >= g.Count || g.SentenceOf[w] != g.SentenceOf[p] || !g.Is(w, verb.After[k]))
            {
                return false;
            }
        }

        for (var k = 0; k < verb.Before.Count; k++)
        {
            var w = p - verb.Before.Count + k;
            if (w < 0 || g.SentenceOf[w] != g.SentenceOf[p] || !g.Is(w, verb.Before[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The clause's subject heads, object-side heads and prepositional phrases, computed once for all patterns.</summary>
    private sealed record ClauseSides(List<int> Subjects, List<int> Objects, List<(string Preposition, int Head)> Prepositions)
    {
        public static ClauseSides Of(SentenceGraph g, Clause clause)
        {
            var objects = ObjectSide(g, clause).ToList();
            return new ClauseSides(
                [.. clause.Arguments.Where(a => a.Role is ArgumentRole.Subject or ArgumentRole.Agent).Select(a => a.Head)],
                objects,
                [.. PrepositionalPhrases(g, clause, objects)]);
        }
    }

    private static bool Matches(SentenceGraph g, ClauseSides sides, VerbPattern pattern, out int obj)
    {
        obj = -1;
        foreach (var term in pattern.PostNouns)
        {
            var hit = sides.Objects.FirstOrDefault(o => EndsAt(g, term, o), -1);
            if (hit < 0)
            {
                return false;
            }

            obj = obj < 0 ? hit : obj;
        }

        foreach (var term in pattern.PreNouns)
        {
            if (!sides.Subjects.Any(s => EndsAt(g, term, s)))
            {
                return false;
            }
        }

        foreach (var pp in pattern.PostPrepositions.Concat(pattern.PrePrepositions))
        {
            if (!sides.Prepositions.Any(x => pp.Prepositions.Contains(x.Preposition) && (pp.Object is null || EndsAt(g, pp.Object, x.Head))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Heads on the object side: objects, the patient of a passive, clausal complements; for a named object, also the
    /// title words in front of the name ("summoned Canadian ambassador Alison LeClaire": <c>ambassador</c>).
    /// </summary>
    internal static IEnumerable<int> ObjectSide(SentenceGraph g, Clause clause)
    {
        foreach (var a in clause.Arguments)
        {
            if (a.Role is ArgumentRole.Object or ArgumentRole.IndirectObject || (a.Role is ArgumentRole.PassiveSubject))
            {
                yield return a.Head;
                if (g.UPos(a.Head) == "PROPN")
                {
                    foreach (var t in g.Children(a.Head).Where(t => t < a.Head && g.Relation(t) is "compound" or "nmod:desc" or "appos" && g.UPos(t) == "NOUN"))
                    {
                        yield return t;
                    }
                }
            }
        }

        foreach (var c in g.Children(clause.Predicate))
        {
            if (g.BaseRelation(c) is "xcomp" or "ccomp" or "obj")
            {
                yield return c;
            }
        }
    }

    /// <summary>Prepositional phrases of the clause (its obliques) and of its object-side nominals (<c>nmod</c> with a case marker).</summary>
    internal static IEnumerable<(string Preposition, int Head)> PrepositionalPhrases(SentenceGraph g, Clause clause, IEnumerable<int> objects)
    {
        foreach (var a in clause.Arguments)
        {
            if (a.Role is ArgumentRole.Oblique or ArgumentRole.Agent && a.Preposition is not null)
            {
                foreach (var part in a.Preposition.Split(' '))
                {
                    yield return (part, a.Head);
                }
            }
        }

        foreach (var o in objects)
        {
            foreach (var c in g.Children(o))
            {
                if (g.BaseRelation(c) is "nmod" or "acl" && g.CaseOf(c) is { } prep)
                {
                    yield return (prep, c);
                }
            }
        }

        // a bare preposition right after the verb ("called on", "met with") counts even without an object
        var next = clause.Predicate + 1;
        if (next < g.Count && g.SentenceOf[next] == clause.Sentence && g.UPos(next) is "ADP")
        {
            yield return (g.Forms[next], next);
        }
    }

    /// <summary>True when some phrase of the term ends at <paramref name="head"/> and its other words precede it contiguously.</summary>
    internal static bool EndsAt(SentenceGraph g, PatternTerm term, int head)
    {
        foreach (var phrase in term.Phrases)
        {
            if (!g.Is(head, phrase[^1]))
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < phrase.Count && ok; k++)
            {
                var w = head - k;
                ok = w >= 0 && g.SentenceOf[w] == g.SentenceOf[head] && g.Is(w, phrase[^(k + 1)]);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    // The descriptions of the codebook's (immutable, loaded once) verbs and patterns, built once each: every match names its rule.
    private static readonly ConditionalWeakTable<VerbEntry, string> VerbDescriptions = [];
    private static readonly ConditionalWeakTable<VerbPattern, string> PatternDescriptions = [];

    private static string Describe(VerbEntry verb) =>
        VerbDescriptions.GetValue(verb, v => string.Join('_', v.Before.Append(v.Lemma).Concat(v.After)));

    private static string Describe(VerbPattern p) => PatternDescriptions.GetValue(p, DescribeCore);

    private static string DescribeCore(VerbPattern p)
    {
        static string Pp(PatternPreposition x) => "(" + string.Join('/', x.Prepositions).ToUpperInvariant() + (x.Object is null ? "" : " " + x.Object.Label) + ")";
        var pre = p.PreNouns.Select(t => t.Label).Concat(p.PrePrepositions.Select(Pp));
        var post = p.PostNouns.Select(t => t.Label).Concat(p.PostPrepositions.Select(Pp));
        var code = (p.Code ?? (p.IsNull ? "---" : "")) + (p.ReverseCode is null ? "" : ":" + p.ReverseCode);
        return $"{string.Join(' ', pre)} * {string.Join(' ', post)} [{code}]".Trim();
    }
}
