using System.Globalization;
using Parley.Core;

namespace Parley.Actors.Documents;

/// <summary>
/// The work of <see cref="DocumentActorTagger"/> on one document: mention detection sentence by sentence,
/// coreference in text order (each mention links only to what came before), then chain resolution.
/// </summary>
internal sealed class DocumentActorBuilder
{
    private static readonly Dictionary<string, char> Honorifics = new(StringComparer.Ordinal)
    {
        ["mr"] = 'M',
        ["mr."] = 'M',
        ["sir"] = 'M',
        ["ms"] = 'F',
        ["ms."] = 'F',
        ["mrs"] = 'F',
        ["mrs."] = 'F',
        ["miss"] = 'F',
        ["madam"] = 'F',
        ["madame"] = 'F',
        ["mme"] = 'F',
        ["mme."] = 'F',
        ["dr"] = '?',
        ["dr."] = '?',
        ["prof."] = '?',
        ["h.e."] = '?',
    };

    private static readonly Dictionary<string, char> Pronouns = new(StringComparer.Ordinal)
    {
        ["he"] = 'M',
        ["him"] = 'M',
        ["his"] = 'M',
        ["himself"] = 'M',
        ["she"] = 'F',
        ["her"] = 'F',
        ["hers"] = 'F',
        ["herself"] = 'F',
    };

    /// <summary>Nouns for one country's team in talks: "the Finnish side", "the Chilean delegation".</summary>
    private static readonly HashSet<string> SideNouns = new(StringComparer.Ordinal) { "side", "delegation", "team" };

    /// <summary>Plural nouns that name the participants together ("both countries", "the parliamentarians"), with the sector they imply.</summary>
    private static readonly Dictionary<string, string?> GroupNouns = new(StringComparer.Ordinal)
    {
        ["countries"] = null,
        ["states"] = null,
        ["nations"] = null,
        ["republics"] = null,
        ["sides"] = "*",
        ["parties"] = "*",
        ["delegations"] = "*",
        ["parliamentarians"] = "LEG",
        ["parliaments"] = "LEG",
        ["lawmakers"] = "LEG",
        ["legislators"] = "LEG",
        ["senators"] = "LEG",
        ["deputies"] = "LEG",
        ["mps"] = "LEG",
        ["leaders"] = "GOV",
        ["presidents"] = "GOV",
        ["ministers"] = "GOV",
        ["governments"] = "GOV",
        ["heads"] = "GOV",
        ["delegates"] = "*",
        ["counterparts"] = "*",
    };

    /// <summary>Nouns that are a group with a bare "the" only when persons are meant ("the parliamentarians", not "the countries").</summary>
    private static readonly HashSet<string> GroupWithBareThe = new(StringComparer.Ordinal)
    {
        "countries", "sides", "parties", "delegations", "parliamentarians", "lawmakers", "legislators", "leaders", "ministers", "presidents", "delegates",
    };

    /// <summary>Titles that describe any office holder of a country ("the French leader", "the Ghanaian lawmaker"), with the sector they require.</summary>
    private static readonly Dictionary<string, string?> GenericTitles = new(StringComparer.Ordinal)
    {
        ["leader"] = null,
        ["official"] = null,
        ["diplomat"] = "GOV",
        ["politician"] = null,
        ["counterpart"] = null,
        ["host"] = null,
        ["guest"] = null,
        ["lawmaker"] = "LEG",
        ["parliamentarian"] = "LEG",
        ["legislator"] = "LEG",
        ["mp"] = "LEG",
    };

    /// <summary>The longest capitalised span looked up as an institution the entity layer missed.</summary>
    private const int MaxInstitutionWords = 6;

    private static readonly HashSet<string> PersonSectors = new(StringComparer.Ordinal) { "GOV", "LEG", "MIL", "JUD", "COP", "OPP", "REB", "ELI", "MED", "BUS", "CVL" };

    private readonly ActorResolver _resolver;
    private readonly string _text;
    private readonly TokenLayer _tokens;
    private readonly SyntaxLayer _syntax;
    private readonly DateOnly? _date;
    private readonly string[] _lower;
    private readonly int[] _sentenceOf;
    private readonly int[] _entityOf;
    private readonly IReadOnlyList<EntityMention> _entities;
    private readonly bool[] _claimed;
    private readonly List<Mention> _mentions = [];
    private readonly List<Chain> _chains = [];
    private readonly Dictionary<string, Chain> _keyed = new(StringComparer.Ordinal);

    public DocumentActorBuilder(ActorResolver resolver, string text, TokenLayer tokens, SyntaxLayer syntax, EntityLayer entities, DateOnly? date)
    {
        _resolver = resolver;
        _text = text;
        _tokens = tokens;
        _syntax = syntax;
        _date = date;
        _entities = entities.Mentions;
        var n = tokens.Words.Count;
        _lower = tokens.Words.Select(w => w.Form.ToLowerInvariant()).ToArray();
        _sentenceOf = new int[n];
        for (var s = 0; s < tokens.Sentences.Count; s++)
        {
            for (var w = tokens.Sentences[s].FirstWord; w < tokens.Sentences[s].EndWord; w++)
            {
                _sentenceOf[w] = s;
            }
        }

        _entityOf = Enumerable.Repeat(-1, n).ToArray();
        for (var e = 0; e < _entities.Count; e++)
        {
            for (var w = _entities[e].FirstWord; w < _entities[e].EndWord && w < n; w++)
            {
                _entityOf[w] = e;
            }
        }

        _claimed = new bool[n];
    }

    public ActorLayer Build(string producer, CancellationToken cancellationToken)
    {
        for (var s = 0; s < _tokens.Sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = _tokens.Sentences[s];
            var found = Detect(sentence.FirstWord, sentence.EndWord);
            found.Sort((a, b) => a.First.CompareTo(b.First));
            foreach (var m in found)
            {
                Resolve(m);
                _mentions.Add(m);
            }
        }

        return Finish(producer);
    }

    // ---------------------------------------------------------------- detection

    private List<Mention> Detect(int start, int end)
    {
        var found = new List<Mention>();
        DetectSides(start, end, found);
        DetectGroups(start, end, found);
        var roles = DetectRoles(start, end);
        var names = DetectNames(start, end, roles);
        LinkRolesToNames(roles, names);
        found.AddRange(roles.Where(r => r.Person is null));
        found.AddRange(names);

        // organisations and places the entity layer found outside every role
        for (var e = 0; e < _entities.Count; e++)
        {
            var em = _entities[e];
            if (em.Type == "PER" || em.FirstWord < start || em.FirstWord >= end)
            {
                continue;
            }

            if (Enumerable.Range(em.FirstWord, em.WordCount).Any(w => _claimed[w]) || (em.WordCount == 1 && _resolver.DemonymCountry(_tokens.Words[em.FirstWord].Form) is not null))
            {
                continue; // inside a role, or a lone demonym (a NORP mention below)
            }

            // a capitalised word the entity layer left out of an institution's name ("National" + "Assembly of Armenia", "Polish" + "Sejm")
            var from = em.FirstWord;
            if (from > start && !_claimed[from - 1] && IsCapital(from - 1) && _syntax.UPos[from - 1] is "PROPN" or "ADJ"
                && ((_resolver.Resolve(Slice(from - 1, em.EndWord)) is { How: "institution" or "igo" }
                     && _resolver.Resolve(Slice(from, em.EndWord)) is not { How: "institution" or "igo" })
                    || (_resolver.DemonymCountry(_tokens.Words[from - 1].Form) is not null && _resolver.Resolve(Slice(from - 1, em.EndWord)) is { Country: not null, Sector: not null })))
            {
                from--;
            }

            found.Add(Claim(new Mention(from, em.EndWord, ActorMentionKind.Name) { EntityType = em.Type }));
        }

        // institutions and international organisations of the codebook that the entity layer missed ("the Polish Sejm",
        // "the Supreme Court"): the longest part of an unclaimed run of capitalised words that the codebook resolves as one
        for (var i = start; i < end; i++)
        {
            if (_claimed[i] || !IsCapital(i) || InPerson(i))
            {
                continue;
            }

            var run = CapitalRun(i, end);
            if (run > i && InstitutionIn(i, run, start) is { } institution)
            {
                found.Add(Claim(institution));
                i = institution.End - 1;
            }
            else
            {
                i = Math.Max(i, run - 1);
            }
        }


        for (var i = start; i < end; i++)
        {
            if (_claimed[i])
            {
                continue;
            }

            if (_lower[i] == "country" && i > start && _lower[i - 1] is "his" or "her")
            {
                found.Add(Claim(new Mention(i, i + 1, ActorMentionKind.Nominal) { Rule = "possessor-country" }));
            }
            else if (Pronouns.TryGetValue(_lower[i], out _) && _syntax.UPos[i] == "PRON")
            {
                found.Add(Claim(new Mention(i, i + 1, ActorMentionKind.Pronoun)));
            }
            else if (_lower[i] is "country" or "republic" or "kingdom" && (_entityOf[i] < 0 || IsCapital(i) is false) && i > start && _lower[i - 1] == "the" && !(i + 1 < end && _lower[i + 1] == "of"))
            {
                found.Add(Claim(new Mention(i - 1, i + 1, ActorMentionKind.Nominal) { Rule = "the-country" }));
            }
            else if (_resolver.DemonymCountry(_tokens.Words[i].Form) is { } iso && _syntax.UPos[i] is "ADJ" or "PROPN" or "NOUN")
            {
                found.Add(Claim(new Mention(i, i + 1, ActorMentionKind.Norp) { Country = iso }));
            }
        }

        return found;
    }

    /// <summary>
    /// The longest span of the capitalised words <c>[first, end)</c> (at most <see cref="MaxInstitutionWords"/>, starting and
    /// ending with a capitalised word) that the codebook resolves as an institution or an international organisation,
    /// with a demonym or country name just before it ("Polish" + "Sejm"); a bare institution type without a country
    /// ("Parliament", "Treasury") counts only away from the sentence start, where a capital letter says it is a name.
    /// </summary>
    private Mention? InstitutionIn(int first, int end, int sentenceStart)
    {
        for (var length = Math.Min(end - first, MaxInstitutionWords); length >= 1; length--)
        {
            for (var s = first; s + length <= end; s++)
            {
                var e = s + length;
                if (!IsCapital(s) || !IsCapital(e - 1) || _lower[s] == "the")
                {
                    continue;
                }

                var r = _resolver.Resolve(Slice(s, e), _date);
                if (r is not { How: "institution" or "igo" } || (r.Country is null && r.Org is null && length == 1 && s == sentenceStart))
                {
                    continue;
                }

                var from = s;
                if (from > first && CountryOfWord(from - 1) is not null && _resolver.Resolve(Slice(from - 1, e), _date) is { Country: not null, Sector: not null })
                {
                    from--;
                }

                return new Mention(from, e, ActorMentionKind.Name) { EntityType = "ORG" };
            }
        }

        return null;
    }

    private Mention Claim(Mention m)
    {
        for (var w = m.First; w < m.End; w++)
        {
            _claimed[w] = true;
        }

        return m;
    }

    /// <summary>"the Finnish side", "the Chilean delegation", "the delegation of Chile".</summary>
    private void DetectSides(int start, int end, List<Mention> found)
    {
        for (var i = start; i < end; i++)
        {
            if (!SideNouns.Contains(_lower[i]) || _claimed[i])
            {
                continue;
            }

            // a demonym or country name up to two words before ("the Finnish parliamentary delegation")
            for (var j = i - 1; j >= Math.Max(start, i - 3); j--)
            {
                if (_claimed[j])
                {
                    break;
                }

                var country = CountryOfWord(j);
                if (country is not null)
                {
                    var first = j > start && _lower[j - 1] == "the" ? j - 1 : j;
                    found.Add(Claim(new Mention(first, i + 1, ActorMentionKind.Nominal) { Rule = "side", Country = country }));
                    break;
                }

                if (!(_syntax.UPos[j] is "ADJ" or "NOUN" || _lower[j] is "'s" or "’s"))
                {
                    break;
                }
            }

            if (!_claimed[i] && i + 2 < end && _lower[i + 1] is "of" or "from")
            {
                var k = _lower[i + 2] == "the" ? i + 3 : i + 2;
                if (k < end && CountryOfWord(k) is { } country && _resolver.DemonymCountry(_tokens.Words[k].Form) is null)
                {
                    var first = i > start && _lower[i - 1] == "the" ? i - 1 : i;
                    found.Add(Claim(new Mention(first, EndOfEntity(k), ActorMentionKind.Nominal) { Rule = "side", Country = country }));
                }
            }
        }
    }

    /// <summary>"both countries", "the two sides", "the parliamentarians", "both delegations".</summary>
    private void DetectGroups(int start, int end, List<Mention> found)
    {
        for (var i = start; i < end; i++)
        {
            if (_claimed[i] || !GroupNouns.ContainsKey(_lower[i]) || i == start)
            {
                continue;
            }

            if (i + 1 < end && _lower[i + 1] == "of")
            {
                continue; // "the parliaments of Chile and Peru" names its members
            }

            var first = -1;
            if (_lower[i - 1] is "both" or "two")
            {
                first = i - 1;
                if (first > start && _lower[first] == "two" && _lower[first - 1] is "the" or "these" or "our")
                {
                    first--;
                }
            }
            else if (_lower[i - 1] == "the" && GroupWithBareThe.Contains(_lower[i]))
            {
                first = i - 1;
            }

            if (first >= 0)
            {
                found.Add(Claim(new Mention(first, i + 1, ActorMentionKind.Group) { Rule = "group", GroupSector = GroupNouns[_lower[i]] }));
            }
        }
    }

    /// <summary>Titles and offices: an agent noun with its premodifiers and its of/for/on complements.</summary>
    private List<Mention> DetectRoles(int start, int end)
    {
        var roles = new List<Mention>();
        for (var h = start; h < end; h++)
        {
            if (_claimed[h] || !IsTitleHead(h, out var headSector) || InPerson(h))
            {
                continue;
            }

            // left: title words, demonyms, country names and possessives ("Finland's Foreign Minister")
            var first = h;
            while (first - 1 >= start && !_claimed[first - 1] && !InPerson(first - 1))
            {
                var w = first - 1;
                if (_lower[w] is "'s" or "’s" && w - 1 >= start && IsCapital(w - 1) && !InPerson(w - 1))
                {
                    first = w - 1;
                    while (first - 1 >= start && _entityOf[first - 1] >= 0 && _entityOf[first - 1] == _entityOf[first] && !_claimed[first - 1])
                    {
                        first--;
                    }

                    continue;
                }

                if (_resolver.DemonymCountry(_tokens.Words[w].Form) is not null
                    || (_resolver.AgentWords.Contains(_lower[w]) && _syntax.UPos[w] is "ADJ" or "NOUN" or "PROPN")
                    || (IsCapital(w) && _syntax.UPos[w] is "PROPN" or "ADJ" && _entityOf[w] >= 0 && _entities[_entityOf[w]].Type != "PER"))
                {
                    first = w;
                    continue;
                }

                break;
            }

            var last = ExtendRight(h, end);
            var m = new Mention(first, last, ActorMentionKind.Role)
            {
                Head = h,
                HeadSector = headSector,
                Definite = first > start && _lower[first - 1] is "the",
            };
            for (var w = first; w < last; w++)
            {
                _claimed[w] = true;
            }

            roles.Add(m);
            h = last - 1;
        }

        return roles;
    }

    private int ExtendRight(int h, int end)
    {
        var last = h + 1;

        // the longest agent phrase from the head ("minister of foreign affairs")
        for (var len = Math.Min(6, end - h); len >= 2; len--)
        {
            if (!char.IsLetter(_tokens.Words[h + len - 1].Form[0]))
            {
                continue;
            }

            if (_resolver.IsAgent(string.Join(' ', Enumerable.Range(h, len).Select(w => _tokens.Words[w].Form)), out _))
            {
                last = h + len;
                if (_lower[last - 1] is "to" or "of" or "for" or "on" or "in")
                {
                    last--; // "ambassador to": the destination follows as a complement
                }

                break;
            }
        }

        var descriptor = false;
        var usedTo = false;
        while (last < end)
        {
            var k = last;
            var word = _lower[k];
            // "to" only after envoys ("Ambassador of Japan to Mongolia"), not "invited the senator to Lapland"
            if (word is "of" or "for" or "on" || (word == "to" && !usedTo && _resolver.IsAgent(_tokens.Words[h].Form + " to", out _)))
            {
                var j = k + 1;
                while (j < end && _lower[j] == "the")
                {
                    j++;
                }

                if (j >= end || !IsCapital(j) || InPerson(j) || _claimed[j])
                {
                    break;
                }

                usedTo |= word == "to";
                last = CapitalRun(j, end);
                descriptor |= Enumerable.Range(k, last - k).Any(w => _lower[w] is "on" or "for");
                continue;
            }

            if (descriptor && word == "," && k + 1 < end && IsCapital(k + 1) && !InPerson(k + 1) && !IsTitleHead(k + 1, out _) && !Honorifics.ContainsKey(_lower[k + 1]))
            {
                // "Committee on International Relations, Defence and Security": a list, not a name after a comma
                var run = CapitalRun(k + 1, end);
                if (run > k + 1 && Enumerable.Range(k + 1, Math.Min(4, run - k - 1)).Any(w => _lower[w] == "and"))
                {
                    last = run;
                    continue;
                }
            }

            break;
        }

        // trailing connectors are not part of the title
        while (last - 1 > h && _lower[last - 1] is "and" or "of" or "the" or "," or "on" or "for" or "to")
        {
            last--;
        }

        return last;
    }

    /// <summary>A run of capitalised words with inner connectors (and, of, the, on, ’s, hyphens): "Committee on International Relations, Defence".</summary>
    private int CapitalRun(int j, int end)
    {
        var k = j;
        while (k < end)
        {
            if (InPerson(k) || _claimed[k])
            {
                break;
            }

            if (IsCapital(k) || _lower[k] is "'s" or "’s" or "-" || char.IsDigit(_tokens.Words[k].Form[0]))
            {
                k++;
                continue;
            }

            if (_lower[k] is "and" or "of" or "the" or "on" or "for" && k + 1 < end && (IsCapital(k + 1) || _lower[k + 1] == "the") && !InPerson(k + 1))
            {
                k++;
                continue;
            }

            break;
        }

        while (k > j && _lower[k - 1] is "and" or "of" or "the" or "on" or "for")
        {
            k--;
        }

        return k;
    }

    /// <summary>Person names: PER entities (titles and honorifics split off) and capitalised words after an honorific.</summary>
    private List<Mention> DetectNames(int start, int end, List<Mention> roles)
    {
        var names = new List<Mention>();
        foreach (var em in _entities.Where(e => e.Type == "PER" && e.FirstWord >= start && e.FirstWord < end))
        {
            var first = em.FirstWord;
            var last = Math.Min(em.EndWord, end);
            while (first < last && _claimed[first])
            {
                first++;
            }

            if (first >= last)
            {
                continue;
            }

            // a hyphenated first name the entity layer cut ("Bat" "-" + "Erdene Tsend")
            while (first - 2 >= start && _lower[first - 1] == "-" && !_claimed[first - 2] && IsCapital(first - 2) && _syntax.UPos[first - 2] == "PROPN")
            {
                first -= 2;
            }

            // an honorific inside the entity ("Mrs. Wanjiru")
            var honorific = Honorifics.ContainsKey(_lower[first]) && first + 1 < last;
            if (honorific)
            {
                first++;
            }

            // leading titles inside the entity ("President Ilham …", "Finnish Foreign Minister Anna …") become a role
            var t = first;
            while (t < last - 1 && (IsTitleWord(t) || _resolver.DemonymCountry(_tokens.Words[t].Form) is not null))
            {
                t++;
            }

            if (!honorific && t > first && Enumerable.Range(first, t - first).Any(w => IsTitleHead(w, out _)))
            {
                var head = Enumerable.Range(first, t - first).Last(w => IsTitleHead(w, out _));
                IsTitleHead(head, out var sector);
                roles.Add(Claim(new Mention(first, t, ActorMentionKind.Role) { Head = head, HeadSector = sector }));
                first = t;
            }

            // a name part the entity layer left out ("Tran Van" + "Long")
            while (last < end && last < first + 5 && !_claimed[last] && _entityOf[last] < 0 && IsCapital(last) && _syntax.UPos[last] == "PROPN" && !IsTitleHead(last, out _) && CountryOfWord(last) is null)
            {
                last++;
            }

            names.Add(NameMention(first, last, start));
        }

        // an honorific followed by capitalised words the entity layer missed ("Mr. Kowalczyk")
        for (var i = start; i < end - 1; i++)
        {
            if (!_claimed[i] && Honorifics.ContainsKey(_lower[i]) && IsCapital(i + 1) && !_claimed[i + 1])
            {
                var k = i + 1;
                while (k < end && k < i + 4 && IsCapital(k) && !_claimed[k] && _syntax.UPos[k] == "PROPN")
                {
                    k++;
                }

                if (k > i + 1)
                {
                    names.Add(NameMention(i + 1, k, start));
                }
            }
        }

        // a capitalised name right after a title, when the entity layer missed it ("Ambassador Kowalczyk said")
        foreach (var r in roles.ToList())
        {
            var k = r.End;
            var comma = k < end && _lower[k] == ",";
            if (comma)
            {
                k++;
            }

            if (k < end && !_claimed[k] && IsCapital(k) && _syntax.UPos[k] == "PROPN" && _entityOf[k] < 0 && CountryOfWord(k) is null && !Honorifics.ContainsKey(_lower[k]))
            {
                var e = k;
                while (e < end && e < k + 4 && IsCapital(e) && !_claimed[e] && _syntax.UPos[e] == "PROPN" && _entityOf[e] < 0)
                {
                    e++;
                }

                var closed = e >= end || _lower[e] is "," or "." or ";" or ":" || _syntax.UPos[e] is "VERB" or "AUX";
                if ((!comma || (e - k >= 2 && closed))
                    && _resolver.Resolve(string.Join(' ', Enumerable.Range(k, e - k).Select(w => _tokens.Words[w].Form))) is not { Country: not null, How: not ("person-dated" or "person" or "named-actor") })
                {
                    names.Add(NameMention(k, e, start));
                }
            }
        }

        return names;
    }

    private Mention NameMention(int first, int last, int sentenceStart)
    {
        var m = new Mention(first, last, ActorMentionKind.Name) { EntityType = "PER" };
        if (first > sentenceStart && Honorifics.TryGetValue(_lower[first - 1], out var gender))
        {
            m.First = first - 1;
            m.Gender = gender;
            m.Honorific = true;
        }

        return Claim(m);
    }

    /// <summary>Title + name, "Title, Name", "Name, Title": the role becomes the person's role for the document.</summary>
    private void LinkRolesToNames(List<Mention> roles, List<Mention> names)
    {
        // from the last title back, so "Title, Title, Name" reaches the name through the later title
        foreach (var r in roles.OrderByDescending(r => r.First))
        {
            // "Name, Title" (the role right after a name and a comma, optionally "the"/"a")
            var before = r.First - 1;
            if (before >= 0 && _lower[before] is "the" or "a" or "an")
            {
                before--;
            }

            var nameBefore = before >= 1 && _lower[before] == "," ? names.FirstOrDefault(n => n.End == before) : null;

            // "Title Name" or "Title, Name" (several titles may precede one name: "Chairman of …, Co-Chairman of …, Name")
            var after = r.End;
            Mention? nameAfter = names.FirstOrDefault(n => n.First == after);
            var rule = "document-role:title";
            if (nameAfter is null && after < _lower.Length && _lower[after] == ",")
            {
                nameAfter = names.FirstOrDefault(n => n.First == after + 1);
                rule = "document-role:apposition";
                if (nameAfter is null)
                {
                    var next = roles.FirstOrDefault(o => o.First == after + 1);
                    if (next?.Person is not null && next.PersonRule == "document-role:apposition")
                    {
                        nameAfter = next.Person;
                    }
                }
            }

            if (nameBefore is not null && (nameAfter is null || rule == "document-role:apposition"))
            {
                r.Person = nameBefore;
                r.PersonRule = "document-role:apposition";
            }
            else if (nameAfter is not null)
            {
                r.Person = nameAfter;
                r.PersonRule = rule;
            }

            if (r.Person is not null)
            {
                r.Person.Roles.Add(r);
            }
        }
    }

    // ---------------------------------------------------------------- resolution in text order

    private void Resolve(Mention m)
    {
        switch (m.Kind)
        {
            case ActorMentionKind.Name when m.EntityType == "PER":
                ResolvePerson(m);
                break;
            case ActorMentionKind.Name:
                ResolveOrganisation(m);
                break;
            case ActorMentionKind.Norp:
                Join(m, CountryChain(m.Country!), "demonym", null, 0.85);
                break;
            case ActorMentionKind.Role:
                ResolveRole(m);
                break;
            case ActorMentionKind.Pronoun:
                ResolvePronoun(m);
                break;
            case ActorMentionKind.Nominal when m.Rule == "possessor-country":
                ResolvePossessorCountry(m);
                break;
            case ActorMentionKind.Nominal when m.Rule == "side":
                Join(m, DelegationChain(m.Country!), "side", null, 0.85);
                break;
            case ActorMentionKind.Nominal:
                ResolveTheCountry(m);
                break;
            case ActorMentionKind.Group:
                ResolveGroup(m);
                break;
        }
    }

    private void ResolvePerson(Mention m)
    {
        var nameFirst = m.Honorific ? m.First + 1 : m.First;
        var words = Enumerable.Range(nameFirst, m.End - nameFirst).Select(w => _tokens.Words[w].Form).Where(f => f is not ("'s" or "’s")).ToList();
        var full = NameKey.Key(string.Join(' ', words));
        var keys = words.Select(NameKey.Key).Where(k => k.Length > 0).ToList();
        var persons = _chains.Where(c => c.Type == "person").OrderByDescending(c => c.LastWord).ToList();

        Chain? chain = persons.FirstOrDefault(c => c.FullKeys.Contains(full));
        var rule = chain is null ? null : "full-name-repeat";
        if (chain is null && keys.Count == 1)
        {
            // a surname, alone or after an honorific: the most recent person whose name ends with (or contains, after the first name) it
            // (after an honorific any part of the name, since some name orders put the family name first: "Mr. Tran" for Tran Van Long)
            chain = persons.FirstOrDefault(c => c.NameKeys.Count > 1 && c.NameKeys.Skip(m.Honorific ? 0 : 1).Contains(keys[0]) && (m.Gender is '?' or '\0' || c.Gender is '?' || c.Gender == m.Gender));
            rule = chain is null ? null : m.Honorific ? "honorific-surname" : "surname";
        }

        if (chain is null && keys.Count > 1)
        {
            // "Anna Virtanen" after "Ms. Virtanen" or the same person with a middle name
            chain = persons.FirstOrDefault(c => c.NameKeys.Count == 1 && keys[^1] == c.NameKeys[0]);
            rule = chain is null ? null : "surname";
        }

        if (chain is null)
        {
            chain = NewChain("person");
            chain.Dictionary = PersonEntry(string.Join(' ', words));
            rule = m.Roles.Count > 0 ? m.Roles[0].PersonRule! : "name";
        }

        if (m.Gender is 'M' or 'F')
        {
            chain.Gender = m.Gender;
        }

        if (keys.Count > chain.NameKeys.Count)
        {
            chain.Name = Slice(nameFirst, m.End);
            chain.NameKeys = keys;
        }

        chain.FullKeys.Add(full);
        m.Roles.Sort((a, b) => a.First.CompareTo(b.First));
        foreach (var r in m.Roles)
        {
            AddRole(chain, r);
        }

        var antecedent = rule is "name" or "document-role:title" or "document-role:apposition" ? null : chain.Mentions.LastOrDefault();
        Join(m, chain, rule!, antecedent, rule is "surname" ? 0.85 : 0.95);
        foreach (var r in m.Roles)
        {
            Join(r, chain, r.PersonRule!, m, 0.9);
            _mentions.Add(r);
        }
    }

    /// <summary>The dictionary entry of a person's name, or null when the name matches only countries or agents.</summary>
    private ActorResolution? PersonEntry(string name)
    {
        if (_resolver.Resolve(name, _date) is not { How: "person-dated" or "person" or "named-actor" } r)
        {
            return null;
        }

        // the entry must carry the same surname (a folded first name matching someone's surname is another person)
        var ours = NameKey.Words(name);
        var theirs = NameKey.Words(r.Name);
        return ours.Count > 0 && theirs.Count > 0 && NameKey.FoldWord(ours[^1]) == NameKey.FoldWord(theirs[^1]) ? r : null;
    }

    private void AddRole(Chain chain, Mention role)
    {
        var text = Slice(role.First, role.End);
        chain.RoleMentions.Add(role);
        chain.RoleContext ??= ContextCountry(role);
        chain.RoleWords.UnionWith(RoleWords(role.Head, role.Head + 1));
        if (text.Contains("Senat", StringComparison.OrdinalIgnoreCase))
        {
            chain.RoleWords.Add("senator"); // a chairman or member of a Senate is "the senator"
        }
        if (chain.Role is null)
        {
            chain.Role = text;
            chain.RoleResolution = _resolver.Resolve(text, _date);
        }
        else if (chain.RoleResolution?.Country is null && _resolver.Resolve(text, _date) is { Country: not null } better)
        {
            chain.Role = text;
            chain.RoleResolution = better;
        }
    }

    private void ResolveRole(Mention m)
    {
        if (_resolver.Resolve(_tokens.Words[m.Head].Form) is { How: "institution" or "igo" } || _resolver.IsInstitutionHead(_lower[m.Head]))
        {
            // an institution ("the Kazakh Senate", "the government") is a name of an organisation, not a title
            m.Kind = ActorMentionKind.Name;
            if (!m.Definite && !IsCapital(m.First))
            {
                m.Drop = true;
                return;
            }

            ResolveOrganisation(m);
            return;
        }

        var text = Slice(m.First, m.End);
        var resolution = _resolver.Resolve(text, _date);
        if (resolution?.How is "igo" or "institution" && _entityOf[m.Head] >= 0 && _entities[_entityOf[m.Head]].Type == "ORG")
        {
            // a title word inside an organisation's name ("OSCE Parliamentary Assembly")
            m.Kind = ActorMentionKind.Name;
            ResolveOrganisation(m);
            return;
        }

        var words = RoleWords(m.Head, m.Head + 1);
        var personTitle = m.HeadSector is null || PersonSectors.Contains(m.HeadSector);

        // a title without a name refers back to the most recent person or office holder with that title ("the minister")
        if (personTitle)
        {
            var generic = GenericTitles.TryGetValue(_lower[m.Head].Split('-')[^1], out var genericSector);
            var country = resolution?.Country;
            var candidates = _chains.Where(c => c.Type is "person" or "office").OrderBy(c => c.Type == "person" ? 0 : 1).ThenByDescending(c => c.LastWord).ToList();
            var candidate = generic
                ? candidates.FirstOrDefault(c => c.Type == "person" && (country is null ? c.Country is not null : c.Country == country) && (genericSector is null || c.Sector == genericSector))
                : candidates.FirstOrDefault(c => c.RoleWords.Overlaps(words) && (country is null || c.Country is null || c.Country == country));

            // "the Egyptian minister" for a person of that country whose title the document did not give in these words
            candidate ??= country is not null && m.End == m.Head + 1
                ? candidates.FirstOrDefault(c => c.Type == "person" && c.Country == country && c.RoleWords.All(GenericTitles.ContainsKey) && (m.HeadSector is null || c.Sector is null || c.Sector == m.HeadSector))
                : null;
            if (candidate is not null && (m.Definite || IsCapital(m.Head) || m.First != m.Head))
            {
                m.Kind = ActorMentionKind.Nominal;
                if (m.Definite)
                {
                    m.First--; // the description with its article: "the minister"
                }

                if (candidate.Type == "office")
                {
                    AddRole(candidate, m);
                }

                Join(m, candidate, "role-nominal", candidate.Mentions.LastOrDefault(), 0.8);
                return;
            }
        }

        if (resolution is null || (resolution.Country is null && resolution.Org is null && (resolution.Sector is null or "NON" or "UNK")))
        {
            if (!m.Definite && m.First == m.Head && !IsCapital(m.Head))
            {
                m.Drop = true; // an indefinite common noun ("a minister") is no actor mention
                return;
            }

            m.Reason = personTitle
                ? "a title with no country or organisation, and no earlier person or office holder with this title"
                : "an agent noun with no country or organisation";
            if (!m.Definite && !IsCapital(m.First))
            {
                m.Drop = true;
            }

            return;
        }

        if (resolution.Country is null && resolution.Org is null && !m.Definite)
        {
            m.Drop = true;
            return;
        }

        // an unnamed office holder ("the Finnish President"); the same office again joins it
        var key = $"office:{resolution.Country}:{resolution.Org}:{string.Join('+', words.Order(StringComparer.Ordinal))}";
        if (!_keyed.TryGetValue(key, out var chain))
        {
            chain = NewChain(personTitle ? "office" : "organisation");
            if (!personTitle)
            {
                // a group noun with its country ("Mexican students", "Ukrainian troops")
                chain.Name = Canonical(text);
                chain.Fixed = new DocumentActor(resolution.Country, resolution.Org, resolution.Sector, chain.Name, null);
            }

            _keyed[key] = chain;
        }

        AddRole(chain, m);
        Join(m, chain, chain.Mentions.Count == 0 ? "title" : "same-office", chain.Mentions.LastOrDefault(), Math.Min(0.9, resolution.Confidence));
    }

    private void ResolveOrganisation(Mention m)
    {
        var text = Slice(m.First, m.End);
        var resolution = _resolver.Resolve(text, _date);
        if (resolution is { Country: null, Org: null, How: "institution" })
        {
            // "the Senate": the institution of the country named nearby
            resolution = _resolver.Resolve(text, _date, ContextCountry(m));
        }

        if (resolution is null || (resolution.Country is null && resolution.Org is null))
        {
            m.Reason = resolution is null
                ? "no codebook entry (country, demonym, capital, institution, organisation or dated person) matches the name"
                : $"the codebook knows \"{text}\" only as a sector-less agent ({resolution.Sector}), not as an actor";
            return;
        }

        Chain chain;
        if (resolution is { Country: not null, Org: null, Sector: null })
        {
            chain = CountryChain(resolution.Country);
        }
        else
        {
            var key = $"org:{resolution.Country}:{resolution.Org}:{resolution.Sector}:{resolution.Name}";
            if (!_keyed.TryGetValue(key, out chain!))
            {
                chain = NewChain("organisation");
                chain.Name = resolution.Name;
                chain.Fixed = new DocumentActor(resolution.Country, resolution.Org, resolution.Sector, resolution.Name, null);
                _keyed[key] = chain;
            }
        }

        m.Evidence.AddRange(resolution.Evidence);
        Join(m, chain, resolution.How == "context" ? "institution+context-country" : "dictionary", chain.Mentions.Count > 0 ? chain.Mentions[^1] : null, resolution.Confidence);
    }

    private void ResolvePronoun(Mention m)
    {
        var gender = Pronouns[_lower[m.First]];
        var sentence = _sentenceOf[m.First];
        var objectPronoun = _lower[m.First] is "him" or "her" && _syntax.Relations[m.First] is "obj" or "iobj" or "obl";
        Mention? best = null;
        var bestScore = double.MinValue;
        foreach (var c in _mentions.Where(c => c.ChainRef is { Type: "person" or "office" } && c.First < m.First && sentence - _sentenceOf[c.First] <= 2))
        {
            var g = c.ChainRef!.Gender;
            if (g is 'M' or 'F' && g != gender)
            {
                continue;
            }

            if (objectPronoun && IsSubjectLike(c) && ClauseOf(c.First) == ClauseOf(m.First))
            {
                continue; // "The minister thanked him": not the minister
            }

            var score = (-2.0 * (sentence - _sentenceOf[c.First])) + (IsSubjectLike(c) ? 1.5 : 0) + (g == gender ? 0.5 : 0) + (c.First * 1e-5);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        if (best is null)
        {
            m.Reason = $"no earlier person compatible with \"{_tokens.Words[m.First].Form}\" in this or the two previous sentences";
            return;
        }

        if (best.ChainRef!.Gender is not ('M' or 'F'))
        {
            best.ChainRef.Gender = gender;
        }

        Join(m, best.ChainRef, "pronoun", best, best.ChainRef.Gender == gender && bestScore > -1 ? 0.75 : 0.6);
    }

    /// <summary>"her country": the country of the person the possessive pronoun (resolved just before) refers to.</summary>
    private void ResolvePossessorCountry(Mention m)
    {
        var pronoun = _mentions.LastOrDefault(p => p.Kind == ActorMentionKind.Pronoun && p.End == m.First);
        if (pronoun?.ChainRef?.Country is not { } iso)
        {
            m.Reason = "the possessive pronoun's person is unknown or has no country";
            return;
        }

        Join(m, CountryChain(iso), "possessor-country", pronoun, Math.Round(pronoun.Confidence * 0.9, 3));
    }

    private void ResolveTheCountry(Mention m)
    {
        var previous = _mentions.LastOrDefault(c => c.ChainRef?.Country is not null && c.Kind != ActorMentionKind.Group);
        if (previous is null)
        {
            m.Reason = "no country was named before \"the country\"";
            return;
        }

        Join(m, CountryChain(previous.ChainRef!.Country!), "the-country", previous, 0.7);
    }

    private void ResolveGroup(Mention m)
    {
        var countries = SalientCountries(m.First);
        if (countries.Count < 2)
        {
            m.Reason = "a plural group, but the document names fewer than two countries before it";
            return;
        }

        m.GroupCountries = countries.Take(2).Order(StringComparer.Ordinal).ToList();
        var key = "group:" + string.Join('+', m.GroupCountries) + ":" + m.GroupSector;
        if (!_keyed.TryGetValue(key, out var chain))
        {
            chain = NewChain("group");
            chain.GroupCountries = m.GroupCountries;
            chain.GroupSector = m.GroupSector;
            _keyed[key] = chain;
        }

        Join(m, chain, "group", null, 0.75);
    }

    /// <summary>Countries ranked by how often the document has named them (persons count double) before <paramref name="before"/>; the whole document when that gives fewer than two.</summary>
    private List<string> SalientCountries(int before)
    {
        var prior = Rank(_mentions.Where(x => x.First < before));
        return prior.Count >= 2 ? prior : Rank(_mentions);

        static List<string> Rank(IEnumerable<Mention> mentions)
        {
            var score = new Dictionary<string, (double Score, int First)>(StringComparer.Ordinal);
            foreach (var x in mentions)
            {
                if (x.ChainRef?.Country is not { } c || x.Kind == ActorMentionKind.Group)
                {
                    continue;
                }

                var w = x.ChainRef.Type == "person" ? 2.0 : 1.0;
                score[c] = score.TryGetValue(c, out var s) ? (s.Score + w, s.First) : (w, x.First);
            }

            return score.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.First).Select(p => p.Key).ToList();
        }
    }

    private void Join(Mention m, Chain chain, string rule, Mention? antecedent, double confidence)
    {
        m.ChainRef = chain;
        m.Rule = rule;
        m.Antecedent = antecedent;
        m.Confidence = confidence;
        chain.Mentions.Add(m);
        chain.LastWord = Math.Max(chain.LastWord, m.First);
    }

    private Chain NewChain(string type)
    {
        var c = new Chain { Type = type };
        _chains.Add(c);
        return c;
    }

    private Chain CountryChain(string iso)
    {
        var key = "country:" + iso;
        if (!_keyed.TryGetValue(key, out var chain))
        {
            chain = NewChain("country");
            var name = _resolver.CountryName(iso) ?? iso;
            chain.Name = name;
            chain.Fixed = new DocumentActor(iso, null, null, name, null);
            _keyed[key] = chain;
        }

        return chain;
    }

    private Chain DelegationChain(string iso)
    {
        var key = "delegation:" + iso;
        if (!_keyed.TryGetValue(key, out var chain))
        {
            chain = NewChain("delegation");
            chain.Name = (_resolver.CountryName(iso) ?? iso) + " delegation";
            chain.DelegationCountry = iso;
            _keyed[key] = chain;
        }

        return chain;
    }

    // ---------------------------------------------------------------- finishing

    private ActorLayer Finish(string producer)
    {
        // person and office chains take the document role (overriding the dictionary) or the dictionary entry
        foreach (var c in _chains.Where(c => c.Type is "person" or "office"))
        {
            var dictionary = c.Type == "person" ? PersonEntry(c.Name) ?? c.Dictionary : null;

            var role = c.RoleResolution;
            if (role is not null && (role.Country is not null || role.Org is not null))
            {
                var sector = role.Sector ?? (dictionary?.Country == role.Country && dictionary?.Org == role.Org ? dictionary?.Sector : null);
                c.Fixed = new DocumentActor(role.Country, role.Org, sector, c.Type == "person" ? c.Name : Canonical(c.Role!), c.Role);
                c.How = "document-role";
                if (dictionary is not null && (dictionary.Country != role.Country || dictionary.Sector != sector))
                {
                    c.Note = $"the document's role overrides the dictionary ({dictionary.Entry})";
                }
            }
            else if (dictionary is not null && (dictionary.Country is not null || dictionary.Org is not null))
            {
                c.Fixed = new DocumentActor(dictionary.Country, dictionary.Org, role?.Sector ?? dictionary.Sector, c.Name, c.Role);
                c.How = role is null ? "dictionary" : "dictionary+document-sector";
                c.Evidence.Add(dictionary.Entry);
            }
            else if (role is not null && c.RoleContext is not null)
            {
                // a title without a country ("Deputy Minister of Trade") in a sentence about one country
                c.Fixed = new DocumentActor(c.RoleContext, null, role.Sector, c.Type == "person" ? c.Name : Canonical(c.Role!), c.Role);
                c.How = "document-role+context-country";
                c.Note = $"the title names no country; {c.RoleContext} is the country named nearest to it";
            }
            else if (c.Type == "person")
            {
                c.Note = c.Role is null
                    ? "the person is not in the codebook and the document gives no title with a country"
                    : $"the title \"{c.Role}\" names no country or organisation, and the person is not in the codebook";
            }

            if (c.Type == "office" && c.Fixed is not null)
            {
                c.Name = Canonical(c.Role!);
            }
        }

        // a delegation acts in the sector its country's persons share ("the Belarusian side" of a parliamentary meeting)
        foreach (var c in _chains.Where(c => c.Type == "delegation"))
        {
            c.Fixed = new DocumentActor(c.DelegationCountry, null, SharedSector(c.DelegationCountry!), c.Name, null);
        }

        foreach (var c in _chains.Where(c => c.Type == "group"))
        {
            var parts = c.GroupCountries!.Select(iso =>
            {
                var sector = c.GroupSector;
                if (sector == "*")
                {
                    sector = SharedSector(iso);
                }

                return new DocumentActor(iso, null, sector, _resolver.CountryName(iso) ?? iso, null);
            }).ToList();
            c.GroupActors = parts;
            c.Name = string.Join(" and ", parts.Select(p => p.Name));
        }

        // number the chains that have mentions, in order of first mention
        var kept = _mentions.Where(m => !m.Drop).OrderBy(m => m.First).ToList();
        var ids = new Dictionary<Chain, int>();
        foreach (var m in kept)
        {
            if (m.ChainRef is { } c && !ids.ContainsKey(c))
            {
                ids[c] = ids.Count + 1;
            }
        }

        var mentions = kept.Select(m =>
        {
            var c = m.ChainRef;
            IReadOnlyList<DocumentActor> actors = c is null ? [] : c.GroupActors ?? (c.Fixed is null ? [] : [c.Fixed]);
            var reason = m.Reason ?? (actors.Count == 0 ? c?.Note ?? "unresolved" : c?.Note);
            var evidence = m.Evidence.Concat(c?.Evidence ?? []).ToList();
            var how = actors.Count == 0 && c is not null && c.Type is "person" ? m.Rule + " (actor unresolved)" : m.Rule ?? "unresolved";
            var confidence = actors.Count == 0 ? 0 : Math.Round(m.Confidence * (c!.How == "dictionary" ? 0.9 : 1.0), 3);
            return new ActorMention(
                new TextSpan(_tokens.Words[m.First].Span.Start, _tokens.Words[m.End - 1].Span.End),
                m.Kind,
                m.First,
                m.End - m.First,
                c is null ? 0 : ids[c],
                actors,
                how,
                m.Antecedent is { } a ? new TextSpan(_tokens.Words[a.First].Span.Start, _tokens.Words[a.End - 1].Span.End) : null,
                confidence,
                reason,
                evidence);
        }).ToList();

        var chains = ids.OrderBy(p => p.Value).Select(p =>
        {
            var c = p.Key;
            IReadOnlyList<DocumentActor> actors = c.GroupActors ?? (c.Fixed is null ? [] : [c.Fixed]);
            return new ActorChain(p.Value, c.Type, c.Name, c.Role, actors, kept.Count(m => m.ChainRef == c));
        }).ToList();
        return new ActorLayer(mentions, chains, producer);
    }

    /// <summary>The sector every person and office holder of a country shares in this document, or null.</summary>
    private string? SharedSector(string iso)
    {
        var sectors = _chains
            .Where(p => p.Type is "person" or "office")
            .Select(p => p.Fixed)
            .Where(f => f is not null && f.Country == iso && f.Sector is not null)
            .Select(f => f!.Sector)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return sectors.Count == 1 ? sectors[0] : null;
    }

    // ---------------------------------------------------------------- word helpers

    private string Slice(int first, int end) => _text[_tokens.Words[first].Span.Start.._tokens.Words[end - 1].Span.End];

    private bool IsCapital(int w) => _tokens.Words[w].Form.Length > 0 && char.IsUpper(_tokens.Words[w].Form[0]);

    private bool InPerson(int w) => _entityOf[w] >= 0 && _entities[_entityOf[w]].Type == "PER" && !IsTitleWord(w);

    private int EndOfEntity(int w)
    {
        var e = _entityOf[w];
        return e >= 0 ? Math.Max(w + 1, _entities[e].EndWord) : w + 1;
    }

    /// <summary>A word of a title ("Foreign", "Prime", "Minister", "Co-Chairman"), by the codebook's agent phrases.</summary>
    private bool IsTitleWord(int w, int depth = 0) =>
        IsTitleHead(w, out _)
        || (depth < 3 && IsCapital(w) && _lower[w].Length > 2 && _resolver.AgentWords.Contains(_lower[w]) && _syntax.UPos[w] is "ADJ" or "NOUN" or "PROPN"
            && w + 1 < _lower.Length && _sentenceOf[w + 1] == _sentenceOf[w] && IsTitleWord(w + 1, depth + 1));

    /// <summary>An agent noun that can head a title or office: "minister", "President", "senators", "Co-Chairman", "leadership".</summary>
    private bool IsTitleHead(int w, out string? sector)
    {
        sector = null;
        if (_syntax.UPos[w] is not ("NOUN" or "PROPN") || _tokens.Words[w].Form.Length < 2)
        {
            return false;
        }

        var form = _lower[w];
        var parts = form.Split('-');
        var core = parts[^1];
        if (core == "counterpart")
        {
            return true; // "his Egyptian counterpart": the same office in another country
        }

        if (!_resolver.IsAgent(core, out sector))
        {
            return false;
        }

        if (sector is "NON" or "UNK" || core is "side" or "delegation" or "team" or "state" or "power" or "people" or "land" or "region" || (sector is null && !IsNullSectorTitle(core)))
        {
            return false;
        }

        // a capitalised agent word inside a place or organisation name ("Asia", "the Senate" is an institution, not a title)
        return !(_entityOf[w] >= 0 && _entities[_entityOf[w]].Type == "LOC");
    }

    private static bool IsNullSectorTitle(string word) => word is "counterpart" or "chairman" or "chairwoman" or "chairperson" or "chair" or "head" or "leader" or "spokesman" or "spokeswoman" or "spokesperson" or "member" or "secretary" or "envoy";

    /// <summary>The country a single word names: a demonym, or a country name (possibly inside an entity).</summary>
    private string? CountryOfWord(int w, bool capitals = false)
    {
        if (!IsCapital(w))
        {
            return null;
        }

        if (_resolver.DemonymCountry(_tokens.Words[w].Form) is { } d)
        {
            return d;
        }

        var e = _entityOf[w];
        var text = e >= 0 && _entities[e].Type == "LOC" ? _text[_entities[e].Span.Start.._entities[e].Span.End] : _tokens.Words[w].Form;
        return _resolver.Resolve(text, _date) is { Country: { } c, Org: null, How: "country-name" or "official-name" or "abbreviation" or "capital-metonym" } r && (capitals || r.How != "capital-metonym") && (r.Sector is null || capitals) ? c : null;
    }

    /// <summary>The country an institution without one belongs to: the nearest country named in its sentence, else the document's most named country.</summary>
    private string? ContextCountry(Mention m)
    {
        var sentence = _tokens.Sentences[_sentenceOf[m.First]];
        string? best = null;
        var distance = int.MaxValue;
        for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
        {
            if ((w >= m.First && w < m.End) || (_entityOf[w] >= 0 && _entities[_entityOf[w]].Type == "PER"))
            {
                continue;
            }

            if (CountryOfWord(w, capitals: true) is { } c)
            {
                var d = w < m.First ? m.First - w : (w - m.End) + 1;
                if (d < distance)
                {
                    distance = d;
                    best = c;
                }
            }
        }

        return best ?? SalientCountries(m.First).FirstOrDefault();
    }

    private HashSet<string> RoleWords(int first, int end)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var w = first; w < end; w++)
        {
            foreach (var part in _lower[w].Split('-'))
            {
                if (part.Length > 2 && _resolver.IsAgent(part, out _))
                {
                    set.Add(part);
                    if (part == "senator" || part == "senate")
                    {
                        set.Add("senator");
                    }
                }
            }
        }

        return set;
    }

    private bool IsSubjectLike(Mention m)
    {
        for (var w = m.First; w < m.End; w++)
        {
            var h = _syntax.Heads[w];
            if (h >= m.First && h < m.End)
            {
                continue;
            }

            var x = w;
            for (var step = 0; step < 4 && x >= 0; step++)
            {
                var rel = _syntax.Relations[x];
                if (rel is "nsubj" or "nsubj:pass" or "obl:agent")
                {
                    return true;
                }

                if (rel is not ("appos" or "flat" or "compound" or "conj"))
                {
                    break;
                }

                x = _syntax.Heads[x];
            }

            return false;
        }

        return false;
    }

    /// <summary>The predicate a word depends on: the nearest verb above it (or the root).</summary>
    private int ClauseOf(int w)
    {
        var x = _syntax.Heads[w];
        for (var step = 0; step < 8 && x >= 0; step++)
        {
            if (_syntax.UPos[x] is "VERB" or "AUX" || _syntax.Heads[x] < 0)
            {
                return x;
            }

            x = _syntax.Heads[x];
        }

        return x;
    }

    private static string Canonical(string role) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(role.Trim());

    private sealed class Mention(int first, int end, ActorMentionKind kind)
    {
        public int First { get; set; } = first;

        public int End { get; } = end;

        public ActorMentionKind Kind { get; set; } = kind;

        public string? EntityType { get; init; }

        public string? Country { get; init; }

        public string? Rule { get; set; }

        public string? GroupSector { get; init; }

        public List<string>? GroupCountries { get; set; }

        public int Head { get; init; }

        public string? HeadSector { get; init; }

        public bool Definite { get; init; }

        public char Gender { get; set; }

        public bool Honorific { get; set; }

        public Mention? Person { get; set; }

        public string? PersonRule { get; set; }

        public List<Mention> Roles { get; } = [];

        public Chain? ChainRef { get; set; }

        public Mention? Antecedent { get; set; }

        public double Confidence { get; set; }

        public string? Reason { get; set; }

        public bool Drop { get; set; }

        public List<string> Evidence { get; } = [];
    }

    private sealed class Chain
    {
        public required string Type { get; init; }

        public string Name { get; set; } = "";

        public string? Role { get; set; }

        public ActorResolution? RoleResolution { get; set; }

        public HashSet<string> RoleWords { get; } = new(StringComparer.Ordinal);

        public List<Mention> RoleMentions { get; } = [];

        public char Gender { get; set; } = '?';

        public HashSet<string> FullKeys { get; } = new(StringComparer.Ordinal);

        public List<string> NameKeys { get; set; } = [];

        public List<Mention> Mentions { get; } = [];

        public int LastWord { get; set; }

        public DocumentActor? Fixed { get; set; }

        public string? Country
        {
            get
            {
                if (Fixed is not null)
                {
                    return Fixed.Country;
                }

                if (RoleResolution is { } r && (r.Country is not null || r.Org is not null))
                {
                    return r.Country; // the document's role decides, even when it is an organisation's
                }

                return Dictionary?.Country ?? DelegationCountry ?? (RoleResolution is null ? null : RoleContext);
            }
        }

        public ActorResolution? Dictionary { get; set; }

        public string? Sector => Fixed?.Sector ?? RoleResolution?.Sector ?? Dictionary?.Sector;

        public string? RoleContext { get; set; }

        public string? DelegationCountry { get; set; }

        public List<string>? GroupCountries { get; set; }

        public string? GroupSector { get; set; }

        public List<DocumentActor>? GroupActors { get; set; }

        public string? How { get; set; }

        public string? Note { get; set; }

        public List<string> Evidence { get; } = [];
    }
}
