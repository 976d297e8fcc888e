namespace Parley.Linguistics.Parsing;

/// <summary>
/// Repairs one frequent parse error of news leads: a sentence whose subject is a long title or a coordinated name
/// ("The head of state invited …", "The Foreign Ministry on Monday summoned Canadian ambassador …", "Romanian and
/// Turkish Foreign Ministers A and B signed …") parsed as a noun phrase root with the finite verb as a reduced
/// relative or adjective ("invited" as <c>acl</c> of "head", "summoned" as <c>amod</c> of "ambassador"). Such a tree
/// has no predicate, so no clause and no event. The repair makes the first past-tense verb the root, the old
/// root its subject and the noun it modified its object.
/// </summary>
/// <remarks>
/// The repair applies only when the old root is a noun or proper noun with no subject, copula or auxiliary of its
/// own (a verbless tree), the verb follows it with no verb between them, carries no subject, auxiliary, marker or
/// <c>by</c>-agent (a real reduced relative: "the aid delivered by Japan"), and takes an object (its own, or the
/// noun it modified as an adjective). Sentences with a predicate are never touched.
/// </remarks>
internal static class RootRepair
{
    private static readonly HashSet<string> VerbAttachments = new(StringComparer.Ordinal) { "acl", "amod", "list", "appos", "dep" };

    private static readonly HashSet<string> ClauseMarkers = new(StringComparer.Ordinal)
    {
        "nsubj", "nsubj:pass", "csubj", "cop", "aux", "aux:pass", "mark", "expl",
    };

    /// <summary>
    /// Before parsing: a sentence-initial noun phrase followed by a plural-looking noun ("The European Parliament
    /// condemns in the strongest terms …", "The Council calls for …") has that word as its verb, tagged NNS by
    /// mistake. Retags it VBZ/VERB when the phrase ends in a singular noun or proper noun, the word is followed by a
    /// determiner, preposition, pronoun, adverb, proper noun or "to", and no finite verb follows before the next
    /// comma or quote. True when it changed a tag.
    /// </summary>
    public static bool RetagFiniteVerb(string[] forms, string[] upos, string[] xpos)
    {
        var n = forms.Length;
        var i = 0;
        while (i < n && xpos[i] is "``" or "''" or "-LRB-" or "NFP")
        {
            i++;
        }

        var start = i;
        while (i < n && xpos[i] is "DT" or "JJ" or "NNP" or "NN" or "NNPS")
        {
            i++;
        }

        if (i - start < 2 || i + 1 >= n || xpos[i - 1] is not ("NN" or "NNP") || xpos[i] != "NNS"
            || !forms[i].EndsWith('s') || forms[i].EndsWith("ss", StringComparison.Ordinal) || char.IsUpper(forms[i][0])
            || xpos[i + 1] is not ("DT" or "IN" or "PRP" or "PRP$" or "RB" or "NNP" or "TO" or "RP"))
        {
            return false;
        }

        // a finite verb later in the same stretch means the plural noun is a subject ("The EU sanctions against X were …")
        for (var j = i + 1; j < n && xpos[j] is not ("," or ":" or "''" or "``" or "."); j++)
        {
            if (xpos[j] is "VBD" or "VBZ" or "VBP" or "MD")
            {
                return false;
            }
        }

        xpos[i] = "VBZ";
        upos[i] = "VERB";
        return true;
    }

    /// <summary>
    /// Before parsing: "the force consisting of 2,500 soldiers" has "consisting" tagged as a noun (NN), which makes it the
    /// head of the subject phrase. A participle that only ever introduces its parts ("consisting of", "comprising")
    /// after a noun is retagged VBG/VERB. True when it changed a tag.
    /// </summary>
    public static bool RetagParticiples(string[] forms, string[] upos, string[] xpos)
    {
        var changed = false;
        for (var i = 1; i + 1 < forms.Length; i++)
        {
            if (xpos[i] == "NN" && PartParticiples.Contains(forms[i]) && xpos[i - 1] is "NN" or "NNS" or "NNP" or "NNPS")
            {
                xpos[i] = "VBG";
                upos[i] = "VERB";
                changed = true;
            }
        }

        return changed;
    }

    private static readonly HashSet<string> PartParticiples = new(StringComparer.OrdinalIgnoreCase) { "consisting", "comprising" };

    /// <summary>Repairs the sentence's arrays in place (heads 1-based, 0 = root); true when it changed them.</summary>
    public static bool Repair(string[] forms, string[] upos, string[] xpos, int[] heads, string[] relations)
    {
        var n = forms.Length;
        var root = Array.IndexOf(heads, 0);
        if (root < 0 || upos[root] is not ("NOUN" or "PROPN") || HasChild(heads, relations, root, ClauseMarkers))
        {
            return false;
        }

        var verb = -1;
        for (var i = 0; i < n; i++)
        {
            if (upos[i] is "VERB" or "AUX")
            {
                verb = i;
                break;
            }
        }

        if (verb <= root || xpos[verb] is not ("VBD" or "VBN") || !VerbAttachments.Contains(relations[verb])
            || HasChild(heads, relations, verb, ClauseMarkers) || HasByAgent(forms, heads, relations, verb))
        {
            return false;
        }

        var modified = heads[verb] - 1;
        var objectAfter = relations[verb] == "amod" && modified > verb && upos[modified] is "NOUN" or "PROPN";
        var hasObject = HasChild(heads, relations, verb, ObjectRelations);
        if (!objectAfter && !hasObject)
        {
            return false;
        }

        // The old root's phrase must reach the verb: every word before the verb hangs, through its heads, on the root
        // without passing through the verb (a fronted adverbial would make the verb's subject uncertain).
        for (var i = 0; i < verb; i++)
        {
            if (upos[i] == "PUNCT" || i == root)
            {
                continue;
            }

            if (!Reaches(heads, i, root, verb))
            {
                return false;
            }
        }

        heads[verb] = 0;
        relations[verb] = "root";
        heads[root] = verb + 1;
        relations[root] = "nsubj";
        if (xpos[verb] == "VBN")
        {
            xpos[verb] = "VBD";
        }

        if (objectAfter)
        {
            heads[modified] = verb + 1;
            relations[modified] = "obj";
        }

        // What hung on the old root (or, for an adjective verb, on its noun) after the verb now hangs on the verb:
        // coordinated verbs, the rest of the sentence, final punctuation.
        for (var i = verb + 1; i < n; i++)
        {
            var head = heads[i] - 1;
            if (i == modified && objectAfter)
            {
                continue;
            }

            if (head == root || (objectAfter && head == modified && upos[i] is "VERB"))
            {
                heads[i] = verb + 1;
                if (relations[i] is "list" or "appos" && upos[i] is "NOUN" or "PROPN" && !objectAfter && !hasObject)
                {
                    relations[i] = "obj";
                }
            }
        }

        return true;
    }

    /// <summary>
    /// "They concurred on the need to enhance X, increase Y and coordinate Z": a bare infinitive (VB) coordinated with
    /// a finite verb (VBD/VBZ/VBP) that has an infinitive with "to" in between is a conjunct of that infinitive, not of
    /// the finite verb (tenses do not coordinate so), and the parser's attachment would make it an asserted act of
    /// its own. Reattaches such conjuncts (and bare-infinitive <c>parataxis</c>) to the first "to" infinitive before
    /// them under the finite verb. Conjuncts with their own subject, auxiliary or marker are left alone. True when it
    /// changed the tree.
    /// </summary>
    public static bool RepairInfinitiveConjuncts(string[] xpos, string[] forms, int[] heads, string[] relations)
    {
        var changed = false;
        for (var w = 0; w < heads.Length; w++)
        {
            var h = heads[w] - 1;
            if (relations[w] is not ("conj" or "parataxis") || xpos[w] != "VB" || h < 0 || h >= w || xpos[h] is not ("VBD" or "VBZ" or "VBP")
                || HasChild(heads, relations, w, SubjectsAndAuxiliaries) || (HasChild(heads, relations, w, Markers) && !HasToMarker(forms, heads, relations, w)))
            {
                continue;
            }

            var target = -1;
            for (var v = h + 1; v < w; v++)
            {
                if (xpos[v] == "VB" && relations[v] != "conj" && Reaches(heads, v, h, w) && HasToMarker(forms, heads, relations, v))
                {
                    target = v;
                    break;
                }
            }

            if (target < 0)
            {
                continue;
            }

            heads[w] = target + 1;
            relations[w] = "conj";
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// "met with OSCE PA President X" parsed with "with" as an <c>obl</c> of "met" and "OSCE" as its object: a
    /// preposition heads nothing in UD, so a preposition (ADP) attached as a content word (<c>obl</c>, <c>obj</c>,
    /// <c>advmod</c>, <c>nmod</c>) with a nominal dependent to its right is turned round: the nominal takes the
    /// preposition's place and relation (<c>obl</c> under a verb, <c>nmod</c> under a noun), the preposition becomes
    /// its <c>case</c>, and the preposition's other dependents move to the nominal. True when it changed the tree.
    /// </summary>
    public static bool RepairPrepositionHeads(string[] upos, int[] heads, string[] relations)
    {
        var changed = false;
        for (var p = 0; p < heads.Length; p++)
        {
            if (upos[p] != "ADP" || relations[p] is not ("obl" or "obj" or "advmod" or "nmod") || heads[p] == 0)
            {
                continue;
            }

            var noun = -1;
            for (var i = p + 1; i < heads.Length; i++)
            {
                if (heads[i] == p + 1 && upos[i] is "NOUN" or "PROPN" or "PRON" or "NUM" && relations[i] is "obj" or "nmod" or "nsubj" or "conj" or "compound")
                {
                    noun = i;
                    break;
                }
            }

            if (noun < 0)
            {
                continue;
            }

            var head = heads[p] - 1;
            heads[noun] = head + 1;
            relations[noun] = upos[head] is "VERB" or "AUX" or "ADJ" ? "obl" : "nmod";
            for (var i = 0; i < heads.Length; i++)
            {
                if (heads[i] == p + 1 && i != noun)
                {
                    heads[i] = noun + 1;
                }
            }

            heads[p] = noun + 1;
            relations[p] = "case";
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// "Speaking at a joint press conference with Peruvian minister X, Valtonen affirmed …" parsed with "with" as the
    /// marker of "affirmed", X as a second subject of it and "Speaking" as the root. "With" marks only non-finite
    /// absolutes, so when it marks a finite verb that has two subjects, the first subject becomes the <c>nmod</c> of the
    /// noun before "with" (with "with" as its case), and a participle root above the verb becomes the verb's
    /// <c>advcl</c>, the verb the root. True when it changed the tree.
    /// </summary>
    public static bool RepairWithMarker(string[] forms, string[] upos, string[] xpos, int[] heads, string[] relations)
    {
        for (var w = 1; w < heads.Length; w++)
        {
            if (relations[w] != "mark" || !forms[w].Equals("with", StringComparison.OrdinalIgnoreCase) || heads[w] == 0)
            {
                continue;
            }

            var verb = heads[w] - 1;
            if (xpos[verb] is not ("VBD" or "VBZ" or "VBP") || upos[w - 1] is not ("NOUN" or "PROPN"))
            {
                continue;
            }

            var subjects = Enumerable.Range(0, heads.Length).Where(i => heads[i] == verb + 1 && relations[i] == "nsubj").ToList();
            if (subjects.Count < 2 || subjects[0] <= w || subjects[0] >= subjects[1])
            {
                continue;
            }

            var first = subjects[0];
            heads[first] = w;
            relations[first] = "nmod";
            heads[w] = first + 1;
            relations[w] = "case";
            var governor = heads[verb] - 1;
            if (governor >= 0 && heads[governor] == 0 && xpos[governor] == "VBG" && governor < verb)
            {
                heads[verb] = 0;
                relations[verb] = "root";
                heads[governor] = verb + 1;
                relations[governor] = "advcl";
                for (var i = verb + 1; i < heads.Length; i++)
                {
                    if (heads[i] == governor + 1 && upos[i] == "PUNCT")
                    {
                        heads[i] = verb + 1;
                    }
                }
            }

            return true;
        }

        return false;
    }

    private static readonly HashSet<string> SubjectsAndAuxiliaries = new(StringComparer.Ordinal)
    {
        "nsubj", "nsubj:pass", "csubj", "cop", "aux", "aux:pass", "expl",
    };

    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal) { "mark" };

    private static bool HasToMarker(string[] forms, int[] heads, string[] relations, int verb)
    {
        for (var i = 0; i < verb; i++)
        {
            if (heads[i] == verb + 1 && relations[i] == "mark" && forms[i].Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> ObjectRelations = new(StringComparer.Ordinal) { "obj", "iobj", "xcomp", "ccomp", "advcl" };

    private static bool HasChild(int[] heads, string[] relations, int word, HashSet<string> wanted)
    {
        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] == word + 1 && wanted.Contains(relations[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasByAgent(string[] forms, int[] heads, string[] relations, int verb)
    {
        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] == verb + 1 && relations[i].StartsWith("obl", StringComparison.Ordinal))
            {
                for (var j = 0; j < heads.Length; j++)
                {
                    if (heads[j] == i + 1 && relations[j] == "case" && forms[j].Equals("by", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Reaches(int[] heads, int word, int root, int verb)
    {
        var current = word;
        for (var guard = 0; guard < heads.Length + 1; guard++)
        {
            if (current == root)
            {
                return true;
            }

            if (current == verb || heads[current] == 0)
            {
                return false;
            }

            current = heads[current] - 1;
        }

        return false;
    }
}
