using Parley.Actors;
using Parley.Core;

namespace Parley.Events.Coding;

/// <summary>
/// Finds the actors an argument names, for one document: the codebook on the argument's phrase (long titles,
/// institutions, countries, dated persons), then on the names inside it, then the document's own memory — a person
/// introduced with a title is that actor for the rest of the document ("Mr. Surname", the bare surname), pronouns
/// and role nominals ("he", "the minister") take the most recent compatible actor, and group nouns ("the two
/// countries", "both sides", "the parliamentarians") the two most salient parties. Each result says how it was found.
/// </summary>
internal sealed class ActorLocator
{
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "him", "her", "his", "hers" };
    private static readonly HashSet<string> GroupPronouns = new(StringComparer.Ordinal) { "they", "them", "their", "both" };
    private static readonly HashSet<string> GroupNouns = new(StringComparer.Ordinal)
    {
        "parliamentarian", "side", "party", "country", "delegation", "state", "nation", "leader", "minister", "participant", "counterpart",
    };

    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "minister", "senator", "deputy", "chairman", "chairwoman", "chairperson", "chair", "speaker", "president", "ambassador", "official",
        "secretary", "premier", "envoy", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "king", "queen", "prince", "head",
        "leader", "commander", "general", "director", "representative", "member", "mp", "lawmaker", "diplomat", "counterpart",
    };


    /// <summary>Laws and documents: never the actor of an event, whatever nationality they carry.</summary>
    private static readonly HashSet<string> NonAgentNouns = new(StringComparer.Ordinal)
    {
        "law", "bill", "legislation", "decree", "document", "text", "draft", "article", "clause", "provision", "amendment",
    };

    private readonly ActorResolver _resolver;
    private readonly SentenceGraph _g;
    private readonly DateOnly? _when;
    private readonly string? _contextCountry;
    private readonly Dictionary<string, EventActor> _surnames = new(StringComparer.Ordinal);
    private readonly List<(int Word, EventActor Actor, bool Person)> _history = [];

    private readonly ActorLayer? _documentActors;

    public ActorLocator(ActorResolver resolver, SentenceGraph g, EntityLayer? entities, ActorLayer? documentActors = null)
    {
        _resolver = resolver;
        _g = g;
        _documentActors = documentActors;
        _when = g.Document.Metadata.Published?.Date;
        Entities = entities?.Mentions ?? [];
        _contextCountry = DocumentCountry();
        LearnTitledPersons();
    }

    public IReadOnlyList<EntityMention> Entities { get; }

    /// <summary>The actors named by the phrase headed by <paramref name="head"/> (conjuncts already split by the clause view).</summary>
    public IReadOnlyList<EventActor> Resolve(int head)
    {
        var actors = ResolveCore(head);
        var person = IsPersonPhrase(head);
        foreach (var a in actors.Where(a => a.IsResolved))
        {
            _history.Add((head, a, person));
        }

        return actors;
    }

    /// <summary>
    /// "Romanian and Turkish Foreign Ministers Bogdan Aurescu and Mevlut Cavusoglu": k nationality adjectives followed by
    /// a shared title and k person names pair up in order, one actor each (country from its adjective, sector from the
    /// title). Null unless the words <paramref name="words"/> hold at least two adjectives, all before the first name,
    /// and exactly as many names.
    /// </summary>
    public List<EventActor>? Distributive(IReadOnlyCollection<int> words)
    {
        if (words.Count < 4)
        {
            return null;
        }

        var first = words.Min();
        var last = words.Max();
        var span = new TextSpan(_g.Tokens.Words[first].Span.Start, _g.Tokens.Words[last].Span.End);
        var names = Entities.Where(m => m.Type == "PER" && span.Contains(m.Span)).OrderBy(m => m.Span.Start).ToList();
        if (names.Count < 2)
        {
            return null;
        }

        var countries = new List<(int Word, string Country)>();
        for (var w = first; w <= last && _g.Tokens.Words[w].Span.End <= names[0].Span.Start; w++)
        {
            if (Nationality(w) is { Country: { } country } n && n.How.StartsWith("demonym:", StringComparison.Ordinal))
            {
                countries.Add((w, country));
            }
        }

        if (countries.Count != names.Count)
        {
            return null;
        }

        var titleStart = _g.Tokens.Words[countries[^1].Word].Span.End;
        var title = _g.Document.Text[titleStart..names[0].Span.Start].Trim();
        var sector = title.Length > 0 ? _resolver.Resolve(title, _when, _contextCountry)?.Sector : null;
        var result = new List<EventActor>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = _g.Text(names[i].Span);
            result.Add(new EventActor(name, names[i].Span, name, countries[i].Country, null, sector,
                $"distributive: \"{_g.Tokens.Words[countries[i].Word].Form}\" pairs with the {Ordinal(i)} name under the shared title \"{title}\""));
        }

        return result;
    }

    /// <summary>
    /// The organisation whose office opens a comma-separated title chain ("OSCE Chairman-in-Office, Maltese Foreign
    /// Minister X" → OSCE) with that leading text, or nulls when the text before the first comma is not an
    /// organisation's office alone.
    /// </summary>
    private (ActorResolution? Office, string Lead) LeadingOffice(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && _resolver.Resolve(text[..comma], _when) is { Org: not null, Country: null } office ? (office, text[..comma]) : (null, "");
    }

    private static string Ordinal(int i) => i switch { 0 => "first", 1 => "second", 2 => "third", _ => $"{i + 1}th" };

    /// <summary>Records an actor as mentioned at <paramref name="word"/> (salience for later pronouns).</summary>
    public void Mention(int word, EventActor actor)
    {
        if (actor.IsResolved)
        {
            _history.Add((word, actor, IsPersonWord(word)));
        }
    }

    private IReadOnlyList<EventActor> ResolveCore(int head)
    {
        var own = ResolveOwn(head);
        if (own.Any(a => a.IsResolved) || _documentActors is null)
        {
            return own;
        }

        // the document actor layer (in-document roles and coreference) for what the phrase alone cannot place; a person
        // this locator learned to act for an organisation ("OSCE Chairman-in-Office, Maltese Foreign Minister X") stays so
        var m = _documentActors.Mentions.FirstOrDefault(x => x.FirstWord <= head && head < x.FirstWord + x.WordCount && x.Actors.Count > 0);
        if (m is null)
        {
            return own;
        }

        var span = _g.PhraseSpan(head);
        return [.. m.Actors.Where(a => a.Country is not null || a.Org is not null)
            .Select(a => a.Name is { } name && _surnames.TryGetValue(name.Split(' ')[^1].ToLowerInvariant(), out var known) && known.Name == name
                && known is { Org: not null, Country: null }
                ? known with { Text = _g.Text(span), Span = span, How = $"document actors: {m.How}; {known.How}" }
                : new EventActor(_g.Text(span), span, a.Name, a.Country, a.Org, a.Sector, $"document actors: {m.How}"))];
    }

    private IReadOnlyList<EventActor> ResolveOwn(int head)
    {
        var g = _g;
        var span = g.PhraseSpan(head);
        var text = g.Text(span);
        if (g.UPos(head) == "PRON")
        {
            return FromPronoun(head, span, text);
        }

        if (NonAgentNouns.Contains(g.Lemmas[head]))
        {
            // "a Russian law that allows …": a law or document does nothing by itself; its nationality is not an actor
            return [new EventActor(text, span, null, null, null, null, $"unresolved: \"{g.Forms[head]}\" is a law or document, not an actor")];
        }

        // "Mr. Surname" and a bare surname learned from a titled introduction
        foreach (var key in SurnameKeys(head))
        {
            if (_surnames.TryGetValue(key, out var known))
            {
                return [known with { Text = text, Span = span, How = $"coreference: {known.Name ?? known.Text} introduced earlier as {known.Country ?? known.Org} {known.Sector}".TrimEnd() }];
            }
        }

        var resolved = _resolver.Resolve(text, _when, _contextCountry);
        if (resolved is { Org: not null, Country: not null } && LeadingOffice(text) is ({ } office, var lead))
        {
            // "OSCE Chairman-in-Office, Maltese Foreign Minister X": the organisation's office named first is the capacity
            return [ToActor(text, span, office) with { How = $"the organisation's office named first, \"{Shorten(lead)}\": {office.How}: {office.Entry}" }];
        }

        if (resolved is not null && (resolved.Country is not null || resolved.Org is not null) && !(resolved.How == "context" && IsGroupNoun(head)))
        {
            return Coordinated(head, resolved) is { Count: > 1 } several ? several : [ToActor(text, span, resolved)];
        }

        // a name the codebook cannot place (or places out of its dates) next to a title: the title alone decides
        // ("President of Kazakhstan Kassym-Jomart Tokayev" → the President of Kazakhstan)
        var names = Entities.Where(m => m.Type == "PER" && span.Contains(m.Span)).ToList();
        if (names.Count > 0 && (resolved is null || resolved.How.StartsWith("person", StringComparison.Ordinal) || resolved.Country is null))
        {
            var title = text;
            foreach (var m in names.OrderByDescending(m => m.Span.Start))
            {
                title = title.Remove(m.Span.Start - span.Start, m.Span.Length);
            }

            if (_resolver.Resolve(title, _when, _contextCountry) is { } byTitle && (byTitle.Country is not null || byTitle.Org is not null)
                && !byTitle.How.StartsWith("person", StringComparison.Ordinal))
            {
                return [ToActor(text, span, byTitle) with { How = $"title without the name: {byTitle.How}: {byTitle.Entry}" }];
            }

            resolved ??= _resolver.Resolve(title, _when, _contextCountry);
        }

        // an organisation's office without the organisation ("The Secretary-General condemns…") is that of the
        // organisation the document names most
        if (resolved is null || (resolved.Country is null && resolved.Org is null))
        {
            if (OrganisationOffice(text) && DocumentOrganisation() is { } org)
            {
                var bare = text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
                if (_resolver.Resolve($"{org} {bare}", _when) is { Org: not null } byOrg)
                {
                    return [ToActor(text, span, byOrg) with { How = $"office of the organisation the document names most ({org}): {byOrg.How}: {byOrg.Entry}" }];
                }
            }
        }

        // a title or office without a country ("Minister of Foreign Affairs X") belongs to the document's home country
        if (resolved is { Country: null, Org: null, Sector: not null } && !IsGroupNoun(head) && _contextCountry is not null
            && (IsPersonPhrase(head) || g.UPos(head) == "PROPN"))
        {
            return [new EventActor(text, span, resolved.Name, _contextCountry, null, resolved.Sector, $"{resolved.How}: {resolved.Entry}; country from {HomeHow}")];
        }

        foreach (var m in Entities.Where(m => span.Contains(m.Span)))
        {
            var mt = g.Text(m.Span);
            var r = _resolver.Resolve(mt, _when, _contextCountry);
            if (r is not null)
            {
                return [ToActor(mt, m.Span, r)];
            }
        }

        if (IsGroupNoun(head))
        {
            var group = SalientParties(head);
            if (group.Count > 0)
            {
                // the parties' countries with the group noun's own sector ("the parliamentarians" → LEG)
                return [.. group.Select(a => a with { Text = text, Span = span, Sector = resolved?.Sector ?? a.Sector, How = $"coreference: group noun \"{g.Forms[head]}\" → the document's main parties" })];
            }
        }

        if (resolved is { Country: null, Org: null, Sector: { } sec } && !RoleNouns.Contains(g.Lemmas[head]) && g.Children(head).Any(c => g.Forms[c] is "the" or "this"))
        {
            // "the ministry", "the parliament": the most recent actor of that sector, else the home country
            var same = _history.LastOrDefault(h => h.Word < head && h.Actor.Sector == sec && h.Actor.Country is not null);
            if (same.Actor is not null)
            {
                return [same.Actor with { Text = text, Span = span, How = $"coreference: \"{g.Forms[head]}\" → most recent {sec} actor ({same.Actor.Text})" }];
            }

            if (_contextCountry is not null)
            {
                return [new EventActor(text, span, resolved.Name, _contextCountry, null, sec, $"{resolved.How}: {resolved.Entry}; country from {HomeHow}")];
            }
        }

        if (RoleNouns.Contains(g.Lemmas[head]) && g.Children(head).Any(c => g.Forms[c] is "the" or "this"))
        {
            // "the senator": the most recent person of the same sector, else the most recent person
            var sector = resolved?.Sector;
            var person = _history.LastOrDefault(h => h.Person && h.Word < head && (sector is null || h.Actor.Sector == sector));
            if (person.Actor is null && sector is not null)
            {
                person = _history.LastOrDefault(h => h.Person && h.Word < head);
            }

            if (person.Actor is not null)
            {
                return [person.Actor with { Text = text, Span = span, How = $"coreference: role noun \"{g.Forms[head]}\" → most recent person ({person.Actor.Text})" }];
            }
        }

        // "the country" inside the phrase ("changes in the country"): the most recently named country
        var sentence = g.Tokens.Sentences[g.SentenceOf[head]];
        for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
        {
            if (g.Lemmas[w] == "country" && g.Forms[w] == "country" && span.Contains(g.Tokens.Words[w].Span) && g.Children(w).Any(c => g.Forms[c] == "the"))
            {
                var country = _history.LastOrDefault(h => h.Word < head && h.Actor.Country is not null && h.Actor.Org is null);
                if (country.Actor is not null && _g.SentenceOf[country.Word] == _g.SentenceOf[head] && _contextCountry is { } host
                    && host != country.Actor.Country && EnvoyWords.Any(e => country.Actor.Text.Contains(e, StringComparison.OrdinalIgnoreCase)))
                {
                    // "the US ambassador commended the changes in the country": an envoy's "country" is the one they serve in,
                    // the document's country, not their own
                    return [new EventActor(text, span, null, host, null, null, $"coreference: \"the country\" of an envoy ({country.Actor.Text}) → the country they serve in, the document's country ({HomeHow})")];
                }

                if (country.Actor is not null)
                {
                    return [new EventActor(text, span, country.Actor.Name, country.Actor.Country, null, null, $"coreference: \"the country\" → most recent country ({country.Actor.Text})")];
                }
            }
        }

        return [new EventActor(text, span, null, null, null, null, "unresolved: no country, organisation, institution or known person in the phrase")];
    }

    /// <summary>
    /// "The ministers of Armenia and Azerbaijan": coordinated "of" modifiers naming different countries give one actor
    /// each, with the sector of the whole phrase; null when the phrase has no such coordination.
    /// </summary>
    private List<EventActor>? Coordinated(int head, ActorResolution whole)
    {
        foreach (var nmod in _g.ChildrenWith(head, "nmod"))
        {
            var conjuncts = _g.ChildrenWith(nmod, "conj").Prepend(nmod).ToList();
            if (conjuncts.Count < 2)
            {
                continue;
            }

            var list = new List<EventActor>();
            foreach (var c in conjuncts)
            {
                var span = _g.PhraseSpan(c);
                var only = new TextSpan(span.Start, c == nmod ? _g.Tokens.Words[c].Span.End : span.End);
                if (_resolver.Resolve(_g.Text(only), _when) is { Country: { } country } r && list.All(a => a.Country != country))
                {
                    list.Add(new EventActor(_g.Text(only), only, r.Name, country, null, whole.Sector ?? r.Sector, $"coordination: {r.How}: {r.Entry}"));
                }
            }

            if (list.Count > 1)
            {
                return list;
            }
        }

        return null;
    }

    private IReadOnlyList<EventActor> FromPronoun(int head, TextSpan span, string text)
    {
        var form = _g.Forms[head];
        if (PersonPronouns.Contains(form))
        {
            var person = _history.LastOrDefault(h => h.Person && h.Word < head);
            if (person.Actor is not null)
            {
                return [person.Actor with { Text = text, Span = span, How = $"coreference: pronoun \"{form}\" → most recent person ({person.Actor.Text})" }];
            }
        }
        else if (GroupPronouns.Contains(form))
        {
            var group = SalientParties(head);
            if (group.Count > 0)
            {
                return [.. group.Select(a => a with { Text = text, Span = span, How = $"coreference: pronoun \"{form}\" → the document's main parties" })];
            }
        }
        else if (form is "it" or "its")
        {
            var thing = _history.LastOrDefault(h => !h.Person && h.Word < head);
            if (thing.Actor is not null)
            {
                return [thing.Actor with { Text = text, Span = span, How = $"coreference: pronoun \"{form}\" → most recent organisation or country" }];
            }
        }

        return [new EventActor(text, span, null, null, null, null, $"unresolved: pronoun \"{form}\" without a compatible antecedent")];
    }

    /// <summary>The two most frequently resolved distinct countries/organisations before <paramref name="word"/>, as actors.</summary>
    internal List<EventActor> SalientParties(int word)
    {
        var counts = new Dictionary<string, (int Count, EventActor Actor)>(StringComparer.Ordinal);
        foreach (var (w, a, _) in _history.Where(h => h.Word < word))
        {
            var key = a.Country ?? a.Org!;
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.Actor) : (1, a);
        }

        return [.. counts.Values.OrderByDescending(c => c.Count).Take(2).Select(c => c.Actor)];
    }

    /// <summary>
    /// A plural group noun that refers back to the document's parties: "the parties", "both sides", "the two
    /// countries", "all parties" — but not "all countries of the world", which names everyone.
    /// </summary>
    private bool IsGroupNoun(int head) =>
        _g.Forms[head].EndsWith('s') && GroupNouns.Contains(_g.Lemmas[head])
        && (_g.Children(head).Any(c => _g.Forms[c] is "the" or "both" or "two") || _g.Forms[head] == "parliamentarians"
            || (_g.Children(head).Any(c => _g.Forms[c] == "all") && !_g.Children(head).Any(c => _g.BaseRelation(c) is "nmod" or "acl")));

    /// <summary>True when the phrase headed by <paramref name="head"/> names a person: a PER mention in it, a role noun as its head, or a person pronoun.</summary>
    private bool IsPersonPhrase(int head)
    {
        if (IsPersonWord(head) || RoleNouns.Contains(_g.Lemmas[head]))
        {
            return true;
        }

        var span = _g.PhraseSpan(head);
        return Entities.Any(m => m.Type == "PER" && span.Contains(m.Span));
    }

    private bool IsPersonWord(int word) =>
        _g.UPos(word) == "PROPN" && Entities.Any(m => m.Type == "PER" && m.FirstWord <= word && word < m.EndWord)
        || PersonPronouns.Contains(_g.Forms[word])
        || _surnames.ContainsKey(_g.Forms[word]);

    private IEnumerable<string> SurnameKeys(int head)
    {
        if (_g.UPos(head) != "PROPN")
        {
            yield break;
        }

        yield return _g.Forms[head];
    }

    private void LearnTitledPersons()
    {
        // a PER mention inside a phrase that resolves through a title or institution makes the person that actor:
        // the name's own phrase ("Finnish Foreign Minister Anna Virtanen"), a title in apposition after it ("…, Minister
        // for Foreign Affairs of Finland"), or the nominal it is in apposition to, climbing through conjuncts and
        // modifiers ("the Chairman of the Committee on X and Y, Name"), cut at the name's end
        foreach (var m in Entities.Where(m => m.Type == "PER"))
        {
            var last = m.EndWord - 1;
            var mentionHead = Enumerable.Range(m.FirstWord, m.WordCount).FirstOrDefault(w => _g.Head(w) < m.FirstWord || _g.Head(w) >= m.EndWord, last);
            var candidates = new List<TextSpan> { _g.PhraseSpan(mentionHead) };
            for (var w = m.FirstWord; w < m.EndWord; w++)
            {
                candidates.AddRange(_g.Children(w).Where(c => _g.BaseRelation(c) == "appos" && c >= m.EndWord).Select(c => _g.PhraseSpan(c)));
            }

            var a = last;
            for (var steps = 0; steps < 8 && _g.Head(a) >= 0; steps++)
            {
                var rel = _g.BaseRelation(a);
                var head = _g.Head(a);
                if (_g.UPos(head) is not ("NOUN" or "PROPN") || rel is not ("flat" or "compound" or "appos" or "conj" or "nmod"))
                {
                    break;
                }

                a = head;
                if (a < m.FirstWord)
                {
                    var phrase = _g.PhraseSpan(a);
                    candidates.Add(new TextSpan(phrase.Start, Math.Max(m.Span.End, Math.Min(phrase.End, m.Span.End))));
                }
            }

            EventActor? learned = null;
            foreach (var span in candidates)
            {
                var r = _resolver.Resolve(_g.Text(span), _when, _contextCountry);
                if (r is null || r.How.StartsWith("person", StringComparison.Ordinal) || (r.Country is null && r.Org is null) || r.How == "context")
                {
                    continue;
                }

                var name = _g.Text(m.Span);
                var text = _g.Text(span);
                if (r.Org is not null && LeadingOffice(text) is ({ } office, var lead))
                {
                    // "OSCE Chairman-in-Office, Maltese Foreign Minister X": the organisation's office named first is the
                    // capacity the person acts in
                    learned = new EventActor(name, m.Span, name, null, office.Org, office.Sector,
                        $"document role: the organisation's office named first, \"{Shorten(lead)}\" → {office.How} {office.Entry}");
                    break;
                }

                learned ??= new EventActor(name, m.Span, name, r.Country, r.Org, r.Sector, $"document role: \"{Shorten(text)}\" → {r.How} {r.Entry}");
            }

            if (learned is not null)
            {
                _surnames.TryAdd(_g.Forms[last], learned);
            }
        }
    }

    /// <summary>
    /// The document's home country: the dateline's, else the country its entity mentions name most often (ties: the
    /// earliest). Officials named by title alone ("Minister of Foreign Affairs X") are taken to be of this country.
    /// </summary>
    private string? DocumentCountry()
    {
        var dateline = _g.Document.Metadata.DatelinePlace;
        if (dateline is not null && _resolver.Resolve(dateline, _when) is { Country: { } c })
        {
            HomeHow = $"the dateline \"{dateline}\"";
            return c;
        }

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var (m, r) in NamedPlacesAndOrganisations())
        {
            if (r is { Country: { } country, How: not "context" })
            {
                counts[country] = counts.TryGetValue(country, out var x) ? (x.Count + 1, x.First) : (1, m.FirstWord);
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var top = counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First();
        HomeHow = $"the country the document names most ({top.Value.Count} mentions)";
        return top.Key;
    }

    private static readonly string[] OrganisationOffices =
    [
        "secretary-general", "secretary general", "director-general", "director general", "chairman-in-office", "chairperson-in-office",
        "high representative", "high commissioner", "deputy secretary-general", "under-secretary-general", "special envoy", "special representative",
    ];

    private static bool OrganisationOffice(string text) =>
        OrganisationOffices.Any(o => text.Contains(o, StringComparison.OrdinalIgnoreCase));

    private bool _organisationKnown;
    private string? _organisation;

    /// <summary>The organisation (acronym) the document's ORG and LOC mentions name most, or null.</summary>
    private string? DocumentOrganisation()
    {
        if (_organisationKnown)
        {
            return _organisation;
        }

        _organisationKnown = true;
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var (m, r) in NamedPlacesAndOrganisations())
        {
            if (r is { Org: { } org, Country: null })
            {
                counts[org] = counts.TryGetValue(org, out var x) ? (x.Count + 1, x.First) : (1, m.FirstWord);
            }
        }

        _organisation = counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First().Key;
        return _organisation;
    }

    private List<(EntityMention Mention, ActorResolution? Resolution)>? _named;

    /// <summary>The document's LOC and ORG mentions with their resolutions (without context), resolved once for the home country and the home organisation.</summary>
    private List<(EntityMention Mention, ActorResolution? Resolution)> NamedPlacesAndOrganisations() =>
        _named ??= [.. Entities.Where(m => m.Type is "LOC" or "ORG").Select(m => (m, _resolver.Resolve(_g.Text(m.Span), _when)))];

    /// <summary>How the home country was chosen.</summary>
    public string? HomeHow { get; private set; }

    /// <summary>
    /// The country named by the single word <paramref name="w"/> when it is a capitalised nationality adjective or country
    /// name ("Thai" in "a Vietnamese-Thai business forum"), else null. Unlike <see cref="Resolve"/>, the word's phrase
    /// is not read, so each of several nationalities in one phrase yields its own country.
    /// </summary>
    public EventActor? Nationality(int w)
    {
        var form = _g.Tokens.Words[w].Form;
        if (!char.IsUpper(form[0]) || _g.UPos(w) is not ("ADJ" or "PROPN")
            || _resolver.Resolve(form, _when) is not { How: "demonym" or "country", Country: not null, Org: null } r)
        {
            return null;
        }

        return ToActor(form, _g.Tokens.Words[w].Span, r);
    }

    /// <summary>Words naming a diplomat posted abroad, whose "the country" is the country they serve in.</summary>
    private static readonly string[] EnvoyWords = ["ambassador", "envoy", "consul", "chargé", "charge d", "diplomat"];

    private static EventActor ToActor(string text, TextSpan span, ActorResolution r) =>
        new(text, span, r.Name, r.Country, r.Org, r.Sector, $"{r.How}: {r.Entry}");

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
