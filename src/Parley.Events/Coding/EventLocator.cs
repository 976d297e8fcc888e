using Parley.Core;

namespace Parley.Events.Coding;

/// <summary>
/// Where each coded event happened, from the places layer (<see cref="Layers.Places"/>), in this order:
/// <list type="number">
/// <item>for a visit (PLOVER CONSULT, mode <c>visit</c>, CAMEO 042), its stated destination: a place as the object
/// of the trigger ("visited Astana") or in a <c>to</c> phrase of the trigger or its clause ("a visit to Hanoi",
/// "travelled to Lima"); the recipient's capital is never assumed;</item>
/// <item>a place in an <c>in</c>/<c>at</c> phrase of the trigger or of its clause ("talks in Minsk", "met in Oslo",
/// "arrived in Baku"); an <c>at</c> phrase that names the recipient ("fired at Georgia") is a target, not a place;</item>
/// <item>a city in an <c>in</c>/<c>at</c> phrase nested in the trigger's phrase or in an object or oblique of its clause,
/// nearest first ("held talks with his counterpart in Hanoi", where the parser hangs the place on the last noun);</item>
/// <item>for a realised meeting (CONSULT other than a visit or a phone call), the dateline city the article is
/// reported from;</item>
/// <item>else none, with the reason (<c>no place in clause or dateline</c>).</item>
/// </list>
/// A place phrase counts when its head, or a word attached to the head as apposition, <c>of</c>-modifier, flat name or
/// compound ("in the city of Minsk", "in the capital, Astana"), lies in a LOC mention. A LOC mention the places layer
/// could not resolve stops the search: the text names a place, so the dateline would be a guess; the reason says so.
/// Without a places layer every event gets the reason <c>no places layer</c>.
/// </summary>
internal sealed class EventLocator
{
    private static readonly HashSet<string> NameRelations = new(StringComparer.Ordinal) { "appos", "flat", "compound" };

    private readonly SentenceGraph _g;
    private readonly IReadOnlyList<Clause> _clauses;
    private readonly Dictionary<int, int> _clauseOf = [];
    private readonly PlaceLayer? _places;
    private readonly Dictionary<int, PlaceMention> _placeOfWord = [];

    private EventLocator(SentenceGraph g, IReadOnlyList<Clause> clauses, PlaceLayer? places, EntityLayer? entities)
    {
        _g = g;
        _clauses = clauses;
        _places = places;
        for (var k = 0; k < clauses.Count; k++)
        {
            _clauseOf.TryAdd(clauses[k].Predicate, k);
        }

        if (places is null || entities is null)
        {
            return;
        }

        foreach (var p in places.Mentions)
        {
            if (p.EntityIndex >= 0 && p.EntityIndex < entities.Mentions.Count && entities.Mentions[p.EntityIndex] is var m)
            {
                for (var w = m.FirstWord; w < m.FirstWord + m.WordCount; w++)
                {
                    _placeOfWord.TryAdd(w, p);
                }
            }
        }
    }

    /// <summary>
    /// The events of <paramref name="document"/> with <see cref="CodedEvent.Location"/> or
    /// <see cref="CodedEvent.LocationReason"/> set, and a <c>location: …</c> line added to each explanation.
    /// </summary>
    public static List<CodedEvent> Locate(Document document, SentenceGraph g, IReadOnlyList<Clause> clauses, IReadOnlyList<CodedEvent> events)
    {
        document.TryGet(Layers.Places, out var places);
        document.TryGet(Layers.Entities, out var entities);
        var locator = new EventLocator(g, clauses, places, entities);
        return [.. events.Select(locator.Locate)];
    }

    private CodedEvent Locate(CodedEvent e)
    {
        var (location, reason) = Find(e);
        var line = location is null ? $"location: none ({reason})" : $"location: \"{location.Text}\" → {location.Name} ({location.Precision}); {location.How}";
        return e with { Location = location, LocationReason = location is null ? reason : null, Explanation = [.. e.Explanation, line] };
    }

    private (EventLocation? Location, string? Reason) Find(CodedEvent e)
    {
        if (_places is null)
        {
            return (null, "no places layer");
        }

        var trigger = e.TriggerWord;
        var clause = ClauseOf(trigger);
        if (e.Event == "CONSULT" && e.Mode == "visit" && e.Cameo.StartsWith("042", StringComparison.Ordinal))
        {
            foreach (var (word, rule) in Destinations(trigger, clause))
            {
                if (PlaceAt(word) is { } p)
                {
                    return Resolved(p, $"visit destination: {rule}");
                }
            }
        }

        foreach (var (word, prep, rule) in PlacePhrases(trigger, clause))
        {
            if (PlaceAt(word) is not { } p)
            {
                continue;
            }

            if (prep == "at" && e.Recipient.Any(r => Overlaps(r.Span, p.Span)))
            {
                continue; // "fired at Georgia": the recipient is the target
            }

            return Resolved(p, rule);
        }

        foreach (var (word, rule) in NestedCityPhrases(trigger, clause))
        {
            if (PlaceAt(word) is { IsResolved: true, Precision: "city" } p)
            {
                return Resolved(p, rule);
            }
        }

        if (e.Event == "CONSULT" && e.Mode is not "visit" and not "phone" && e.Planned is null && _places.Dateline is { } d)
        {
            return d.IsResolved
                ? (ToLocation(_places.DatelinePlace ?? d.Name!, null, d, $"dateline: a meeting reported from \"{_places.DatelinePlace}\""), null)
                : (null, $"dateline \"{_places.DatelinePlace}\" not resolved: {d.Reason}");
        }

        return (null, "no place in clause or dateline");
    }

    private (EventLocation? Location, string? Reason) Resolved(PlaceMention p, string rule)
    {
        var text = _g.Text(p.Span);
        return p.IsResolved ? (ToLocation(text, p.Span, p, rule), null) : (null, $"place \"{text}\" ({rule}) not resolved: {p.Reason}");
    }

    private static EventLocation ToLocation(string text, TextSpan? span, PlaceMention p, string rule) =>
        new(text, span, p.Name!, p.GeoNamesId, p.Country!, p.Admin1, p.Latitude, p.Longitude, p.Precision!, $"{rule}; {p.How}");

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    /// <summary>The clause the trigger belongs to: its own, else the nearest governing predicate in its sentence.</summary>
    private Clause? ClauseOf(int word)
    {
        var sentence = _g.SentenceOf[word];
        for (var w = word; w >= 0 && _g.SentenceOf[w] == sentence; w = _g.Head(w))
        {
            if (_clauseOf.TryGetValue(w, out var k))
            {
                return _clauses[k];
            }
        }

        return null;
    }

    /// <summary>Where a visit went: objects of the trigger's clause when the trigger is the verb, then <c>to</c> phrases.</summary>
    private IEnumerable<(int Word, string Rule)> Destinations(int trigger, Clause? clause)
    {
        if (clause is not null && clause.Predicate == trigger)
        {
            foreach (var a in clause.Arguments.Where(a => a.Role == ArgumentRole.Object))
            {
                yield return (a.Head, $"object of \"{clause.Lemma}\"");
            }
        }

        foreach (var (word, _, rule, _) in Phrases(trigger, clause, "to"))
        {
            yield return (word, rule);
        }
    }

    /// <summary>The <c>in</c>/<c>at</c> phrases of the trigger, then those of its clause.</summary>
    private IEnumerable<(int Word, string Preposition, string Rule)> PlacePhrases(int trigger, Clause? clause) =>
        Phrases(trigger, clause, "in").Concat(Phrases(trigger, clause, "at")).OrderBy(x => x.Order).Select(x => (x.Word, x.Preposition, x.Rule));

    private IEnumerable<(int Word, string Preposition, string Rule, int Order)> Phrases(int trigger, Clause? clause, string preposition)
    {
        foreach (var x in _g.Children(trigger))
        {
            if (_g.BaseRelation(x) is "nmod" or "obl" && _g.CaseOf(x) == preposition)
            {
                yield return (x, preposition, $"\"{preposition}\" phrase of the trigger \"{_g.Forms[trigger]}\"", 0);
            }
        }

        if (clause is null)
        {
            yield break;
        }

        foreach (var a in clause.Arguments.Where(a => a.Role == ArgumentRole.Oblique && a.Preposition == preposition && _g.Head(a.Head) != trigger))
        {
            yield return (a.Head, preposition, $"\"{preposition}\" phrase of \"{clause.Lemma}\"", 1);
        }
    }

    /// <summary>
    /// <c>in</c>/<c>at</c> phrases deeper inside the trigger's phrase and its clause's objects and obliques, nearest
    /// first: the parser often hangs "in Hanoi" on the last noun ("held talks with his counterpart in Hanoi").
    /// Only a city counts there ("reforms in Kazakhstan", "a partner in Africa" describe, they do not place).
    /// </summary>
    private IEnumerable<(int Word, string Rule)> NestedCityPhrases(int trigger, Clause? clause)
    {
        var roots = new List<(int Word, string Name)> { (trigger, $"a phrase of the trigger \"{_g.Forms[trigger]}\"") };
        if (clause is not null)
        {
            roots.AddRange(clause.Arguments
                .Where(a => a.Role is ArgumentRole.Object or ArgumentRole.IndirectObject or ArgumentRole.Oblique && a.Head != trigger)
                .Select(a => (a.Head, $"the {(a.Preposition is null ? "object" : $"\"{a.Preposition}\" phrase")} of \"{clause.Lemma}\"")));
        }

        var found = new List<(int Word, string Rule, int Depth)>();
        foreach (var (root, name) in roots)
        {
            void Walk(int w, int depth)
            {
                foreach (var x in _g.Children(w))
                {
                    var rel = _g.BaseRelation(x);
                    if (rel is "acl" or "advcl" or "ccomp" or "xcomp" or "parataxis" or "csubj" || _clauseOf.ContainsKey(x))
                    {
                        continue;
                    }

                    if (rel is "nmod" or "obl" && _g.CaseOf(x) is "in" or "at" && depth > 0)
                    {
                        found.Add((x, $"city in {name}", depth));
                    }

                    if (depth < 2)
                    {
                        Walk(x, depth + 1);
                    }
                }
            }

            Walk(root, root == trigger ? 0 : 1);
        }

        return found.OrderBy(f => f.Depth).ThenBy(f => f.Word).Select(f => (f.Word, f.Rule));
    }

    /// <summary>The place mention of a phrase headed by <paramref name="head"/>: the head's, else that of a name attached to it.</summary>
    private PlaceMention? PlaceAt(int head)
    {
        if (_placeOfWord.TryGetValue(head, out var p))
        {
            return p;
        }

        foreach (var x in _g.Children(head))
        {
            var rel = _g.BaseRelation(x);
            if ((NameRelations.Contains(rel) || (rel == "nmod" && _g.CaseOf(x) == "of")) && _placeOfWord.TryGetValue(x, out var q))
            {
                return q;
            }
        }

        return null;
    }
}
