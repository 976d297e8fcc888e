using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Actors;

/// <summary>
/// Resolves actor mentions ("Kazakh Senate", "US Ambassador to Kazakhstan", "UN Secretary-General", "Putin")
/// to a country, organisation and sector using the <c>data/actors</c> codebook. Phrases are matched by
/// normalised keys (<see cref="NameKey"/>), leftmost-longest; the text after a preposition such as "to" or
/// "in" names a destination, not the actor. The outermost country (the last "of"-part that names one, or the
/// modifier before the head) decides the country; the head noun, or the innermost institution, decides the
/// sector. Immutable after loading, so one instance is safe to share between threads.
/// </summary>
public sealed class ActorResolver
{
    private static readonly HashSet<string> CutWords = new(StringComparer.Ordinal)
    {
        "to", "in", "at", "with", "from", "against", "toward", "towards", "by", "during", "after", "before", "visiting", "between", "near", "inside", "within", "into", "than",
    };

    private static readonly HashSet<string> DescriptorWords = new(StringComparer.Ordinal) { "on", "for", "over", "about", "regarding" };

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "who", "us", "it", "in", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "is", "me", "my", "no", "of", "on", "or", "so",
        "to", "up", "we", "can", "car", "aid", "all", "and", "any", "are", "but", "for", "has", "her", "his", "its", "may", "man", "men",
        "new", "not", "now", "one", "our", "out", "see", "she", "two", "was", "way", "why", "yes", "you", "act", "age", "air", "art", "bar",
        "bid", "big", "cap", "ice", "ill", "key", "oil", "war", "win", "pace", "eco", "mercy", "care", "hope", "peace", "spa", "sun", "arm",
        "set", "top", "tip", "law", "bank", "guam", "cis", "ran", "rs", "sad", "sea", "ask", "end", "far", "few", "get", "got", "had", "him",
        "how", "let", "low", "off", "old", "own", "put", "run", "say", "too", "use", "via", "won", "yet", "fed", "met", "led", "lap", "apt",
        "amp", "ace", "aim", "alp", "ant", "ape", "ark", "ash", "bad", "bay", "bed", "bet", "bus", "buy", "cat", "cup", "cut", "day", "die",
        "dig", "dog", "dry", "due", "ear", "eat", "egg", "era", "eye", "fan", "fat", "fit", "fix", "fly", "fun", "gap", "gas", "gun", "guy",
        "hat", "hit", "hot", "job", "joy", "kid", "lab", "lay", "leg", "lie", "lot", "mad", "map", "mix", "mob", "mud", "net", "nor", "nut",
        "odd", "pay", "pen", "pet", "pie", "pin", "pit", "pop", "pot", "raw", "red", "rid", "row", "sat", "sir", "sit", "six", "sky", "son",
        "tax", "tea", "ten", "tie", "toe", "ton", "toy", "try", "van", "vet", "wet", "wide", "wit", "wow", "seal", "bald", "dam", "mine",
    };

    private readonly Dictionary<string, List<Entry>> _loose = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _fold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);
    private readonly List<(string Code, string Org)> _igoCodes = [];
    private readonly Dictionary<string, string> _orgNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _givenNames = new(StringComparer.Ordinal);
    private int _maxWords = 1;
    private HashSet<string> _agentWords = [];
    private HashSet<string> _institutionHeads = [];

    // Resolutions already computed: Resolve is a pure function of its arguments once the codebook is loaded, and the same
    // mentions ("the government", "Moscow", a document's persons) are resolved again and again by the actor and event stages.
    private readonly BoundedCache<(string Text, DateOnly? When, string? Context), ActorResolution?> _resolved = new(MaxResolved);
    private const int MaxResolved = 50_000;

    // IsAgent is a pure function of the phrase once loaded; titles repeat across documents
    private readonly BoundedCache<string, (bool Agent, string? Sector)> _agents = new(MaxResolved, StringComparer.Ordinal);

    private ActorResolver()
    {
    }

    /// <summary>The number of distinct phrase keys loaded.</summary>
    public int PhraseCount => _loose.Count;

    /// <summary>Finds the <c>data/actors</c> folder under the current directory or above the executable (the repository root).</summary>
    public static string LocateData()
    {
        var local = Path.Combine("data", "actors");
        if (File.Exists(Path.Combine(local, "countries.tsv")))
        {
            return Path.GetFullPath(local);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "actors");
            if (File.Exists(Path.Combine(candidate, "countries.tsv")))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.DataFile, "The actor codebook data/actors was not found; rebuild it with './parley build actors' or pass --data.");
    }

    /// <summary>Loads the codebook from <paramref name="dataDir"/> (default: <see cref="LocateData"/>). PRL2004 when a file is missing.</summary>
    public static ActorResolver Load(string? dataDir = null)
    {
        dataDir ??= LocateData();
        var r = new ActorResolver();
        r.LoadCurated(dataDir);
        var countryRows = ReadTsv(dataDir, "countries.tsv");
        countryRows.AddRange(ReadTsv(dataDir, "curated-countries.tsv"));
        r.LoadCountries(countryRows);
        r.LoadAgents(ReadTsv(dataDir, "agents.tsv"), ReadTsv(dataDir, "curated-agents.tsv"));
        r.LoadNamed(ReadTsv(dataDir, "named-actors.tsv"), ReadTsv(dataDir, "curated-leaders.tsv"));
        r._institutionHeads = r._loose
            .Where(p => p.Value.Any(e => e.Kind is EntryKind.Institution))
            .Select(p => p.Key.Split(' '))
            .Where(words => words.Length == 1 || words[^2] is not ("of" or "for" or "on" or "to" or "and")) // head-final names only: "Foreign Ministry", not "Office of the President"
            .Select(words => words[^1])
            .Where(w => w.Length > 3 && !(r._loose.TryGetValue(w, out var single) && single.Any(e => e.Kind == EntryKind.Agent && e.Source == "curated-agents" && e.Sector is null)))
            .ToHashSet(StringComparer.Ordinal);
        r._agentWords = r._loose.Where(p => p.Value.Any(e => e.Kind == EntryKind.Agent)).SelectMany(p => p.Key.Split(' ')).ToHashSet(StringComparer.Ordinal);

        // Ties (the demonym "French" of France and of the French Southern Lands) go to the country with the larger entry.
        var weight = countryRows.GroupBy(row => row[0]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var list in r._loose.Values.Concat(r._fold.Values))
        {
            list.Sort((a, b) => a.Priority != b.Priority
                ? a.Priority.CompareTo(b.Priority)
                : weight.GetValueOrDefault(b.Country ?? "").CompareTo(weight.GetValueOrDefault(a.Country ?? "")));
        }

        return r;
    }

    /// <summary>
    /// The country (ISO-3) whose demonym or nationality adjective <paramref name="word"/> is ("Finnish" → FIN,
    /// "Kazakhs" → KAZ), from the codebook's demonym and nationality rows; null when it is none. Only one word
    /// counts, and it must be written with a capital, since demonyms are proper adjectives in English.
    /// </summary>
    public string? DemonymCountry(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var tokens = NameKey.Tokens(word);
        if (tokens.Count != 1 || !tokens[0].Capital || tokens[0].Upper || tokens[0].Word.Length < 4)
        {
            return null;
        }

        foreach (var key in Singulars(tokens[0].Word).Prepend(tokens[0].Word))
        {
            if (_loose.TryGetValue(key, out var list) && list.FirstOrDefault(e => e.Kind == EntryKind.Country && e.How == "demonym") is { } e)
            {
                return e.Country;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="phrase"/> is a sector agent of the codebook (a title, office or group noun such
    /// as "minister", "foreign minister", "senators", "side"), regular plurals included; <paramref name="sector"/>
    /// is its sector, null for agents without one (chairman, side, delegation).
    /// </summary>
    public bool IsAgent(string phrase, out string? sector)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (_agents.TryGetValue(phrase, out var known))
        {
            sector = known.Sector;
            return known.Agent;
        }

        var agent = IsAgentCore(phrase, out sector);
        _agents.Add(phrase, (agent, sector));
        return agent;
    }

    private bool IsAgentCore(string phrase, out string? sector)
    {
        sector = null;
        var words = NameKey.Words(phrase);
        if (words.Count == 0)
        {
            return false;
        }

        var keys = Singulars(words[^1]).Select(s => string.Join(' ', words.Take(words.Count - 1).Append(s))).Prepend(string.Join(' ', words));
        foreach (var key in keys)
        {
            if (_loose.TryGetValue(key, out var list) && list.FirstOrDefault(e => e.Kind == EntryKind.Agent) is { } e)
            {
                sector = e.Sector;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="word"/> (lower case, singular) is the head noun of an institution or organisation name of the
    /// codebook ("ministry" of "Foreign Ministry", "senate", "police", "embassy") and never a title of a person on its own.
    /// </summary>
    public bool IsInstitutionHead(string word) => _institutionHeads.Contains(word);

    /// <summary>The lower-case words of every agent phrase of the codebook (for title detection: "foreign", "prime", "minister"…).</summary>
    public IReadOnlySet<string> AgentWords => _agentWords;

    /// <summary>The canonical English name of a country code, or null.</summary>
    public string? CountryName(string iso3) => _countryNames.GetValueOrDefault(iso3);

    /// <summary>
    /// Resolves <paramref name="text"/>. <paramref name="when"/> selects the dated roles of persons (null: the
    /// most recent role); <paramref name="contextCountry"/> (ISO-3) is used when the text names an institution
    /// or agent but no country ("the Senate"). Null when nothing in the text is known.
    /// </summary>
    public ActorResolution? Resolve(string text, DateOnly? when = null, string? contextCountry = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = (text, when, contextCountry);
        if (_resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = ResolveCore(text, when, contextCountry);
        _resolved.Add(key, result);
        return result;
    }

    private ActorResolution? ResolveCore(string text, DateOnly? when, string? contextCountry)
    {
        var tokens = NameKey.Tokens(text);
        var matches = DropPartialNames(tokens, Scan(tokens));
        if (matches.Count == 0)
        {
            return null;
        }

        // Segment: chunks split by unmatched "of"; descriptors after "on"/"for"; cut at a destination preposition.
        var cut = tokens.Count;
        var chunkOfToken = new int[tokens.Count];
        var descriptor = new bool[tokens.Count];
        var chunk = 0;
        var inDescriptor = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var m = matches.FirstOrDefault(x => x.Start <= i && i < x.End);
            if (m is not null && i == m.End - 1 && tokens.Skip(m.Start).Take(m.End - m.Start).Any(t => DescriptorWords.Contains(t.Word)))
            {
                // "Committee on International Relations, Defence and Security": what follows still describes the committee
                chunkOfToken[i] = chunk;
                descriptor[i] = inDescriptor;
                inDescriptor = true;
                continue;
            }

            if (m is not null && i == m.End - 1 && m.End - m.Start > 1 && CutWords.Contains(tokens[i].Word) && !inDescriptor)
            {
                // an agent phrase ending in a preposition ("ambassador to", "embassy in"): what follows is the destination
                chunkOfToken[i] = chunk;
                descriptor[i] = inDescriptor;
                cut = i + 1;
                break;
            }

            if (m is null)
            {
                var w = tokens[i].Word;
                if (w == "of")
                {
                    chunk++;
                    inDescriptor = false;
                }
                else if (DescriptorWords.Contains(w))
                {
                    inDescriptor = true;
                }
                else if (CutWords.Contains(w) && !inDescriptor && i > 0)
                {
                    cut = i;
                    break;
                }
            }

            chunkOfToken[i] = chunk;
            descriptor[i] = inDescriptor;
        }

        var primary = matches.Where(m => m.Start < cut && !descriptor[m.Start]).ToList();
        if (primary.Count == 0)
        {
            return null;
        }

        int ChunkOf(Match m) => chunkOfToken[m.Start];
        var evidence = matches.Select(m => Describe(m, m.Start >= cut ? "destination, ignored" : descriptor[m.Start] ? "descriptor, ignored" : null)).ToList();

        // Persons and named actors decide everything when present.
        // With several names ("Belarusian leader Alexander Lukashenko"), prefer one whose codes agree with a
        // country named in the text, then a full name over a bare surname, then the longer and later match.
        var explicitCountries = primary.Where(m => m.Entry.Kind == EntryKind.Country).Select(m => m.Entry.Country).ToHashSet(StringComparer.Ordinal);
        var named = primary.Where(m => m.Entry.Kind == EntryKind.Named)
            .OrderByDescending(m => m.Entry.Codes.Any(c => explicitCountries.Contains(Decode(c).Country ?? "")))
            .ThenBy(m => m.Entry.Priority)
            .ThenByDescending(m => m.End - m.Start)
            .ThenByDescending(m => m.Start)
            .FirstOrDefault();
        if (named is not null)
        {
            return ResolveNamed(named, primary, when, evidence);
        }

        var countries = primary.Where(m => m.Entry.Kind == EntryKind.Country).ToList();
        Match? countryMatch = null;
        if (countries.Count > 0)
        {
            var outer = countries.Max(ChunkOf);
            countryMatch = countries.Where(m => ChunkOf(m) == outer).MinBy(m => m.Start);
        }

        // The sector comes from the first chunk that has one: its last sector word ("Russian Defence Minister"), but
        // a weak word ("leader") yields to any other, and OPP/REB qualify the rest ("opposition parties", "rebel soldiers").
        Match? sectorMatch = null;
        var sectored = primary.Where(m => m.Entry.Sector is not null && m.Entry.Kind != EntryKind.Country).ToList();
        var firstChunk = sectored.GroupBy(ChunkOf).OrderBy(g => g.Key).FirstOrDefault();
        if (firstChunk is not null)
        {
            var strong = firstChunk.Where(m => !m.Entry.Weak).ToList();
            var pool = strong.Count > 0 ? strong : [.. firstChunk];
            sectorMatch = pool.FirstOrDefault(m => m.Entry.Sector is "OPP" or "REB") ?? pool.MaxBy(m => m.Start);

            // A presiding or heading title takes the sector of the body it heads: "President of the Senate" is LEG,
            // "PACE President" LEG, "President of the European Commission" GOV.
            if (sectorMatch is not null && IsHeadTitle(sectorMatch.Entry))
            {
                var body = sectored.Where(m => m != sectorMatch && m.Entry.Kind is EntryKind.Institution or EntryKind.Igo)
                    .OrderBy(ChunkOf).ThenBy(m => m.Start).FirstOrDefault();
                sectorMatch = body ?? sectorMatch;
            }
        }

        var institutionMatch = primary.FirstOrDefault(m => m.Entry.Kind == EntryKind.Institution && m.Entry.Country is not null);
        var igoMatch = primary.FirstOrDefault(m => m.Entry.Kind == EntryKind.Igo);

        string? country;
        string how;
        Match decisive;
        var confidence = 0.9;
        if (countryMatch is not null)
        {
            country = countryMatch.Entry.Country;
            how = countryMatch.Entry.How;
            decisive = countryMatch;
            confidence = countryMatch.Entry.How switch
            {
                "country-name" or "official-name" or "abbreviation" => 0.95,
                "demonym" => 0.9,
                "capital-metonym" => 0.75,
                _ => 0.8,
            };
        }
        else if (institutionMatch is not null)
        {
            country = institutionMatch.Entry.Country;
            how = "institution";
            decisive = institutionMatch;
        }
        else if (igoMatch is not null)
        {
            country = null;
            how = "igo";
            decisive = igoMatch;
        }
        else if (sectorMatch is not null)
        {
            country = contextCountry;
            how = contextCountry is null ? (sectorMatch.Entry.Kind == EntryKind.Institution ? "institution" : "agent") : "context";
            decisive = sectorMatch;
            confidence = contextCountry is null ? 0.5 : 0.6;
        }
        else
        {
            return null;
        }

        var sector = sectorMatch?.Entry.Sector;
        if (sector is null && countryMatch?.Entry.How == "capital-metonym")
        {
            sector = "GOV";
        }

        // The head of an organisation without a sector of its own ("OSCE Secretary General", "IMF Managing Director") is executive.
        if (sector is null && igoMatch is not null && primary.Any(m => m.Entry.Kind == EntryKind.Agent && IsHeadTitle(m.Entry)))
        {
            sector = "GOV";
        }

        if (decisive.Folded)
        {
            confidence *= 0.9;
        }

        var org = igoMatch?.Entry.Org;
        var name = institutionMatch?.Entry.Name
                   ?? (sectorMatch?.Entry.Kind == EntryKind.Institution ? sectorMatch.Entry.Name + (country is null ? "" : $" ({_countryNames.GetValueOrDefault(country, country)})") : null)
                   ?? igoMatch?.Entry.Name
                   ?? (country is not null ? _countryNames.GetValueOrDefault(country, country) : null)
                   ?? sectorMatch!.Entry.Name;
        if (igoMatch is not null && sectorMatch?.Entry.Kind == EntryKind.Igo)
        {
            org = sectorMatch.Entry.Org;
            name = sectorMatch.Entry.Name;
        }

        return new ActorResolution(country, org, sector, name, how, decisive.Entry.Source + ": " + decisive.Entry.Text, null, null, Math.Round(confidence, 3), evidence);
    }

    private ActorResolution ResolveNamed(Match named, List<Match> primary, DateOnly? when, List<string> evidence)
    {
        var e = named.Entry;
        var dated = e.Codes.Where(c => c.From is not null || c.To is not null).ToList();
        CodeRestriction? applied;
        string how;
        var confidence = 0.9;
        if (dated.Count == 0)
        {
            applied = e.Codes.FirstOrDefault();
            how = e.Source == "petrarch2-countries" ? "person" : "named-actor";
            confidence = 0.85;
        }
        else if (when is { } d)
        {
            applied = dated.FirstOrDefault(c => (c.From is null || c.From <= d) && (c.To is null || d <= c.To));
            how = "person-dated";
            confidence = 0.95;
        }
        else
        {
            applied = dated.OrderByDescending(c => c.To ?? DateOnly.MaxValue).ThenByDescending(c => c.From ?? DateOnly.MinValue).First();
            how = "person-dated";
            confidence = 0.7;
        }

        if (named.Folded)
        {
            confidence *= 0.9;
        }

        if (e.Text.EndsWith("(surname)", StringComparison.Ordinal))
        {
            confidence *= 0.85;
        }

        var display = Title(e.Name);
        if (applied is null)
        {
            return new ActorResolution(null, null, null, display, "person-out-of-dates", $"{e.Source}: {e.Name}", null, null, 0.3, evidence);
        }

        var (country, org, sector) = Decode(applied);
        if (sector is null)
        {
            sector = primary.Where(m => m.Entry.Kind is EntryKind.Agent or EntryKind.Institution && m.Entry.Sector is not null).Select(m => m.Entry.Sector).FirstOrDefault();
        }

        return new ActorResolution(country, org, sector, display, how, $"{e.Source}: {e.Name} [{CodeText(applied)}]", applied.From, applied.To, Math.Round(confidence, 3), evidence);
    }

    /// <summary>
    /// Why <see cref="Resolve"/> returned null for <paramref name="text"/>: either nothing in it is known, or
    /// only a destination ("to Kazakhstan") or a descriptor ("on Foreign Affairs") was recognised.
    /// </summary>
    public string ExplainUnresolved(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = NameKey.Tokens(text);
        var matches = Scan(tokens);
        if (matches.Count == 0)
        {
            return "no known country, organisation, institution, person or agent in the text";
        }

        var kept = DropPartialNames(tokens, matches);
        var dropped = matches.Except(kept).ToList();
        return dropped.Count > 0 && kept.All(m => m.Entry.Kind == EntryKind.Named)
            ? "only part of a longer name is known (" + string.Join("; ", dropped.Select(m => $"\"{m.Surface}\" → {m.Entry.Name}")) + "), the full name is not in the codebook"
            : "only a destination or descriptor was recognised (" + string.Join("; ", matches.Select(m => $"\"{m.Surface}\"")) + "), nothing names the actor itself";
    }

    private static readonly HashSet<string> HeadTitles = new(StringComparer.Ordinal)
    {
        "president", "vice president", "vice-president", "chairman", "chairwoman", "chairperson", "chair", "head", "deputy head",
        "deputy chairman", "vice chairman", "first deputy chairman", "secretary general", "secretary-general", "director general",
        "director-general", "managing director", "executive secretary",
    };

    private static readonly HashSet<string> NameNeighbours = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "he", "jr", "sr", "ii", "iii", "iv",
    };

    /// <summary>Whether an agent is a presiding or heading title whose sector is the one of the body headed.</summary>
    private static bool IsHeadTitle(Entry e) => e.Kind == EntryKind.Agent && HeadTitles.Contains(e.Name);

    /// <summary>
    /// Drops person matches that are only part of a longer, unknown name: "Johnson" in "Boris Johnson" when only
    /// another Johnson is known, or "Gabriel" and a folded surname side by side. A neighbouring capitalised word that
    /// no entry covers (or that another person match covers) means the full name is not in the codebook; honorifics
    /// (Mr, Dr, Sir), initials, generational suffixes (Jr, II) and patronymics (-ovich, -ovna, -ogly, -kyzy) do not count.
    /// </summary>
    private List<Match> DropPartialNames(List<(string Word, bool Upper, bool Capital)> tokens, List<Match> matches)
    {
        if (!matches.Any(m => m.Entry.Kind == EntryKind.Named))
        {
            return matches;
        }

        Match? Covering(int i) => matches.FirstOrDefault(m => m.Start <= i && i < m.End);
        bool ExtendsName(int i, Match self)
        {
            if (i < 0 || i >= tokens.Count || !tokens[i].Capital)
            {
                return false;
            }

            var w = tokens[i].Word;
            if (w.Length <= 1 || NameNeighbours.Contains(w) || w.EndsWith("ovich", StringComparison.Ordinal) || w.EndsWith("evich", StringComparison.Ordinal)
                || w.EndsWith("ovna", StringComparison.Ordinal) || w.EndsWith("evna", StringComparison.Ordinal) || w.EndsWith("ogly", StringComparison.Ordinal)
                || w.EndsWith("kyzy", StringComparison.Ordinal) || w.Any(char.IsDigit))
            {
                return false;
            }

            // "William Ruto": the given name of a person known by this surname confirms the surname match
            if (i == self.Start - 1 && self.Entry.Text.EndsWith("(surname)", StringComparison.Ordinal)
                && _givenNames.TryGetValue(self.Surface, out var given) && given.Contains(NameKey.FoldWord(w)))
            {
                return false;
            }

            var other = Covering(i);
            return other is null || (other != self && other.Entry.Kind == EntryKind.Named);
        }

        return [.. matches.Where(m => m.Entry.Kind != EntryKind.Named || !(ExtendsName(m.Start - 1, m) || ExtendsName(m.End, m)))];
    }

    /// <summary>Splits a CAMEO actor code (RUSGOV, IGOUNOKID, NGO, FRAREB) into country, organisation and sector.</summary>
    internal (string? Country, string? Org, string? Sector) ParseCode(string code)
    {
        if (code.Length >= 3 && _countryNames.ContainsKey(code[..3]))
        {
            return (code[..3], null, code.Length >= 6 ? code[3..6] : null);
        }

        if (code.StartsWith("IGO", StringComparison.Ordinal))
        {
            var org = _igoCodes.Where(p => code.StartsWith(p.Code, StringComparison.Ordinal)).OrderByDescending(p => p.Code.Length).Select(p => p.Org).FirstOrDefault();
            return (null, org ?? code, null);
        }

        return (null, null, code.Length >= 3 ? code[..3] : code);
    }

    private string Describe(Match m, string? note)
    {
        var e = m.Entry;
        var target = e.Kind switch
        {
            EntryKind.Country => $"{e.Country} {e.How}",
            EntryKind.Institution => $"institution {e.Country ?? "(country from context)"} {e.Sector}",
            EntryKind.Igo => $"igo {e.Org} {e.Sector}".TrimEnd(),
            EntryKind.Named => $"named {string.Join(' ', e.Codes.Select(c => CodeText(c) + (c.From is null && c.To is null ? "" : $" {c.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{c.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")))}",
            _ => $"agent {e.Sector}",
        };
        return $"\"{m.Surface}\" → {target} ({e.Source}: {e.Text}{(m.Folded ? ", folded key" : "")}{(note is null ? "" : ", " + note)})";
    }

    private List<Match> Scan(List<(string Word, bool Upper, bool Capital)> tokens)
    {
        // Every window of up to _maxWords words is looked up as it is, folded, and with its last word made singular.
        // The keys are built in one character buffer and looked up as spans; each word is folded once.
        var result = new List<Match>();
        var n = tokens.Count;
        var folded = new string[n];
        var longest = 0;
        for (var t = 0; t < n; t++)
        {
            folded[t] = NameKey.FoldWord(tokens[t].Word);
            longest = Math.Max(longest, Math.Max(tokens[t].Word.Length, folded[t].Length));
        }

        // a window's key: its words joined by spaces; a singular is at most one character longer than its word
        var buffer = new char[(Math.Min(_maxWords, Math.Max(n, 1)) * (longest + 2)) + 2];
        var loose = _loose.GetAlternateLookup<ReadOnlySpan<char>>();
        var fold = _fold.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < n)
        {
            Match? found = null;
            for (var len = Math.Min(_maxWords, n - i); len >= 1 && found is null; len--)
            {
                if (len == 1 && tokens[i].Word is "of" or "and" or "on" or "for" or "a" or "an")
                {
                    continue;
                }

                var upper = true;
                for (var j = i; j < i + len; j++)
                {
                    upper &= tokens[j].Upper;
                }

                // a name's first word and its last or second word are capitalised ("Ban Ki-moon", "Kassym-Jomart Tokayev")
                var capital = tokens[i].Capital && (tokens[i + len - 1].Capital || (len > 1 && tokens[i + 1].Capital));
                var length = JoinWords(tokens, null, i, len, buffer);
                var entry = loose.TryGetValue(buffer.AsSpan(0, length), out var list) ? Pick(list, upper, capital, null) : null;
                var isFolded = false;
                if (entry is null)
                {
                    // a single folded word is a transliteration of a person's name, not a place ("Alberto" is not Alberta)
                    var foldedLength = JoinWords(tokens, folded, i, len, buffer);
                    entry = fold.TryGetValue(buffer.AsSpan(0, foldedLength), out list)
                        ? Pick(list, upper, capital, k => k != EntryKind.Agent && (len > 1 || k is EntryKind.Named or EntryKind.Igo))
                        : null;
                    isFolded = entry is not null;
                }

                if (entry is null)
                {
                    var last = tokens[i + len - 1].Word;
                    var prefix = len > 1 ? JoinWords(tokens, null, i, len - 1, buffer) + 1 : 0;
                    if (len > 1)
                    {
                        buffer[prefix - 1] = ' ';
                    }

                    for (var form = 0; form < SingularForms && entry is null; form++)
                    {
                        if (Singular(last, form, buffer.AsSpan(prefix)) is var singular && singular >= 0
                            && loose.TryGetValue(buffer.AsSpan(0, prefix + singular), out list))
                        {
                            entry = Pick(list, upper, capital, k => k is EntryKind.Agent or EntryKind.Institution or EntryKind.Country);
                        }
                    }
                }

                if (entry is not null)
                {
                    found = new Match(i, i + len, entry, isFolded, new string(buffer, 0, JoinWords(tokens, null, i, len, buffer)));
                }
            }

            if (found is not null)
            {
                result.Add(found);
                i = found.End;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>Writes the words <paramref name="start"/> .. + <paramref name="count"/> (or their <paramref name="forms"/>) joined by spaces into <paramref name="buffer"/>; returns the length.</summary>
    private static int JoinWords(List<(string Word, bool Upper, bool Capital)> tokens, string[]? forms, int start, int count, char[] buffer)
    {
        var length = 0;
        for (var j = start; j < start + count; j++)
        {
            if (j > start)
            {
                buffer[length++] = ' ';
            }

            var word = forms is null ? tokens[j].Word : forms[j];
            word.CopyTo(buffer.AsSpan(length));
            length += word.Length;
        }

        return length;
    }

    /// <summary>Number of singular forms <see cref="Singular"/> tries, in the order of <see cref="Singulars"/>.</summary>
    private const int SingularForms = 4;

    /// <summary>
    /// The <paramref name="form"/>-th candidate of <see cref="Singulars"/> (-ies → -y, -men → -man, -es → -, -s → -)
    /// written into <paramref name="target"/>; its length, or -1 when that form does not apply to <paramref name="w"/>.
    /// </summary>
    private static int Singular(string w, int form, Span<char> target)
    {
        if (w.Length < 4)
        {
            return -1;
        }

        var (applies, cut, ending) = form switch
        {
            0 => (w.EndsWith("ies", StringComparison.Ordinal), 3, "y"),
            1 => (w.EndsWith("men", StringComparison.Ordinal), 3, "man"),
            2 => (w.EndsWith("es", StringComparison.Ordinal), 2, ""),
            _ => (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal), 1, ""),
        };
        if (!applies)
        {
            return -1;
        }

        w.AsSpan(0, w.Length - cut).CopyTo(target);
        ending.CopyTo(target[(w.Length - cut)..]);
        return w.Length - cut + ending.Length;
    }

    private static Entry? Pick(List<Entry> list, bool upper, bool capital, Func<EntryKind, bool>? allowed)
    {
        foreach (var e in list)
        {
            // names of persons and groups are written with capitals ("said" is no "Said")
            if ((!e.CaseSensitive || upper) && (capital || !NeedsCapital(e)) && (allowed is null || allowed(e.Kind)))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Persons, groups, cities and capitals must be written with a capital ("said", "nice" and "reading" are no names).</summary>
    private static bool NeedsCapital(Entry e) =>
        e.Kind == EntryKind.Named || (e.Kind == EntryKind.Country && e.How is "dictionary-alias" or "capital-metonym");

    private static IEnumerable<string> Singulars(string w)
    {
        if (w.Length < 4)
        {
            yield break;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return w[..^3] + "y";
        }

        if (w.EndsWith("men", StringComparison.Ordinal))
        {
            yield return w[..^3] + "man";
        }

        if (w.EndsWith("es", StringComparison.Ordinal))
        {
            yield return w[..^2];
        }

        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return w[..^1];
        }
    }

    private void Add(Entry e, string phrase)
    {
        var words = NameKey.Words(phrase);
        if (words.Count == 0)
        {
            return;
        }

        var caseSensitive = e.CaseSensitive || (words.Count == 1 && (words[0].Length <= 2 || CommonWords.Contains(words[0])));
        var entry = caseSensitive == e.CaseSensitive ? e : e with { CaseSensitive = true };
        _maxWords = Math.Max(_maxWords, Math.Min(words.Count, 16));
        AddTo(_loose, string.Join(' ', words), entry);
        AddTo(_fold, string.Join(' ', words.Select(NameKey.FoldWord)), entry);
    }

    private static void AddTo(Dictionary<string, List<Entry>> map, string key, Entry e)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Any(x => x.Kind == e.Kind && x.Country == e.Country && x.Org == e.Org && x.Sector == e.Sector && x.How == e.How && x.Name == e.Name))
        {
            list.Add(e);
        }
    }

    private void LoadCurated(string dir)
    {
        foreach (var row in ReadTsv(dir, "curated-igos.tsv"))
        {
            // org, sector, name, aliases, cameo
            var org = row[0];
            var sector = Empty(row[1]);
            var e = new Entry(EntryKind.Igo, null, org, sector, row[2], "igo", "curated-igos", row[2], false, 1, []);
            _orgNames.TryAdd(org, row[2]);
            foreach (var alias in Aliases(row[2], row[3]))
            {
                Add(e with { Text = alias, CaseSensitive = IsAcronym(alias) }, alias);
            }

            foreach (var code in row[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _igoCodes.Add((code, org));
            }
        }

        foreach (var row in ReadTsv(dir, "curated-institutions.tsv"))
        {
            // country, sector, name, aliases
            var e = new Entry(EntryKind.Institution, Empty(row[0]), null, Empty(row[1]), row[2], "institution", "curated-institutions", row[2], false, 0, []);
            foreach (var alias in Aliases(row[2], row[3]))
            {
                Add(e with { Text = alias, CaseSensitive = IsAcronym(alias) }, alias);
            }
        }
    }

    private void LoadCountries(List<string[]> rows)
    {
        foreach (var row in rows.Where(r => r[1] == "name" && r[3] == "world-countries"))
        {
            _countryNames.TryAdd(row[0], row[2]);
        }

        foreach (var row in rows.Where(r => r[1] == "name"))
        {
            _countryNames.TryAdd(row[0], row[2]);
        }

        foreach (var row in rows)
        {
            var (how, priority) = row[1] switch
            {
                "name" => ("country-name", 2),
                "official" => ("official-name", 2),
                "abbreviation" => ("abbreviation", 2),
                "demonym" or "nationality" => ("demonym", 3),
                "native" or "alt" => ("alternative-name", 4),
                "historical" or "cow" => ("historical-name", 4),
                "capital" => ("capital-metonym", 5),
                _ => ("dictionary-alias", 7),
            };
            var caseSensitive = row[1] == "abbreviation" || (row[1] == "alt" && row[2].Length <= 4 && row[2].All(c => !char.IsLower(c)));
            var name = _countryNames.GetValueOrDefault(row[0], row[0]);
            Add(new Entry(EntryKind.Country, row[0], null, null, name, how, row[3], row[2], caseSensitive, priority, []), row[2]);
        }
    }

    private void LoadNamed(List<string[]> rows, List<string[]> leaders)
    {
        var generic = new HashSet<string>(StringComparer.Ordinal) { "of", "and", "former", "new", "acting", "interim" };
        var surnames = new SortedDictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (key, list) in _loose)
        {
            if (list.Any(e => e.Kind is EntryKind.Agent or EntryKind.Country or EntryKind.Institution))
            {
                generic.UnionWith(key.Split(' '));
            }
        }

        void AddSurname(Entry person, IReadOnlyList<string> words)
        {
            var surname = words[^1];
            if (words.Count > 1 && surname.Length >= 4 && !generic.Contains(surname))
            {
                if (!surnames.TryGetValue(surname, out var people))
                {
                    surnames[surname] = people = [];
                }

                people.Add(person);
            }
        }

        // Curated leaders first: their dated roles come before PETRARCH2's for the same name (see MergeLeaderCodes).
        foreach (var person in leaders.GroupBy(r => r[3].Trim(), StringComparer.Ordinal))
        {
            var codes = person.Select(LeaderCode).ToList();
            var e = new Entry(EntryKind.Named, null, null, null, person.Key.ToUpperInvariant(), "named", "curated-leaders", person.Key, false, 5, codes);
            foreach (var name in person.SelectMany(r => Aliases(r[3], r[4])).Distinct(StringComparer.Ordinal))
            {
                Add(e with { Text = name }, name);
            }

            AddSurname(e, NameKey.Words(person.Key));
        }

        foreach (var group in rows.GroupBy(r => (r[0], r[1])))
        {
            var (source, primary) = group.Key;
            var codes = group.Where(r => r[2] == "code")
                .Select(r => new CodeRestriction(r[3], ParseIso(r[4]), ParseIso(r[5])))
                .Where(c => c.Code != "---")
                .ToList();
            if (codes.Count == 0)
            {
                continue;
            }

            var e = new Entry(EntryKind.Named, null, null, null, primary, "named", source, primary, false, 6, codes);
            if (source == "petrarch2-countries" && codes.Any(c => c.From is not null || c.To is not null))
            {
                AddSurname(e, NameKey.Words(primary));
            }

            foreach (var name in group.Where(r => r[2] == "alias").Select(r => r[3]).Prepend(primary))
            {
                var words = NameKey.Words(name);
                if (words.All(w => generic.Contains(w)))
                {
                    continue; // a bare title such as "GERMAN CHANCELLOR" is no name: agents and countries handle it
                }

                var shortWord = words.Count == 1 && words[0].Length <= (source == "petrarch2-countries" ? 3 : 5);
                Add(e with { Text = name, CaseSensitive = shortWord }, name);
            }
        }

        // A surname alone ("Lukashenka") finds the person; people sharing a surname pool their dated codes,
        // so the date still decides the country and role.
        foreach (var (surname, people) in surnames)
        {
            _givenNames[surname] = [.. people.Select(p => NameKey.Words(p.Name)).Where(w => w.Count > 1).Select(w => NameKey.FoldWord(w[0]))];
            var name = people.Count == 1 ? people[0].Name : surname.ToUpperInvariant();
            var codes = people.SelectMany(p => p.Codes).Distinct().ToList();
            Add(new Entry(EntryKind.Named, null, null, null, name, "named", "petrarch2-countries", surname.ToUpperInvariant() + " (surname)", false, 7, codes), surname);
        }

        MergeLeaderCodes(_loose);
        MergeLeaderCodes(_fold);
    }

    /// <summary>
    /// A curated leader who is also in PETRARCH2 under the same name keeps PETRARCH2's dated codes after the
    /// curated ones, so dates outside the curated roles still find the older role.
    /// </summary>
    private static void MergeLeaderCodes(Dictionary<string, List<Entry>> map)
    {
        foreach (var list in map.Values)
        {
            var i = list.FindIndex(x => x.Source == "curated-leaders");
            if (i < 0)
            {
                continue;
            }

            var own = list[i].Codes;
            var others = list.Where(x => x.Kind == EntryKind.Named && x.Source != "curated-leaders" && !x.Text.EndsWith("(surname)", StringComparison.Ordinal))
                .SelectMany(x => x.Codes)
                .Where(c => !own.Contains(c))
                .Distinct()
                .ToList();
            if (others.Count > 0)
            {
                list[i] = list[i] with { Codes = [.. own, .. others] };
            }
        }
    }

    /// <summary>One row of <c>curated-leaders.tsv</c> (country, org, sector, name, aliases, from, to, role) as a dated code.</summary>
    private static CodeRestriction LeaderCode(string[] row)
    {
        var country = Empty(row[0]);
        var org = Empty(row[1]);
        var sector = Empty(row[2]);
        var from = ParseIso(row[5]);
        var to = ParseIso(row[6]);
        if ((country is null) == (org is null) || sector is null || (from is null && row[5].Trim().Length > 0) || (to is null && row[6].Trim().Length > 0))
        {
            throw new ParleyException(Errors.DataFile, $"curated-leaders.tsv: row \"{string.Join(' ', row)}\" needs a country or an org (not both), a sector and ISO dates.");
        }

        return country is not null ? new CodeRestriction(country + sector, from, to) : new CodeRestriction(sector, from, to, org);
    }

    /// <summary>Country, organisation and sector of a code; curated IGO roles carry the organisation themselves.</summary>
    private (string? Country, string? Org, string? Sector) Decode(CodeRestriction c) =>
        c.Org is not null ? (null, c.Org, c.Code) : ParseCode(c.Code);

    private static string CodeText(CodeRestriction c) => c.Org is null ? c.Code : $"{c.Org} {c.Code}";

    private void LoadAgents(List<string[]> rows, List<string[]> curated)
    {
        foreach (var row in curated)
        {
            // phrase, sector, note; a sector in parentheses, "(GOV)", is weak: any other sector word in the phrase wins
            var sector = Empty(row[1]);
            var weak = sector is not null && sector.StartsWith('(') && sector.EndsWith(')');
            Add(new Entry(EntryKind.Agent, null, null, weak ? sector![1..^1] : sector, row[0].ToLowerInvariant(), "agent", "curated-agents", row[0], false, 8, [], weak), row[0]);
        }

        foreach (var row in rows)
        {
            var sector = Empty(row[2]);
            if (row[3] == "ngec-plover")
            {
                // NGEC's PLOVER agents use MED for medical and JRN for journalists; Parley reports CAMEO sectors (HLH health, MED media)
                sector = sector switch { "MED" => "HLH", "JRN" => "MED", _ => sector };

                // ~PTYOPP, an opposition party: the opposition is what matters for events (CAMEO OPP)
                if (sector == "PTY" && row[1].Contains("PTYOPP", StringComparison.Ordinal))
                {
                    sector = "OPP";
                }
            }
            Add(new Entry(EntryKind.Agent, null, null, sector, row[0].ToLowerInvariant(), "agent", row[3], row[0], false, row[3] == "ngec-plover" ? 9 : 10, []), row[0]);
        }
    }

    private static IEnumerable<string> Aliases(string name, string aliases) =>
        aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(name);

    /// <summary>An all-capitals alias of at most five letters (WHO, OSCE PA, KGB) matches only when written in capitals.</summary>
    private static bool IsAcronym(string alias) => !alias.Any(char.IsLower) && alias.Count(char.IsLetter) <= 5;

    private static string? Empty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? ParseIso(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Title(string s) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant());

    private static List<string[]> ReadTsv(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.DataFile, $"Actor data file {path} not found; rebuild with './parley build actors'.");
        }

        var rows = new List<string[]>();
        var first = true;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (first)
            {
                first = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new ParleyException(Errors.DataFile, $"Actor data file {path}: malformed line \"{line}\".");
            }

            if (fields.Length < 6)
            {
                Array.Resize(ref fields, 6);
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] ??= "";
                }
            }

            rows.Add(fields);
        }

        return rows;
    }

    internal enum EntryKind
    {
        Institution,
        Igo,
        Country,
        Named,
        Agent,
    }

    internal sealed record Entry(EntryKind Kind, string? Country, string? Org, string? Sector, string Name, string How, string Source, string Text, bool CaseSensitive, int Priority, List<CodeRestriction> Codes, bool Weak = false);

    private sealed record Match(int Start, int End, Entry Entry, bool Folded, string Surface);
}
