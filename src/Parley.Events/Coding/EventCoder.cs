using Parley.Actors;
using Parley.Core;
using Parley.Events.Codebook;

namespace Parley.Events.Coding;

/// <summary>Options of the event coder.</summary>
/// <param name="IncludeModal">Also output negated and hypothetical events (they carry their modality).</param>
/// <param name="IncludeUnresolved">Also output events whose source names no known actor.</param>
/// <param name="IncludeUndirected">
/// Also output events with a single source party and no known recipient ("X expressed support"). Event data is dyadic:
/// by default an event needs a recipient, or several source parties (a mutual agreement, a meeting of both sides).
/// </param>
public sealed record EventCoderOptions(bool IncludeModal = false, bool IncludeUnresolved = false, bool IncludeUndirected = false);

/// <summary>
/// The event coder (<c>parley.events.v1</c>): reads the clause view, finds triggers with the CAMEO verb dictionary and
/// Parley's event nouns, takes source and recipient from the syntax, resolves them to actors, codes PLOVER type, mode,
/// context, CAMEO code, Goldstein and quad, decides what is realised (asserted), announced (intent, agreement, future:
/// coded as the announcing act with a <see cref="PlannedEvent"/>), negated or hypothetical, and merges repeated
/// mentions of one meeting. Every decision is written into <see cref="CodedEvent.Explanation"/>.
/// </summary>
public sealed partial class EventCoder : IPipelineComponent
{
    /// <summary>Versioned name written into every record.</summary>
    public const string Producer = "parley.events.v1";

    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal)
    {
        "agree", "decide", "plan", "intend", "promise", "pledge", "vow", "offer", "propose", "resolve", "undertake", "commit", "invite",
        "prepare", "schedule", "arrange",
    };

    /// <summary>Verbs whose complement is asked for, not done ("called on the EU to impose sanctions").</summary>
    private static readonly HashSet<string> RequestVerbs = new(StringComparer.Ordinal)
    {
        "call", "call on", "urge", "ask", "appeal", "demand", "request", "invite", "encourage", "press", "insist", "instruct", "recommend",
        "propose", "suggest", "want", "wish", "hope", "plan", "intend", "agree", "decide", "promise", "pledge", "offer", "seek", "aim",
    };

    /// <summary>Verbs of command: what a leader orders ("ordered suspending ties with X") is done, as the leader's act.</summary>
    private static readonly HashSet<string> CausativeVerbs = new(StringComparer.Ordinal) { "order", "instruct", "direct" };

    /// <summary>Verbs of desire: what they govern is wished for, not done or committed to.</summary>
    private static readonly HashSet<string> DesireVerbs = new(StringComparer.Ordinal)
    {
        "want", "hope", "wish", "desire", "expect", "seek", "aim", "try", "strive", "look forward",
    };

    /// <summary>Verbs of desire that, aimed at another party's conduct, are appeals ("hoped that Chad would release…").</summary>
    private static readonly HashSet<string> AppealingDesires = new(StringComparer.Ordinal) { "hope", "expect", "want", "wish" };

    /// <summary>Verbs that put a protest into words ("expressed a strong protest to the envoy").</summary>
    private static readonly HashSet<string> VerbalProtestVerbs = new(StringComparer.Ordinal)
    {
        "express", "lodge", "voice", "convey", "register", "deliver", "issue", "hand",
    };

    private static readonly HashSet<string> CelebrationVerbs = new(StringComparer.Ordinal)
    {
        "celebrate", "mark", "commemorate", "observe", "fall", "be", "hold",
    };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "say", "emphasize", "emphasise", "stress", "note", "tell", "add", "state", "declare", "underline", "point out", "remark", "affirm",
        "announce", "write", "explain", "recall", "reiterate", "assure", "highlight", "underscore",
    };

    private static readonly HashSet<string> HypotheticalModals = new(StringComparer.Ordinal)
    {
        "may", "might", "could", "would", "should", "must", "can", "ought", "cannot",
    };

    private static readonly HashSet<string> OccurrenceVerbs = new(StringComparer.Ordinal)
    {
        "take place", "take", "occur", "happen", "begin", "start", "open", "hold", "conclude", "end", "continue", "break out", "break",
        "erupt", "spread", "resume",
    };

    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "hold", "have", "conduct", "pay", "make", "carry out", "carry", "undertake", "attend", "participate", "take part", "take", "join",
    };

    /// <summary>Nouns of circumstance whose phrase is never a party: "against the background of", "on the sidelines of", "in the framework of".</summary>
    private static readonly HashSet<string> CircumstanceNouns = new(StringComparer.Ordinal)
    {
        "background", "backdrop", "context", "framework", "sideline", "sidelines", "margin", "margins", "occasion", "basis", "light", "wake",
        "eve", "course", "threshold", "level", "scale", "ground", "pretext", "auspices",
    };

    private static readonly HashSet<string> CircumstancePrepositions = new(StringComparer.Ordinal)
    {
        "during", "at", "after", "following", "in", "on", "throughout",
    };

    private static readonly string[] RecipientPrepositions = ["with", "to", "against", "toward", "towards", "on", "upon", "into", "at", "for"];

    private readonly VerbMatcher _verbs;
    private readonly CameoCodebook _codebook;
    private readonly NominalTriggers _nouns;
    private readonly ActorResolver _actors;
    private readonly EventCoderOptions _options;

    /// <summary>Creates a coder over loaded codebooks.</summary>
    public EventCoder(VerbDictionary verbs, CameoCodebook codebook, ActorResolver actors, EventCoderOptions? options = null, string? dataDir = null)
    {
        _verbs = new VerbMatcher(verbs);
        _codebook = codebook;
        _nouns = NominalTriggers.Load(dataDir);
        _actors = actors;
        _options = options ?? new EventCoderOptions();
    }

    /// <summary>Loads the shipped codebooks (<c>data/events</c>, <c>data/actors</c>).</summary>
    public static EventCoder LoadDefault(EventCoderOptions? options = null) =>
        new(VerbDictionary.Load(), CameoCodebook.Load(), ActorResolver.Load(), options);

    /// <inheritdoc />
    public ComponentDescriptor Descriptor { get; } = new("parley.events", "1", [LayerNames.Tokens, LayerNames.Syntax, LayerNames.Clauses, LayerNames.Entities], [LayerNames.Events]);

    /// <inheritdoc />
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Events, Code(document, cancellationToken));
    }

    /// <summary>Codes one annotated document (tokens, syntax, clauses and entities present).</summary>
    public EventLayer Code(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var g = new SentenceGraph(document, document.Get(Layers.Tokens), document.Get(Layers.Syntax));
        var clauses = document.Get(Layers.Clauses).Clauses;
        document.TryGet(Layers.Entities, out var entities);
        document.TryGet(Layers.Timexes, out var timexes);
        document.TryGet(Layers.Actors, out var documentActors);
        var run = new Run(this, g, clauses, new ActorLocator(_actors, g, entities, documentActors), DocumentDate(document), timexes);
        for (var k = 0; k < clauses.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.CodeClause(k);
        }

        run.AddPlannedHappenings();
        run.AddAnniversaries();

        return new EventLayer(EventLocator.Locate(document, g, clauses, run.Finish()), run.Discarded, Producer, [.. run.Calendar.OrderBy(x => x.Sentences[0])]);
    }

    private static EventDate DocumentDate(Document document)
    {
        if (document.Metadata.Published is not { } p)
        {
            return new EventDate(null, "none", "none", null, null);
        }

        var iso = p.ToIso();
        var value = iso[..Math.Min(10, iso.Length)];
        return new EventDate(value, value.Length switch { 4 => "year", 7 => "month", _ => "day" }, "dct", p.Raw, null);
    }

    /// <summary>Intent code of an announced happening of <paramref name="plannedType"/>; null when announcing it is no event.</summary>
    internal static string? AnnouncementCode(string plannedType) => plannedType switch
    {
        "CONSULT" => "036",
        "COOPERATE" => "031",
        "AID" => "033",
        "SUPPORT" => "032",
        "CONCEDE" or "RETREAT" => "035",
        "AGREE" => "030",
        "ASSAULT" or "MOBILIZE" => "138",
        "SANCTION" => "1312",
        "COERCE" => "130",
        _ => null,
    };

    private sealed record Candidate(string Cameo, string? Reverse, int Trigger, string Rule, int Specificity, int NominalHead, IReadOnlyList<string> RecipientPreps);

    private sealed class Draft
    {
        public required string Event { get; init; }

        public required PloverMapping Mapping { get; init; }

        public required int Trigger { get; init; }

        public required List<int> Sentences { get; init; }

        public required IReadOnlyList<EventActor> Source { get; init; }

        public required IReadOnlyList<EventActor> Recipient { get; init; }

        public required string Modality { get; init; }

        public PlannedEvent? Planned { get; init; }

        public required EventDate Date { get; init; }

        public required double Confidence { get; init; }

        public required string Rule { get; init; }

        public required List<string> Explanation { get; init; }
    }

    /// <summary>The state of coding one document.</summary>
    private sealed partial class Run(EventCoder coder, SentenceGraph g, IReadOnlyList<Clause> clauses, ActorLocator actors, EventDate dct, TimexLayer? timexes)
    {
        private readonly (string Modality, string Why)?[] _modalities = new (string, string)?[clauses.Count];

        private readonly Dictionary<int, int> _clauseOf = clauses.Select((c, i) => (c.Predicate, i)).ToDictionary(x => x.Predicate, x => x.i);

        /// <summary>
        /// The date of a realised event: the calendar date of its clause, else the only calendar date of its sentence,
        /// else the publication date. A date after the publication date is not a realised event's date (it belongs to
        /// something announced), so the publication date stands then.
        /// </summary>
        private EventDate DateFor(Clause c)
        {
            if (timexes is null)
            {
                return dct;
            }

            var own = timexes.DateOf(_clauseOf[c.Predicate]);
            if (own is not null && Concrete(own.Value) is { } v && !After(v))
            {
                return new EventDate(v, Precision(v), "clause", g.Text(own.Span), own.Span);
            }

            var inSentence = timexes.Expressions
                .Where(t => t.Type is "DATE" && Concrete(t.Value) is not null && g.SentenceOf[t.FirstWord] == c.Sentence)
                .ToList();
            if (inSentence.Count == 1 && Concrete(inSentence[0].Value) is { } sv && !After(sv))
            {
                return new EventDate(sv, Precision(sv), "sentence", g.Text(inSentence[0].Span), inSentence[0].Span);
            }

            return dct;
        }

        /// <summary>When an announced happening is expected: the date of its own clause, else a later-than-publication date in the sentence.</summary>
        private string? ExpectedFor(Clause inner, int sentence)
        {
            if (timexes is null)
            {
                return null;
            }

            if (timexes.DateOf(_clauseOf[inner.Predicate]) is { } own && Concrete(own.Value) is { } v)
            {
                return v;
            }

            return DateOfSentence(sentence, After);
        }

        /// <summary>The first calendar date of <paramref name="sentence"/> that satisfies <paramref name="accept"/>, or null.</summary>
        private string? DateOfSentence(int sentence, Func<string, bool> accept) =>
            timexes?.Expressions
                .Where(t => t.Type is "DATE" && g.SentenceOf[t.FirstWord] == sentence)
                .Select(t => Concrete(t.Value))
                .FirstOrDefault(x => x is not null && accept(x));

        private static string? Concrete(string? value) =>
            value is { Length: >= 4 } && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3]) ? value[..Math.Min(10, value.Length)] : null;

        private static string Precision(string value) => value.Length switch { 4 => "year", 7 => "month", _ => value.Length >= 10 ? "day" : "other" };

        private bool After(string value) => dct.Value is { } d && string.CompareOrdinal(value, d[..Math.Min(d.Length, value.Length)]) > 0;

        /// <summary>Anniversaries go to the calendar: the document's two main parties celebrate (SUPPORT) on the anniversary date.</summary>
        public void AddAnniversaries()
        {
            if (timexes is null)
            {
                return;
            }

            foreach (var a in timexes.Anniversaries)
            {
                var word = Enumerable.Range(0, g.Count).FirstOrDefault(w => g.Tokens.Words[w].Span.Start >= a.Span.Start);
                var parties = actors.SalientParties(g.Count).Select(p => p with { Sector = p.Org is null ? "GOV" : p.Sector }).ToList();
                var (date, origin, how, sentences) = (a.Date, a.Origin, a.How, new List<int> { g.SentenceOf[word] });
                if (date is null || date.Length < 10)
                {
                    // "… the 30th anniversary … The jubilee date will be celebrated on September 16th, 2022.": a celebration
                    // date in one of the next two sentences gives the day
                    var later = timexes.Expressions.FirstOrDefault(t => t.Type == "DATE" && Concrete(t.Value) is { Length: 10 }
                        && g.SentenceOf[t.FirstWord] is var ts && ts > sentences[0] && ts <= sentences[0] + 2
                        && t.Predicate >= 0 && CelebrationVerbs.Contains(g.Lemmas[t.Predicate]));
                    if (later is not null && Concrete(later.Value) is { } day
                        && int.TryParse(day[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
                    {
                        date = day;
                        origin = (year - a.Ordinal).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + day[4..];
                        how = $"celebration date in a following sentence (\"{g.Text(later.Span)}\")";
                        sentences.Add(g.SentenceOf[later.FirstWord]);
                    }
                }

                Calendar.Add(new CalendarItem("anniversary", "SUPPORT", "051", parties, date, origin, sentences, a.Span, $"anniversary: {a.Ordinal}. of {a.Commemorated ?? "(not said)"}; {how}"));
            }
        }

        private readonly List<Draft> _drafts = [];
        private readonly HashSet<int> _consumed = [];

        public List<string> Discarded { get; } = [];

        public List<CalendarItem> Calendar { get; } = [];

        private void Plan(Clause c, PloverMapping planned, string cameo, IEnumerable<EventActor> parties, int trigger, string how, string? expected)
        {
            // the calendar lists happenings (meetings, visits, aid, withdrawals, protests, force), not intentions to cooperate or praise
            var actorsOf = parties.Where(a => a.IsResolved).DistinctBy(a => (a.Country, a.Org, a.Sector)).ToList();
            if (actorsOf.Count == 0 || planned.Event is "AGREE" or "SUPPORT" or "COOPERATE" or "CONCEDE" or "REQUEST" or "ACCUSE" or "REJECT" or "THREATEN" || Calendar.Any(x => x.Sentences[0] == c.Sentence && x.Event == planned.Event))
            {
                return;
            }

            Calendar.Add(new CalendarItem("planned", planned.Event, cameo, actorsOf, expected, null, [c.Sentence], Span(trigger), how));
        }

        public void CodeClause(int k)
        {
            var c = clauses[k];
            if (_consumed.Contains(k))
            {
                return;
            }

            var (modality, why) = Modality(k);
            if (modality == "embedded")
            {
                Discard(c, why);
                return;
            }

            if (IntentVerbs.Contains(g.Lemmas[c.Predicate]) && modality is "asserted")
            {
                if (Announce(k, c))
                {
                    return;
                }
            }

            foreach (var cand in Candidates(c))
            {
                if (modality == "future")
                {
                    AnnounceFuture(c, cand);
                    continue;
                }

                Emit(c, cand, modality, why);
            }
        }

        /// <summary>
        /// "Peruvian Foreign Minister X" split by the parser into "Peruvian" and "Foreign Minister X": an actor with no sector
        /// is dropped when the same country or organisation is also present with a sector.
        /// </summary>
        private static List<EventActor> WithoutBareDuplicates(List<EventActor> actors) =>
            actors.Count < 2
                ? actors
                : [.. actors.Where(a => !(a.IsResolved && a.Sector is null
                    && actors.Any(b => b != a && b.IsResolved && b.Sector is not null && b.Country == a.Country && b.Org == a.Org)))];

        private IEnumerable<int> WordsOf(int sentence, TextSpan span)
        {
            var s = g.Tokens.Sentences[sentence];
            for (var w = s.FirstWord; w < s.EndWord; w++)
            {
                if (span.Contains(g.Tokens.Words[w].Span))
                {
                    yield return w;
                }
            }
        }

        /// <summary>
        /// "Held talks with his Beninese counterpart": a counterpart holds the other party's office in another country, so
        /// a counterpart without a sector of its own takes the sector of the other side's first resolved actor.
        /// </summary>
        private static List<EventActor> Counterparts(List<EventActor> actors, List<EventActor> other)
        {
            var peer = other.FirstOrDefault(a => a.IsResolved && a.Sector is not null);
            if (peer is null || !actors.Any(a => a.IsResolved && a.Sector is null && a.Text.Contains("counterpart", StringComparison.OrdinalIgnoreCase)))
            {
                return actors;
            }

            return [.. actors.Select(a => a.IsResolved && a.Sector is null && a.Text.Contains("counterpart", StringComparison.OrdinalIgnoreCase)
                ? a with { Sector = peer.Sector, How = $"{a.How}; a counterpart holds the office of the other side ({peer.Sector})" }
                : a)];
        }

        /// <summary>
        /// "They agreed that there is big room for growth": agreeing that something is so states a shared view, not an
        /// agreement to act; the content is a present state (an existential or copular clause without a future or modal
        /// auxiliary). Null when the clause has no such content or commits to doing something.
        /// </summary>
        private string? SharedView(Clause c)
        {
            if (c.Arguments.Any(a => a.Role is ArgumentRole.Object or ArgumentRole.Oblique))
            {
                return null;
            }

            var content = clauses.Where(x => x.Governor >= 0 && clauses[x.Governor].Predicate == c.Predicate && x.Relation == "ccomp").ToList();
            if (content.Count == 0 || clauses.Any(x => x.Governor >= 0 && clauses[x.Governor].Predicate == c.Predicate && x.Relation == "xcomp"))
            {
                return null;
            }

            foreach (var x in content)
            {
                var stative = g.Children(x.Predicate).Any(w => g.Relation(w) is "expl" or "cop");
                if (!stative || x.Future || x.Modals.Count > 0)
                {
                    return null;
                }
            }

            return $"\"{c.Lemma}\" that a state holds (\"{g.Forms[content[0].Predicate]}\" with a copula or \"there\", no future or modal): a shared view, not an agreement to act";
        }

        private IEnumerable<Candidate> Candidates(Clause c)
        {
            if (AppealingDesires.Contains(c.Lemma) && AppealedParty(c) is { } party)
            {
                yield return new Candidate("020", null, c.Predicate, $"\"{c.Lemma}\" that another party act: an appeal to it (020)", 1, party, RecipientPrepositions);
                yield break;
            }

            var match = coder._verbs.Match(g, c, out var why);
            var light = LightVerbs.Contains(c.Lemma) || LightVerbs.Contains(g.Lemmas[c.Predicate]);
            if (match is not null && (OccurrenceVerbs.Contains(c.Lemma) || OccurrenceVerbs.Contains(g.Lemmas[c.Predicate]))
                && c.Arguments.Any(a => a.Role is ArgumentRole.Subject or ArgumentRole.PassiveSubject && coder._nouns.Match(g, a.Head) is not null))
            {
                // "protests broke out", "the talks began": the verb only says that the event noun happened
                why = $"\"{c.Lemma}\" says that its subject, an event noun, happened";
                match = null;
            }
            if (match is not null && (match.Code ?? "").StartsWith("03", StringComparison.Ordinal) && SharedView(c) is { } view)
            {
                why = view;
                match = null;
            }

            if (match is not null && !(light && match.Specificity == 0))
            {
                var code = match.Code ?? "";
                var rule = match.Rule;
                if (code.StartsWith("14", StringComparison.Ordinal) && VerbalProtestVerbs.Contains(g.Lemmas[c.Predicate]))
                {
                    // A protest expressed, lodged or conveyed is a diplomatic complaint (CAMEO 111), not dissent in the streets (14).
                    rule += $"; a protest put into words (\"{g.Lemmas[c.Predicate]}\") is criticism: {code} → 111";
                    code = "111";
                }

                yield return new Candidate(code, match.ReverseCode, c.Predicate, rule, match.Specificity, match.Object, RecipientPrepositions);
            }
            else if (match is null)
            {
                Discard(c, why);
            }

            // event nouns: objects of light verbs, subjects of occurrence verbs, and circumstances ("during his meeting with")
            foreach (var a in c.Arguments)
            {
                var take = a.Role switch
                {
                    ArgumentRole.Object => light && (match is null || match.Specificity == 0),
                    ArgumentRole.Subject or ArgumentRole.PassiveSubject => OccurrenceVerbs.Contains(c.Lemma) || OccurrenceVerbs.Contains(g.Lemmas[c.Predicate]),
                    ArgumentRole.Oblique => (a.Preposition is not null && CircumstancePrepositions.Contains(a.Preposition) && !MannerPhrase(a)) || light,
                    _ => false,
                };
                if (take && coder._nouns.Match(g, a.Head) is { } n && n.Noun is var noun)
                {
                    yield return new Candidate(n.Cameo, null, a.Head, $"{NominalTriggers.FileName}:{noun.Line} {noun.Lemma} [{n.Cameo}] as {a.Role.ToString().ToLowerInvariant()}{(a.Preposition is null ? "" : " (" + a.Preposition + ")")} of \"{c.Lemma}\"", 1, a.Head, noun.RecipientPrepositions);
                }
            }
        }

        /// <summary>
        /// The subject of a hoped-for or expected clause that names an actor other than the hoper's own side
        /// ("hoped that Afghanistan would take measures", "expect the US side to stop"), or -1 (returned as null).
        /// </summary>
        private int? AppealedParty(Clause c)
        {
            var own = c.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Subject) is { } subject ? actors.Resolve(subject.Head) : [];
            foreach (var x in clauses.Where(x => x.Governor >= 0 && clauses[x.Governor].Predicate == c.Predicate && x.Relation is "ccomp" or "xcomp"))
            {
                var target = x.Arguments.FirstOrDefault(a => a.Role is ArgumentRole.Subject or ArgumentRole.PassiveSubject
                    && (x.Relation == "ccomp" || a.Inherited is null));
                if (x.Relation == "xcomp")
                {
                    // "want X to do": X is the object of the desire verb
                    target = c.Arguments.FirstOrDefault(a => a.Role == ArgumentRole.Object);
                }

                if (target is null)
                {
                    continue;
                }

                var resolved = actors.Resolve(target.Head).Where(r => r.IsResolved).ToList();
                if (resolved.Count > 0 && !resolved.Any(r => own.Any(o => o.IsResolved && SameActor(o, r))))
                {
                    return target.Head;
                }
            }

            return null;
        }

        /// <summary>The country a protest takes place in ("protests in Belarus", "protests broke out in Georgia"), or null.</summary>
        private EventActor? DomesticProtest(Clause c, Candidate cand)
        {
            var places = new List<int>();
            if (cand.NominalHead >= 0)
            {
                places.AddRange(g.Children(cand.NominalHead).Where(x => g.BaseRelation(x) == "nmod" && g.CaseOf(x) == "in"));
            }

            places.AddRange(c.Arguments.Where(a => a.Role == ArgumentRole.Oblique && a.Preposition == "in").Select(a => a.Head));
            foreach (var p in places)
            {
                if (actors.Resolve(p).FirstOrDefault(a => a.Country is not null && a.Org is null) is { } country)
                {
                    return country;
                }
            }

            return null;
        }

        /// <summary>"in protest", "in response", "in support": a bare singular noun after "in" says how or why, not when.</summary>
        private bool MannerPhrase(ClauseArgument a) =>
            a.Preposition == "in" && g.Syntax.XPos[a.Head] == "NN"
            && !g.Children(a.Head).Any(x => g.BaseRelation(x) is "det" or "nmod" && g.Relation(x) is "det" or "nmod:poss");

        private void Emit(Clause c, Candidate cand, string modality, string why)
        {
            var explanation = new List<string> { $"trigger: {cand.Rule}" };
            if (cand.Cameo.Length > 0)
            {
                Add(c, cand, cand.Cameo, reverse: false, modality, why, explanation);
            }

            if (cand.Reverse is { } rev)
            {
                var forward = cand.Cameo.Length > 0 ? coder._codebook.Map(cand.Cameo)?.Event : null;
                var backward = coder._codebook.Map(rev)?.Event;
                if (backward is not null && backward != forward)
                {
                    Add(c, cand, rev, reverse: true, modality, why, [.. explanation, $"reverse code {rev} (recipient → source)"]);
                }
            }
        }

        private void Add(Clause c, Candidate cand, string cameo, bool reverse, string modality, string why, List<string> explanation)
        {
            var mapping = coder._codebook.Map(cameo);
            if (mapping is null)
            {
                Discard(c, coder._codebook.WhyUnmapped(cameo)!);
                return;
            }

            if (modality is "negated" or "hypothetical" && !coder._options.IncludeModal)
            {
                Discard(c, $"{mapping.Event} {cameo} left out: {why}");
                return;
            }

            var (source, recipient) = Parties(c, cand, explanation);
            if (reverse)
            {
                (source, recipient) = (recipient, source);
            }

            if (!source.Any(a => a.IsResolved) && !coder._options.IncludeUnresolved)
            {
                Discard(c, $"{mapping.Event} {cameo} left out: no known source actor ({string.Join("; ", source.Select(s => s.How)).Trim()})");
                return;
            }

            explanation.Add($"modality: {modality}{(why.Length > 0 ? " (" + why + ")" : "")}");
            _drafts.Add(new Draft
            {
                Event = mapping.Event,
                Mapping = mapping,
                Trigger = cand.Trigger,
                Sentences = [c.Sentence],
                Source = source,
                Recipient = [.. recipient.Where(r => r.IsResolved && !source.Any(s => SelfDirected(s, r)))],
                Modality = modality,
                Date = DateFor(c),
                Confidence = Math.Min(0.95, 0.55 + (0.1 * cand.Specificity)),
                Rule = cand.Rule,
                Explanation = explanation,
            });
        }

        /// <summary>Source and recipient actors of a trigger in clause <paramref name="c"/>.</summary>
        private (IReadOnlyList<EventActor> Source, IReadOnlyList<EventActor> Recipient) Parties(Clause c, Candidate cand, List<string> explanation)
        {
            // the actor: the active subject, else a by-agent (also of participles without a passive auxiliary: "as stated by X")
            var sourceArgs = c.Arguments.Where(a => !c.Passive && a.Role == ArgumentRole.Subject).ToList();
            if (sourceArgs.Count == 0)
            {
                sourceArgs = [.. c.Arguments.Where(a => a.Role == ArgumentRole.Agent || (a.Role == ArgumentRole.Oblique && a.Preposition == "by" && g.Relation(a.Head) == "obl:agent"))];
            }

            // the clause's subject first (it is also the likely antecedent of a possessive pronoun: "X, during his meeting")
            var source = new List<EventActor>();
            var subjectWords = sourceArgs.Where(a => a.Head != cand.NominalHead).SelectMany(a => WordsOf(c.Sentence, a.Span)).ToHashSet();
            if (actors.Distributive(subjectWords) is { } paired)
            {
                source.AddRange(paired);
            }
            else
            {
                foreach (var a in sourceArgs.Where(a => a.Head != cand.NominalHead))
                {
                    source.AddRange(actors.Resolve(a.Head));
                }
            }

            if (cand.NominalHead >= 0)
            {
                // a possessor ("his meeting", "Peru's sanctions") is the source of an event noun
                var possessed = new List<EventActor>();
                foreach (var p in g.Children(cand.NominalHead).Where(x => g.Relation(x) == "nmod:poss"))
                {
                    possessed.AddRange(actors.Resolve(p));
                }

                if (possessed.Any(p => p.IsResolved))
                {
                    source = possessed;
                }
            }

            if (c.Passive && !source.Any(a => a.IsResolved))
            {
                // "X is viewed as Y's strategic partner": with no agent, the one whose partner X is regards X so
                foreach (var a in c.Arguments.Where(a => a.Role == ArgumentRole.Oblique && a.Preposition == "as"))
                {
                    foreach (var owner in g.Children(a.Head).Where(x => g.Relation(x) == "nmod:poss"))
                    {
                        source.AddRange(actors.Resolve(owner).Where(r => r.IsResolved));
                    }
                }
            }

            if (c.ReportedBy >= 0)
            {
                source = SpeakerFor(c, source, explanation);
            }
            else if (source.Count > 0 && source.All(s => !s.IsResolved) && sourceArgs.All(a => g.Forms[a.Head] is "we" or "i"))
            {
                // "We value our partnership with X," Y emphasized: a first person speaks through the speech verb of its sentence
                var speech = clauses.FirstOrDefault(x => x.Sentence == c.Sentence && SpeechVerbs.Contains(x.Lemma) && x.Predicate != c.Predicate
                    && x.Arguments.Any(a => a.Role == ArgumentRole.Subject && g.UPos(a.Head) != "PRON"));
                if (speech is not null)
                {
                    var speakerArg = speech.Arguments.First(a => a.Role == ArgumentRole.Subject && g.UPos(a.Head) != "PRON");
                    var speaker = actors.Resolve(speakerArg.Head);
                    if (speaker.Any(p => p.IsResolved))
                    {
                        explanation.Add($"first person: the speaker \"{g.Text(speakerArg.Span)}\" of \"{speech.Lemma}\" is the source");
                        source = [.. speaker];
                    }
                }
            }

            var recipient = new List<EventActor>();
            if (cand.NominalHead >= 0)
            {
                foreach (var x in g.Children(cand.NominalHead))
                {
                    if (g.BaseRelation(x) is "nmod" && g.CaseOf(x) is { } prep && cand.RecipientPreps.Contains(prep))
                    {
                        recipient.AddRange(actors.Resolve(x));
                        foreach (var conj in g.ChildrenWith(x, "conj"))
                        {
                            recipient.AddRange(actors.Resolve(conj));
                        }
                    }
                }
            }

            if (!recipient.Any(r => r.IsResolved) && cand.NominalHead >= 0 && cand.NominalHead != cand.Trigger)
            {
                // the pattern's object may itself be the recipient ("summoned the ambassador")
                recipient.AddRange(actors.Resolve(cand.NominalHead));
            }

            if (!recipient.Any(r => r.IsResolved))
            {
                var objects = c.Arguments.Where(a => a.Head != cand.NominalHead && (c.Passive ? a.Role == ArgumentRole.PassiveSubject : a.Role is ArgumentRole.Object or ArgumentRole.IndirectObject)).ToList();
                foreach (var o in objects)
                {
                    recipient.AddRange(actors.Resolve(o.Head));
                }

                if (!recipient.Any(r => r.IsResolved))
                {
                    // demands and appeals are made "from" someone too ("demanded from Canada")
                    var preps = cand.Cameo.StartsWith("02", StringComparison.Ordinal) || cand.Cameo.StartsWith("10", StringComparison.Ordinal)
                        ? cand.RecipientPreps.Append("from")
                        : cand.RecipientPreps;
                    foreach (var prep in preps)
                    {
                        foreach (var o in c.Arguments.Where(a => a.Role == ArgumentRole.Oblique && a.Preposition == prep && a.Head != cand.NominalHead && !CircumstanceNouns.Contains(g.Lemmas[a.Head])
                            && !VictimOfAttack(c, a)))
                        {
                            recipient.AddRange(actors.Resolve(o.Head));
                        }

                        if (recipient.Any(r => r.IsResolved))
                        {
                            break;
                        }
                    }
                }

                if (!recipient.Any(r => r.IsResolved))
                {
                    // what is praised or condemned belongs to the recipient: "condemned Russia's aggression", "praised the
                    // reforms in Kazakhstan", "hailed the visit of the Beninese minister" (after the recipient prepositions:
                    // in "held talks with X in Hanoi" X is the recipient, not the place the parser hung on X)
                    // an object misattached under an oblique ("condemns in the strongest terms the attack on …") has no case of its own
                    var owned = objects.Select(o => o.Head)
                        .Concat(c.Arguments.Where(a => a.Role == ArgumentRole.Oblique)
                            .SelectMany(a => g.Children(a.Head).Where(x => g.Relation(x) == "nmod" && g.CaseOf(x) is null)));
                    owned = owned.SelectMany(o => g.ChildrenWith(o, "conj").Prepend(o)).ToList();
                    foreach (var o in owned)
                    {
                        foreach (var x in g.Children(o))
                        {
                            var owner = g.Relation(x) == "nmod:poss"
                                || (g.BaseRelation(x) == "nmod" && g.CaseOf(x) is "of" or "in" or "by")
                                || (g.BaseRelation(x) is "amod" or "compound" && g.UPos(x) is "ADJ" or "PROPN" && char.IsUpper(g.Tokens.Words[x].Form[0]));
                            if (owner)
                            {
                                recipient.AddRange(actors.Resolve(x).Where(r => r.IsResolved));
                            }
                        }
                    }
                }
            }

            if (!recipient.Any(r => r.IsResolved))
            {
                // the object of a controlled complement: "threatened to suspend Sudan", "pledged to support Chad"
                foreach (var x in clauses.Where(x => x.Governor >= 0 && clauses[x.Governor].Predicate == c.Predicate && x.Relation == "xcomp"))
                {
                    foreach (var o in x.Arguments.Where(a => a.Role is ArgumentRole.Object or ArgumentRole.IndirectObject))
                    {
                        recipient.AddRange(actors.Resolve(o.Head));
                    }
                }
            }

            if (cand.Cameo.StartsWith("14", StringComparison.Ordinal) && !recipient.Any(r => r.IsResolved) && DomesticProtest(c, cand) is { } country)
            {
                // "protests broke out in Kazakhstan": with no organiser named, a protest is by the country's civilians against its government
                if (!source.Any(a => a.IsResolved && a.Country == country.Country))
                {
                    source = [country with { Sector = "CVL", How = $"{country.How}; protesters in the country (no organiser named)" }];
                }

                if (!source.Any(a => a.Sector == "GOV"))
                {
                    recipient = [country with { Sector = "GOV", How = $"{country.How}; a protest is aimed at the country's government unless the text says otherwise" }];
                }
            }

            recipient = Counterparts(recipient, source);
            source = WithoutBareDuplicates(Counterparts(source, recipient));
            foreach (var s in source)
            {
                explanation.Add($"source \"{s.Text}\": {s.How}");
            }

            foreach (var r in recipient)
            {
                explanation.Add($"recipient \"{r.Text}\": {r.How}");
            }

            return (source, recipient);
        }

        /// <summary>
        /// "condemns the assault today against United Nations peacekeepers": an "against"/"on" phrase after an object that
        /// names an attack (a nominal trigger of force, CAMEO 18–20) is the attack's target, whatever the parser hung it on,
        /// so it is not the party the condemnation is aimed at.
        /// </summary>
        private bool VictimOfAttack(Clause c, ClauseArgument oblique) =>
            oblique.Preposition is "against" or "on" && c.Arguments.Any(a => a.Role == ArgumentRole.Object && a.Head < oblique.Head
                && coder._nouns.Match(g, a.Head) is { } n && n.Cameo.Length >= 2 && n.Cameo[..2] is "18" or "19" or "20");

        /// <summary>In reported speech the speaker is the source when the content's subject is the speaker's own country or "we".</summary>
        private List<EventActor> SpeakerFor(Clause c, List<EventActor> source, List<string> explanation)
        {
            var speech = clauses[c.ReportedBy];
            var speakerArg = speech.Arguments.FirstOrDefault(a => a.Role is ArgumentRole.Subject or ArgumentRole.Agent);
            if (speakerArg is null)
            {
                return source;
            }

            var speaker = actors.Resolve(speakerArg.Head);
            var replace = source.Count == 0
                || source.All(s => !s.IsResolved)
                || source.All(s => s.Sector is null && s.Org is null && speaker.Any(p => p.Country == s.Country && p.Sector is not null));
            if (replace && speaker.Any(p => p.IsResolved))
            {
                explanation.Add($"reported speech: the speaker \"{g.Text(speakerArg.Span)}\" is the source");
                return [.. speaker];
            }

            return source;
        }

        /// <summary>An intent/agreement clause with an embedded happening: AGREE (or THREATEN) with a planned event.</summary>
        private bool Announce(int k, Clause c)
        {
            if (SharedView(c) is { } view)
            {
                Discard(c, view);
                return true;
            }

            var embedded = Embedded(k).ToList();
            foreach (var (ek, cand) in embedded)
            {
                var planned = coder._codebook.Map(cand.Cameo);
                if (planned is null)
                {
                    continue;
                }

                var code = AnnouncementCode(planned.Event);
                if (code is null)
                {
                    continue;
                }

                var explanation = new List<string> { $"announcement: \"{c.Lemma}\" introduces {planned.Event} ({cand.Rule})" };
                var (source, recipient) = Parties(c, cand with { NominalHead = -1 }, explanation);
                if (cand.NominalHead >= 0 || ek >= 0)
                {
                    var inner = ek >= 0 ? clauses[ek] : c;
                    var (_, innerRecipient) = Parties(inner, cand, []);
                    recipient = [.. recipient.Concat(innerRecipient)];
                }

                var mapping = coder._codebook.Map(code)!;
                var expected = ExpectedFor(ek >= 0 ? clauses[ek] : c, c.Sentence);
                Plan(c, planned, cand.Cameo, source.Concat(recipient), cand.Trigger, $"announced by \"{c.Lemma}\": {cand.Rule}", expected);
                if (!source.Any(a => a.IsResolved))
                {
                    Discard(c, $"{mapping.Event} {code} left out: no known source actor");
                    return true;
                }

                AddAnnouncement(c, mapping, planned, cand, source, recipient, expected, 0.6, $"announcement: {c.Lemma} + {cand.Rule}", explanation);
                foreach (var (x, _) in embedded.Where(e => e.Clause >= 0))
                {
                    _consumed.Add(x);
                }

                return true;
            }

            return false;
        }

        private void AnnounceFuture(Clause c, Candidate cand)
        {
            var planned = coder._codebook.Map(cand.Cameo);
            if (planned is null || planned.Event is "REQUEST" or "ACCUSE" or "REJECT" or "THREATEN" or "SUPPORT" or "AGREE")
            {
                Discard(c, $"future \"{c.Lemma}\": a future {(planned?.Event ?? cand.Cameo)} is a statement to come, not a planned happening");
                return;
            }

            var explanation = new List<string> { $"announcement (future tense): {planned.Event} ({cand.Rule})" };
            var (source, recipient) = Parties(c, cand, explanation);
            var expected = ExpectedFor(c, c.Sentence);
            Plan(c, planned, cand.Cameo, source.Concat(recipient), cand.Trigger, $"future tense: {cand.Rule}", expected);
            var code = AnnouncementCode(planned.Event);
            if (code is null)
            {
                Discard(c, $"future \"{c.Lemma}\": announcing {planned.Event} is not coded as an event (it is on the calendar)");
                return;
            }

            if (!source.Any(a => a.IsResolved))
            {
                Discard(c, $"future {planned.Event} left out: no known source actor");
                return;
            }

            AddAnnouncement(c, coder._codebook.Map(code)!, planned, cand, source, recipient, expected, 0.55, $"future: {cand.Rule}", explanation);
        }

        /// <summary>An announcement: the announcing act (AGREE/THREATEN…) dated when made, carrying the planned happening.</summary>
        private void AddAnnouncement(Clause c, PloverMapping mapping, PloverMapping planned, Candidate cand, IReadOnlyList<EventActor> source, IReadOnlyList<EventActor> recipient, string? expected, double confidence, string rule, List<string> explanation)
        {
            var resolvedRecipients = recipient.Where(r => r.IsResolved && !source.Any(s => SameActor(s, r))).ToList();
            _drafts.Add(new Draft
            {
                Event = mapping.Event,
                Mapping = mapping,
                Trigger = c.Predicate,
                Sentences = [c.Sentence],
                Source = source,
                Recipient = resolvedRecipients,
                Modality = "asserted",
                Planned = new PlannedEvent(planned.Event, cand.Cameo, [.. source.Concat(resolvedRecipients)], expected, Span(cand.Trigger)),
                Date = dct,
                Confidence = confidence,
                Rule = rule,
                Explanation = explanation,
            });
        }

        /// <summary>Happenings embedded under clause <paramref name="k"/>: its clausal complements (depth first) and the event nouns in them.</summary>
        private IEnumerable<(int Clause, Candidate Candidate)> Embedded(int k)
        {
            var queue = new Queue<int>();
            queue.Enqueue(k);
            var seen = new HashSet<int> { k };
            while (queue.Count > 0)
            {
                var cur = queue.Dequeue();
                var c = clauses[cur];
                if (cur != k)
                {
                    foreach (var cand in Candidates(c))
                    {
                        if (coder._codebook.Map(cand.Cameo) is not null)
                        {
                            yield return (cur, cand);
                        }
                    }
                }

                // event nouns anywhere in the objects' phrases ("the possibility of holding a meeting")
                foreach (var a in c.Arguments.Where(a => a.Role is ArgumentRole.Object or ArgumentRole.Oblique))
                {
                    var sentence = g.Tokens.Sentences[c.Sentence];
                    for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
                    {
                        if (w != a.Head && g.Dominates(a.Head, w) && coder._nouns.Match(g, w) is { } n)
                        {
                            yield return (-1, new Candidate(n.Cameo, null, w, $"{NominalTriggers.FileName}:{n.Noun.Line} {n.Noun.Lemma} [{n.Cameo}] inside \"{c.Lemma}\"", 1, w, n.Noun.RecipientPrepositions));
                        }
                    }
                }

                for (var j = 0; j < clauses.Count; j++)
                {
                    if (clauses[j].Governor == cur && clauses[j].Relation is "xcomp" or "ccomp" or "acl" or "advcl" && seen.Add(j))
                    {
                        queue.Enqueue(j);
                    }
                }
            }
        }

        /// <summary>asserted, future, negated, hypothetical or embedded — with the reason.</summary>
        private (string Modality, string Why) Modality(int k) => _modalities[k] ??= ModalityOf(k);

        /// <summary>Modality of clause <paramref name="k"/>; governors are asked through the cache, so a chain is judged once.</summary>
        private (string Modality, string Why) ModalityOf(int k)
        {
            var c = clauses[k];
            if (c.Negated)
            {
                return ("negated", $"\"{c.Lemma}\" is negated");
            }

            var modal = c.Modals.FirstOrDefault(HypotheticalModals.Contains);
            if (modal == "would" && c.Modals.Count == 1 && c.ReportedBy >= 0
                && g.Syntax.XPos[clauses[c.ReportedBy].Predicate] is "VBD" or "VBN")
            {
                return ("future", "\"would\" reported by a past speech verb (future in the past)");
            }

            if (modal is not null)
            {
                return ("hypothetical", $"modal \"{modal}\"");
            }

            var sentence = g.Tokens.Sentences[c.Sentence];
            if (g.Forms[sentence.EndWord - 1] == "?")
            {
                return ("hypothetical", "a question");
            }

            if (g.Children(c.Predicate).Any(x => g.BaseRelation(x) == "mark" && g.Forms[x] is "if" or "unless" or "whether"))
            {
                return ("hypothetical", "conditional clause");
            }

            if (c.Governor >= 0 && c.Relation == "xcomp" && CausativeVerbs.Contains(clauses[c.Governor].Lemma) && Modality(c.Governor).Modality == "asserted")
            {
                return ("asserted", "");
            }

            if (c.Governor >= 0 && c.Relation is "xcomp" or "ccomp" && DesireVerbs.Contains(clauses[c.Governor].Lemma))
            {
                return ("embedded", $"wished or hoped for by \"{clauses[c.Governor].Lemma}\" ({c.Relation}), not a happening of its own");
            }

            if (c.Governor >= 0 && c.ReportedBy != c.Governor && (c.Relation is "xcomp" or "ccomp" or "acl" or "csubj"
                || (c.Relation == "advcl" && RequestVerbs.Contains(clauses[c.Governor].Lemma))))
            {
                return ("embedded", $"content of \"{clauses[c.Governor].Lemma}\" ({c.Relation}), not a happening of its own");
            }

            if (c.Governor >= 0 && c.Relation == "advcl" && g.Syntax.XPos[c.Predicate] == "VB"
                && g.Children(c.Predicate).Any(x => g.BaseRelation(x) == "mark" && g.Forms[x] == "to"))
            {
                // "… in order to facilitate the transport", "visited Kabul to deliver aid": a purpose is aimed at, not done
                return ("embedded", $"purpose of \"{clauses[c.Governor].Lemma}\" (to-infinitive), not a happening of its own");
            }

            if (c.Governor >= 0 && c.Relation is "advcl" or "xcomp" && Modality(c.Governor) is ("embedded", var inner))
            {
                return ("embedded", $"inside \"{clauses[c.Governor].Lemma}\", itself {inner}");
            }

            if (c.Future)
            {
                return ("future", "future tense");
            }

            if (c.Relation == "conj" && c.Governor >= 0)
            {
                var (gm, gw) = Modality(c.Governor);
                if (gm is not "asserted" and not "future")
                {
                    return (gm, "coordinated with: " + gw);
                }
            }

            return ("asserted", "");
        }

        private void Discard(Clause c, string why) =>
            Discarded.Add($"sentence {c.Sentence + 1}, \"{g.Forms[c.Predicate]}\": {why}");

        private TextSpan Span(int word) => g.Tokens.Words[word].Span;

        /// <summary>Merges drafts and numbers the events.</summary>
        public List<CodedEvent> Finish()
        {
            var merged = new List<Draft>();
            foreach (var draft in _drafts)
            {
                var d = draft;
                var parties = d.Source.Where(a => a.IsResolved).Select(a => a.Country ?? a.Org).Distinct().Count();
                if (d.Recipient.Count == 0 && parties >= 2 && d.Mapping.Cameo.StartsWith("057", StringComparison.Ordinal))
                {
                    // Parties that sign together: the first named signs with the others (one direction, as coders write it).
                    var first = d.Source.First(a => a.IsResolved);
                    d = new Draft
                    {
                        Event = d.Event,
                        Mapping = d.Mapping,
                        Trigger = d.Trigger,
                        Sentences = d.Sentences,
                        Source = [.. d.Source.Where(a => a.IsResolved && SameActor(a, first))],
                        Recipient = [.. d.Source.Where(a => a.IsResolved && !SameActor(a, first))],
                        Modality = d.Modality,
                        Planned = d.Planned,
                        Date = d.Date,
                        Confidence = d.Confidence,
                        Rule = d.Rule,
                        Explanation = [.. d.Explanation, $"signed by several parties together: \"{first.Text}\" as source, the others as recipients"],
                    };
                }

                if (d.Recipient.Count == 0 && parties < 2 && !coder._options.IncludeUndirected)
                {
                    Discarded.Add($"sentence {d.Sentences[0] + 1}, \"{g.Forms[d.Trigger]}\": {d.Event} {d.Mapping.Cameo} left out: no recipient and a single source party, {string.Join(", ", d.Source.Where(a => a.IsResolved).Select(a => $"\"{a.Text}\" ({a.Country ?? a.Org} {a.Sector})".Replace(" )", ")", StringComparison.Ordinal)))} (undirected)");
                    continue;
                }

                var same = merged.FirstOrDefault(m => m.Event == d.Event && SameParties(m, d)
                    && (m.Sentences.Contains(d.Sentences[0]) || (d.Event == "CONSULT" && d.Planned is null && m.Planned is null)));
                if (same is null)
                {
                    merged.Add(d);
                    continue;
                }

                if (!same.Sentences.Contains(d.Sentences[0]))
                {
                    same.Sentences.Add(d.Sentences[0]);
                    same.Explanation.Add($"also mentioned in sentence {d.Sentences[0] + 1}: {d.Rule}");
                }
            }

            var events = new List<CodedEvent>();
            foreach (var d in merged.OrderBy(d => d.Sentences[0]).ThenBy(d => d.Trigger))
            {
                var m = d.Mapping;
                events.Add(new CodedEvent(
                    $"e{events.Count + 1}",
                    d.Event,
                    m.Mode,
                    m.Contexts,
                    m.Cameo,
                    coder._codebook.Goldstein(m.Cameo),
                    PloverTypes.Quad(d.Event) ?? 0,
                    Span(d.Trigger),
                    d.Trigger,
                    d.Sentences,
                    d.Source,
                    d.Recipient,
                    d.Modality,
                    d.Planned,
                    d.Date,
                    Math.Round(d.Confidence, 2),
                    d.Rule,
                    d.Explanation));
            }

            return events;
        }

        private static bool SameParties(Draft a, Draft b)
        {
            static HashSet<string> Keys(IEnumerable<EventActor> xs) => [.. xs.Where(x => x.IsResolved).Select(x => x.Country ?? x.Org!)];
            var (sa, ra, sb, rb) = (Keys(a.Source), Keys(a.Recipient), Keys(b.Source), Keys(b.Recipient));
            if (sa.SetEquals(sb) && ra.SetEquals(rb))
            {
                return true;
            }

            return a.Event == "CONSULT" && sa.Union(ra).ToHashSet().SetEquals(sb.Union(rb));
        }
    }

    /// <summary>
    /// Same country, or same organisation and sector: an organisation's body may address the organisation ("EU LEG"
    /// calling on the "EU"); within one country sectors are not told apart here (most same-country pairs are one side).
    /// </summary>
    private static readonly HashSet<string> StateSectors = new(StringComparer.Ordinal) { "GOV", "LEG", "MIL", "JUD", "COP", "SPY" };

    /// <summary>
    /// True when an event from <paramref name="a"/> to <paramref name="b"/> would be one actor acting on itself. The same
    /// country counts as one actor, except between the state and its society (police and protesters, government and
    /// opposition), which domestic events are about.
    /// </summary>
    private static bool SelfDirected(EventActor a, EventActor b) =>
        SameActor(a, b) && !(a.Org is null && a.Sector is { } x && b.Sector is { } y
            && ((StateSectors.Contains(x) && SocietySectors.Contains(y)) || (SocietySectors.Contains(x) && StateSectors.Contains(y))));

    private static readonly HashSet<string> SocietySectors = new(StringComparer.Ordinal) { "CVL", "OPP", "PTY", "REB", "PPL", "MED", "LAB", "EDU", "NGO", "BUS" };

    private static bool SameActor(EventActor a, EventActor b) =>
        a.IsResolved && b.IsResolved && a.Country == b.Country && a.Org == b.Org && (a.Org is null || a.Sector == b.Sector);
}
