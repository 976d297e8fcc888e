using System.Globalization;
using Parley.Core;

namespace Parley.Events.Coding;

public sealed partial class EventCoder
{
    /// <summary>Modifiers that make a happening noun a planned one: "the upcoming visit", "the next session".</summary>
    private static readonly HashSet<string> PlannedModifiers = new(StringComparer.Ordinal)
    {
        "upcoming", "forthcoming", "next", "coming", "future", "planned", "scheduled", "proposed", "prospective", "impending", "projected",
    };

    /// <summary>Nouns whose "of"/"for" phrase is a happening being prepared: "the organization of the first meeting", "preparations for the summit".</summary>
    private static readonly HashSet<string> PreparationNouns = new(StringComparer.Ordinal)
    {
        "organization", "organisation", "preparation", "holding", "convening", "convocation", "staging", "hosting", "planning",
    };

    /// <summary>Predicates that say of their subject, a happening noun, that it is planned: "is scheduled for Thursday", "has been confirmed".</summary>
    private static readonly HashSet<string> SchedulingVerbs = new(StringComparer.Ordinal)
    {
        "schedule", "plan", "set", "slate", "confirm", "arrange", "timetable", "announce",
    };

    /// <summary>Predicates that say their subject happens; a happening is planned when they are in the future tense: "will take place", "will be held".</summary>
    private static readonly HashSet<string> HappenVerbs = new(StringComparer.Ordinal)
    {
        "take", "hold", "happen", "occur", "open", "start", "begin", "convene", "be",
    };

    /// <summary>Predicates whose object or prepositional phrase is an awaited happening: "looking forward to the visit", "preparing for the summit".</summary>
    private static readonly HashSet<string> AwaitingVerbs = new(StringComparer.Ordinal) { "await", "anticipate", "prepare", "look" };

    /// <summary>Gatherings that are planned happenings (CONSULT) beyond the event nouns of the coder: "the session of the assembly", "a business forum".</summary>
    private static readonly Dictionary<string, string> GatheringNouns = new(StringComparer.Ordinal)
    {
        ["session"] = "040",
        ["forum"] = "040",
        ["conference"] = "040",
        ["conferencing"] = "040",
        ["sitting"] = "040",
        ["rally"] = "141",
    };

    /// <summary>Generic heads that take their kind from a compound: "a protest action", "the visit programme".</summary>
    private static readonly HashSet<string> GenericHappeningHeads = new(StringComparer.Ordinal) { "action", "event", "campaign" };

    private sealed partial class Run
    {
        /// <summary>
        /// Happenings announced by a noun rather than a verb: a meeting, visit, session or protest that is upcoming or next,
        /// being organised or prepared ("paid attention to the organization of the first meeting of the commission in
        /// autumn"), awaited ("looking forward to the visit of our colleagues in early October"), scheduled or confirmed
        /// ("whose video conferencing is scheduled for Thursday"), or said to take place in the future. Each becomes a
        /// planned calendar item (no event: nothing has been done yet) with the noun's own parties (its "of"/"between"
        /// phrases, its nationality adjectives), else the parties of the clause that talks about it, else the document's
        /// main parties; a happening dated before the publication is not planned. A later mention of a planned happening of
        /// the same type, with a party in common and a compatible date, adds its sentence to the first item.
        /// </summary>
        public void AddPlannedHappenings()
        {
            for (var w = 0; w < g.Count; w++)
            {
                if (HappeningCode(w) is not { } found || PlanningContext(w) is not { } context)
                {
                    continue;
                }

                var planned = coder._codebook.Map(found.Cameo);
                if (planned is null || planned.Event is not ("CONSULT" or "PROTEST" or "AID" or "MOBILIZE" or "RETREAT"))
                {
                    continue;
                }

                var sentence = g.SentenceOf[w];
                var (expected, past) = NominalDate(w, context.Predicate);
                if (past is not null || Calendar.Any(x => x.Kind == "planned" && (x.Trigger == Span(w)
                    || (x.Sentences.Contains(sentence) && x.Event == planned.Event && !x.How.StartsWith(NominalPlan, StringComparison.Ordinal)))))
                {
                    continue;
                }

                var parties = NominalParties(w, context.Predicate, context.UseClause);
                var how = $"{NominalPlan}{found.Rule}: {context.How}";
                if (parties.Count == 0)
                {
                    parties = Speakers(context.Predicate);
                    how += "; parties: the subject of the clause or of the statement it is part of";
                }

                if (parties.Count == 0)
                {
                    parties = actors.SalientParties(w);
                    how += "; parties: the document's main parties";
                }

                if (parties.Count == 0)
                {
                    continue;
                }

                var earlier = Calendar.FindIndex(x => x.Kind == "planned" && x.Event == planned.Event && !x.Sentences.Contains(sentence)
                    && Compatible(x.ExpectedDate, expected) && x.Actors.Any(a => parties.Any(p => p.IsResolved && (p.Country ?? p.Org) == (a.Country ?? a.Org))));
                if (earlier >= 0)
                {
                    var e = Calendar[earlier];
                    Calendar[earlier] = e with { Sentences = [.. e.Sentences, sentence], ExpectedDate = e.ExpectedDate ?? expected, How = $"{e.How}; also mentioned in sentence {sentence + 1} ({context.How})" };
                    continue;
                }

                Calendar.Add(new CalendarItem("planned", planned.Event, found.Cameo, parties, expected, null, [sentence], Span(w), how));
            }
        }

        private const string NominalPlan = "planned ";

        /// <summary>True when two expected dates may be one: either unknown, or one a prefix of the other ("2017", "2017-10-05").</summary>
        private static bool Compatible(string? a, string? b) =>
            a is null || b is null || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

        /// <summary>The CAMEO code of the happening noun at <paramref name="w"/> ("meeting", "session", "protest action"), or null.</summary>
        private (string Cameo, string Rule)? HappeningCode(int w)
        {
            if (g.UPos(w) is not ("NOUN" or "PROPN"))
            {
                return null;
            }

            if (coder._nouns.Match(g, w) is { } n)
            {
                return (n.Cameo, $"\"{g.Forms[w]}\" ({NominalTriggers.FileName}:{n.Noun.Line})");
            }

            if (g.UPos(w) == "NOUN" && GatheringNouns.TryGetValue(g.Lemmas[w], out var code))
            {
                return (code, $"\"{g.Forms[w]}\" (a gathering)");
            }

            if (GenericHappeningHeads.Contains(g.Lemmas[w]))
            {
                foreach (var c in g.Children(w).Where(c => g.Relation(c) == "compound"))
                {
                    if (coder._nouns.Match(g, c) is { } m)
                    {
                        return (m.Cameo, $"\"{g.Forms[c]} {g.Forms[w]}\" ({NominalTriggers.FileName}:{m.Noun.Line})");
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Why the happening noun at <paramref name="w"/> is planned, with the predicate of the clause that talks about it
        /// and whether that clause's subject takes part ("the parties discussed its organization"); null when it is not.
        /// </summary>
        private (string How, int Predicate, bool UseClause)? PlanningContext(int w)
        {
            var predicate = GoverningPredicate(w);
            if (predicate >= 0 && _clauseOf.TryGetValue(predicate, out var k) && Modality(k).Modality is "negated" or "hypothetical")
            {
                return null;
            }

            if (g.Children(w).FirstOrDefault(c => g.BaseRelation(c) is "amod" or "compound" && PlannedModifiers.Contains(g.Lemmas[c].ToLowerInvariant()), -1) is var m and >= 0)
            {
                return ($"modified by \"{g.Forms[m]}\"", predicate, true);
            }

            // "the organization of the first meeting", "the holding of a forum", "preparations for the summit"
            for (var h = w; h >= 0 && g.BaseRelation(h) is "nmod" or "conj"; h = g.Head(h))
            {
                var head = g.Head(h);
                if (head >= 0 && g.UPos(head) == "NOUN" && PreparationNouns.Contains(g.Lemmas[head]))
                {
                    return ($"the {g.Forms[head]} of it", predicate, true);
                }
            }

            if (predicate < 0 || !_clauseOf.TryGetValue(predicate, out var clause))
            {
                return null;
            }

            var relation = g.Relation(w);
            var lemma = g.Lemmas[predicate];
            if (relation is "nsubj" or "nsubj:pass" && g.Head(w) == predicate)
            {
                if (SchedulingVerbs.Contains(lemma) && (relation == "nsubj:pass" || g.UPos(predicate) == "ADJ" || g.Children(predicate).Any(c => g.Relation(c) == "aux:pass")))
                {
                    return ($"subject of \"{g.Forms[predicate]}\"", predicate, false);
                }

                if (HappenVerbs.Contains(lemma) && (clauses[clause].Future || Modality(clause).Modality == "future")
                    && (lemma != "take" || g.Children(predicate).Any(c => g.Lemmas[c] == "place"))
                    && (lemma != "hold" || relation == "nsubj:pass")
                    && (lemma != "be" || g.Children(predicate).Any(c => g.BaseRelation(c) == "obl")))
                {
                    return ($"subject of future \"{g.Forms[predicate]}\"", predicate, false);
                }
            }

            if (AwaitingVerbs.Contains(lemma) && g.Head(w) == predicate && g.BaseRelation(w) is "obj" or "obl"
                && (lemma != "look" || g.Children(predicate).Any(c => g.Lemmas[c] == "forward"))
                && (lemma != "prepare" || (g.CaseOf(w) == "for" && !g.Children(predicate).Any(c => g.Relation(c) is "aux:pass" or "cop"))))
            {
                return ($"awaited (\"{g.Forms[predicate]}\")", predicate, true);
            }

            return null;
        }

        /// <summary>The predicate of the clause the noun at <paramref name="w"/> belongs to, or -1.</summary>
        private int GoverningPredicate(int w)
        {
            for (var h = g.Head(w); h >= 0; h = g.Head(h))
            {
                if (_clauseOf.ContainsKey(h))
                {
                    return h;
                }
            }

            return -1;
        }

        /// <summary>
        /// The expected date of a planned happening: a date inside its noun phrase, else of the clause that talks about it,
        /// else a date of the sentence not before the publication ("at 7 p.m." of the day of publication); <c>Past</c> names a date in the noun phrase or clause that
        /// lies before the publication (the happening is then no plan).
        /// </summary>
        private (string? Expected, string? Past) NominalDate(int w, int predicate)
        {
            if (timexes is null)
            {
                return (null, null);
            }

            var sentence = g.SentenceOf[w];
            var own = timexes.Expressions.Where(t => t.Type is "DATE" or "TIME" && Concrete(t.Value) is not null && g.SentenceOf[t.FirstWord] == sentence
                && (g.Dominates(w, t.FirstWord) || (predicate >= 0 && g.Head(t.FirstWord) == predicate) || (predicate >= 0 && t.Predicate == predicate)))
                .Select(t => FutureReading(t, Concrete(t.Value)!))
                .ToList();
            if (own.FirstOrDefault(v => !NotBefore(v)) is { } past)
            {
                return (null, past);
            }

            if (own.Count > 0)
            {
                return (own[0], null);
            }

            return (DateOfSentence(sentence, NotBefore), null);
        }

        /// <summary>
        /// A bare month or weekday read in the past because the clause that talks about the happening is in the past
        /// ("discussed the organization of the session in November") names the happening's next such month or day, since
        /// the happening itself lies ahead: the value moves forward by years or weeks until it is not before the publication.
        /// </summary>
        private string FutureReading(Timex t, string value)
        {
            if (NotBefore(value) || !t.Anchor.EndsWith("tense:past", StringComparison.Ordinal) || dct.Value is not { Length: >= 10 } d
                || !DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            {
                return value;
            }

            var inv = CultureInfo.InvariantCulture;
            if (value.Length == 7 && int.TryParse(value[5..], NumberStyles.None, inv, out var month))
            {
                return $"{(month >= published.Month ? published.Year : published.Year + 1):D4}-{month:D2}";
            }

            if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            {
                var step = t.Rule.Contains("weekday", StringComparison.Ordinal) ? 7 : 0;
                while (day < published)
                {
                    day = step > 0 ? day.AddDays(step) : day.AddYears(1);
                }

                return day.ToString("yyyy-MM-dd", inv);
            }

            return value;
        }

        /// <summary>True when <paramref name="value"/> is not before the publication at its own precision ("2017" published in 2017).</summary>
        private bool NotBefore(string value) => dct.Value is not { } d || string.CompareOrdinal(value, d[..Math.Min(d.Length, value.Length)]) >= 0;

        /// <summary>
        /// The parties of a planned happening: its "of"/"between"/"with"/"to" phrases and nationality modifiers ("an
        /// Uzbek-Russian business forum"), a "whose" pointing back at an organisation, and (when <paramref name="useClause"/>)
        /// the subject of the clause that talks about it.
        /// </summary>
        private List<EventActor> NominalParties(int w, int predicate, bool useClause)
        {
            var found = new List<EventActor>();
            foreach (var c in g.Children(w))
            {
                var relation = g.BaseRelation(c);
                if (relation == "nmod" && g.CaseOf(c) is "of" or "between" or "with" or "to" or "among")
                {
                    found.AddRange(ResolvedWithConjuncts(c));
                }
                else if (relation is "amod" or "compound" && g.UPos(c) is "ADJ" or "PROPN")
                {
                    var nationalities = Nationalities(c).ToList();
                    found.AddRange(nationalities.Count > 0 ? nationalities : actors.Resolve(c).Where(a => a.IsResolved));
                }
                else if (relation == "nmod" && g.Relation(c) == "nmod:poss")
                {
                    found.AddRange(g.Forms[c].Equals("whose", StringComparison.OrdinalIgnoreCase) ? Antecedent(c) : actors.Resolve(c).Where(a => a.IsResolved));
                }
            }

            if (useClause && predicate >= 0 && _clauseOf.TryGetValue(predicate, out var k))
            {
                foreach (var a in clauses[k].Arguments.Where(a => a.Role is ArgumentRole.Subject))
                {
                    found.AddRange(actors.Resolve(a.Head).Where(x => x.IsResolved));
                    foreach (var m in g.Children(a.Head).Where(m => g.BaseRelation(m) is "amod" or "compound"))
                    {
                        found.AddRange(Nationalities(m));
                    }
                }
            }

            return WithoutBareDuplicates([.. found.DistinctBy(a => (a.Country, a.Org, a.Sector))]);
        }

        /// <summary>
        /// The resolved subjects of the clause of <paramref name="predicate"/> and of the clauses it is part of ("the
        /// opposition said a protest will take place": the opposition), nearest first; empty when none resolves.
        /// </summary>
        private List<EventActor> Speakers(int predicate)
        {
            for (var k = predicate >= 0 && _clauseOf.TryGetValue(predicate, out var start) ? start : -1; k >= 0; k = clauses[k].Governor)
            {
                var found = clauses[k].Arguments.Where(a => a.Role is ArgumentRole.Subject && a.Inherited is null)
                    .SelectMany(a => actors.Resolve(a.Head)).Where(a => a.IsResolved).ToList();
                if (found.Count > 0)
                {
                    return found;
                }
            }

            return [];
        }

        /// <summary>The nationalities of a modifier and of the modifiers and conjuncts under it ("Vietnamese and Thai", "Uzbek-Russian").</summary>
        private IEnumerable<EventActor> Nationalities(int modifier)
        {
            foreach (var x in g.Children(modifier).Where(x => g.BaseRelation(x) is "compound" or "amod" or "conj").Prepend(modifier))
            {
                if (actors.Nationality(x) is { } a)
                {
                    yield return a;
                }
            }
        }

        private IEnumerable<EventActor> ResolvedWithConjuncts(int head)
        {
            foreach (var x in g.Children(head).Where(x => g.BaseRelation(x) == "conj").Prepend(head))
            {
                foreach (var a in actors.Resolve(x).Where(a => a.IsResolved))
                {
                    yield return a;
                }
            }
        }

        /// <summary>"the Council of Defence Ministers, whose video conferencing …": the actor named just before "whose".</summary>
        private IEnumerable<EventActor> Antecedent(int whose)
        {
            var w = whose - 1;
            while (w >= 0 && g.SentenceOf[w] == g.SentenceOf[whose] && g.UPos(w) == "PUNCT")
            {
                w--;
            }

            while (w >= 0 && g.BaseRelation(w) is "compound" or "flat" && g.Head(w) > w)
            {
                w = g.Head(w);
            }

            while (w >= 0 && g.BaseRelation(w) is "compound" or "flat" or "nmod" && g.Head(w) >= 0 && g.Head(w) < w && g.UPos(g.Head(w)) is "PROPN" or "NOUN")
            {
                w = g.Head(w);
            }

            return w >= 0 && g.SentenceOf[w] == g.SentenceOf[whose] ? actors.Resolve(w).Where(a => a.IsResolved) : [];
        }
    }
}
