using Parley.Core;

namespace Parley.Events.Codebook;

/// <summary>
/// One noun term of a verb pattern: alternative phrases (lower case, words in order, the head last), from a
/// bare word, a braced phrase <c>{FINANCIAL AID}</c> or a synonym set <c>&amp;NEGOTIATION</c>.
/// </summary>
/// <param name="Phrases">The alternatives; a synonym set contributes all its phrases and their generated plurals.</param>
/// <param name="Label">The term as written in the dictionary (<c>&amp;NEGOTIATION</c>, <c>{FINANCIAL AID}</c>, <c>AID</c>).</param>
public sealed record PatternTerm(IReadOnlyList<IReadOnlyList<string>> Phrases, string Label)
{
    /// <summary>The head words of all alternatives (last word of each phrase).</summary>
    public IEnumerable<string> Heads => Phrases.Select(p => p[^1]);
}

/// <summary>A prepositional element of a pattern: <c>(FOR AID)</c>, <c>(BY/WITH PROTESTS)</c> or a bare <c>(AT)</c>.</summary>
/// <param name="Prepositions">Alternative prepositions, lower case.</param>
/// <param name="Object">The object term, or null when any object (or none) will do.</param>
public sealed record PatternPreposition(IReadOnlyList<string> Prepositions, PatternTerm? Object);

/// <summary>
/// A verb pattern of the CAMEO verb dictionary: nouns and prepositional phrases before and after the verb that,
/// found around a verb of the block, give the event its code.
/// </summary>
/// <param name="PreNouns">Noun terms before the verb (the subject side).</param>
/// <param name="PrePrepositions">Prepositional phrases before the verb.</param>
/// <param name="PostNouns">Noun terms after the verb (object side).</param>
/// <param name="PostPrepositions">Prepositional phrases after the verb.</param>
/// <param name="Code">CAMEO code for the source→recipient event; null for the null code <c>---</c> or an empty first half (<c>[:110]</c>).</param>
/// <param name="ReverseCode">
/// TABARI's second code after the colon: the event coded in the other direction, recipient→source (<c>WELCOME * VISIT
/// [043:042]</c>: the host hosts, the guest visits; <c>FACE * CRITICISM [:111]</c>: someone criticises the subject). Null when absent.
/// </param>
/// <param name="Comment">The dictionary's comment (usually the verb the pattern was written for).</param>
/// <param name="Line">1-based line number in the dictionary file.</param>
public sealed record VerbPattern(
    IReadOnlyList<PatternTerm> PreNouns,
    IReadOnlyList<PatternPreposition> PrePrepositions,
    IReadOnlyList<PatternTerm> PostNouns,
    IReadOnlyList<PatternPreposition> PostPrepositions,
    string? Code,
    string? ReverseCode,
    string Comment,
    int Line)
{
    /// <summary>True when the pattern says "no event" (<c>[---]</c>): it discards the readings it matches.</summary>
    public bool IsNull => Code is null && ReverseCode is null;

    /// <summary>Number of elements the pattern requires: more specific patterns win over less specific ones.</summary>
    public int Specificity => PreNouns.Count + PrePrepositions.Count + PostNouns.Count + PostPrepositions.Count
        + PreNouns.Concat(PostNouns).Sum(t => t.Phrases.Max(p => p.Count) - 1);
}

/// <summary>A verb of a block: its base form, the words around it for multiword verbs, and an optional own code.</summary>
/// <param name="Lemma">The verb's base form, lower case (<c>meet</c>).</param>
/// <param name="Before">Words of a multiword verb before the verb (<c>wire</c> in WIRE_+TAP), lower case.</param>
/// <param name="After">Words after the verb (<c>with</c> in +MEET_WITH), lower case.</param>
/// <param name="Forms">Inflected verb forms listed in braces (irregular forms), lower case; regular forms are left to the lemmatiser.</param>
/// <param name="Code">The verb's own code (<c>GREET [050]</c>), else null: the block's code applies.</param>
/// <param name="Line">1-based line number in the dictionary file.</param>
public sealed record VerbEntry(string Lemma, IReadOnlyList<string> Before, IReadOnlyList<string> After, IReadOnlyList<string> Forms, string? Code, int Line);

/// <summary>A verb synonym block: verbs that share patterns, with the block's default code.</summary>
/// <param name="Description">The block's title (<c>MEET_PEOPLE</c>).</param>
/// <param name="Code">Default CAMEO code of an isolated verb of the block; null for <c>---</c> (an isolated verb is no event).</param>
/// <param name="ReverseCode">Second code of the block header, if any (see <see cref="VerbPattern.ReverseCode"/>).</param>
/// <param name="Verbs">The verbs.</param>
/// <param name="Patterns">The patterns.</param>
/// <param name="Line">1-based line of the header.</param>
/// <param name="File">File name of the dictionary the block comes from (<c>CAMEO.2.0.txt</c> or <c>parley-verbs.txt</c>).</param>
public sealed record VerbBlock(string Description, string? Code, string? ReverseCode, IReadOnlyList<VerbEntry> Verbs, IReadOnlyList<VerbPattern> Patterns, int Line, string File);

/// <summary>
/// The PETRARCH2 CAMEO verb-pattern dictionary (<c>CAMEO.2.0.txt</c>): synonym sets, verb blocks with their patterns,
/// and an index from verb lemma to the blocks that hold it. Immutable after loading.
/// </summary>
/// <remarks>
/// Format (documented in PETRARCH2's <c>dictionaries.rst</c>): synonym sets <c>&amp;NAME</c> followed by <c>+PHRASE</c> lines
/// (underscores join words; regular plurals are generated unless the label or phrase ends with <c>_</c>); blocks open with
/// <c>--- TITLE [CODE] ---</c>, list verbs (<c>+</c> marks the verb inside a multiword verb, <c>{…}</c> irregular forms,
/// <c>[code]</c> a verb's own code), then patterns <c>- PRE * POST [CODE] # comment</c>. The transformations section
/// (<c>~</c> lines) is read as text only. Patterns using an undefined synonym set are skipped, as PETRARCH does, and counted in
/// <see cref="SkippedPatterns"/>.
/// </remarks>
public sealed class VerbDictionary
{
    /// <summary>The file name in the data folder.</summary>
    public const string FileName = "CAMEO.2.0.txt";

    private readonly Dictionary<string, List<(VerbBlock Block, VerbEntry Verb)>> _byLemma;

    private VerbDictionary(IReadOnlyList<VerbBlock> blocks, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> synsets, int skipped)
    {
        Blocks = blocks;
        Synsets = synsets;
        SkippedPatterns = skipped;
        _byLemma = new(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            foreach (var verb in block.Verbs)
            {
                if (!_byLemma.TryGetValue(verb.Lemma, out var list))
                {
                    _byLemma[verb.Lemma] = list = [];
                }

                list.Add((block, verb));
                foreach (var form in verb.Forms.Where(f => f != verb.Lemma))
                {
                    if (!_byLemma.TryGetValue(form, out var byForm))
                    {
                        _byLemma[form] = byForm = [];
                    }

                    byForm.Add((block, verb));
                }
            }
        }
    }

    /// <summary>The verb blocks in file order.</summary>
    public IReadOnlyList<VerbBlock> Blocks { get; }

    /// <summary>The synonym sets by label (with the <c>&amp;</c>), each a list of phrases (generated plurals included).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Synsets { get; }

    /// <summary>Patterns skipped because they use an undefined synonym set.</summary>
    public int SkippedPatterns { get; }

    /// <summary>Number of patterns loaded.</summary>
    public int PatternCount => Blocks.Sum(b => b.Patterns.Count);

    /// <summary>
    /// The blocks (and the verb entries in them) whose verb has this lemma, or lists it among its irregular forms
    /// (so a lemmatiser's miss on "met" still finds MEET); empty when none.
    /// </summary>
    public IReadOnlyList<(VerbBlock Block, VerbEntry Verb)> Lookup(string lemma) =>
        _byLemma.TryGetValue(lemma, out var list) ? list : [];

    /// <summary>Parley's corrections to the CAMEO dictionary, same format; its verbs replace the CAMEO entries of the same lemma.</summary>
    public const string OverridesFile = "parley-verbs.txt";

    /// <summary>
    /// Loads <see cref="FileName"/> and <see cref="OverridesFile"/> from <paramref name="dataDir"/> (default
    /// <see cref="EventData.Locate"/>); PRL2004 on malformed lines. A lemma listed in the overrides is looked up only there.
    /// </summary>
    public static VerbDictionary Load(string? dataDir = null)
    {
        dataDir ??= EventData.Locate();
        var path = Path.Combine(dataDir, FileName);
        var cameo = Parse(EventData.ReadLines(path), path);
        var overridesPath = Path.Combine(dataDir, OverridesFile);
        var overrides = Parse(EventData.ReadLines(overridesPath), overridesPath, cameo.Synsets);
        return cameo.OverriddenBy(overrides);
    }

    /// <summary>A dictionary whose blocks are this one's followed by <paramref name="overrides"/>' blocks, with lookups of an overridden lemma answered by the overrides alone.</summary>
    public VerbDictionary OverriddenBy(VerbDictionary overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new VerbDictionary([.. Blocks, .. overrides.Blocks], Synsets, SkippedPatterns + overrides.SkippedPatterns);
        foreach (var (lemma, entries) in overrides._byLemma)
        {
            merged._byLemma[lemma] = entries;
        }

        return merged;
    }

    /// <summary>
    /// Parses dictionary lines; <paramref name="name"/> names the source in error messages. <paramref name="known"/>
    /// gives synonym sets defined elsewhere (the overrides file may use CAMEO.2.0's sets); the file's own sets win.
    /// </summary>
    public static VerbDictionary Parse(IEnumerable<string> lines, string name, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>? known = null)
    {
        var synsets = known is null
            ? new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(known, StringComparer.Ordinal);
        var blocks = new List<VerbBlock>();
        List<IReadOnlyList<string>>? synset = null;
        var synsetNoPlural = false;
        (string Title, string? Code, string? Reverse, int Line, List<VerbEntry> Verbs, List<VerbPattern> Patterns)? block = null;
        var skipped = 0;
        var lineNo = 0;
        var inTransformations = false;

        void CloseBlock()
        {
            if (block is { } b)
            {
                blocks.Add(new VerbBlock(b.Title, b.Code, b.Reverse, b.Verbs, b.Patterns, b.Line, Path.GetFileName(name)));
            }

            block = null;
        }

        foreach (var raw in lines)
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? raw[(hash + 1)..].Trim() : "";
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (raw.StartsWith("######## TRANSFORMATIONS", StringComparison.Ordinal) || raw.StartsWith("####### TRANSFORMATIONS", StringComparison.Ordinal))
            {
                CloseBlock();
                inTransformations = true;
            }

            if (line.Length == 0 || inTransformations)
            {
                continue;
            }

            if (line[0] == '&')
            {
                CloseBlock();
                var label = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                synsetNoPlural = label.EndsWith('_');
                synset = [];
                synsets[label.TrimEnd('_')] = synset;
                if (synsetNoPlural)
                {
                    synsets[label] = synset;
                }

                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                CloseBlock();
                synset = null;
                var inner = line.Trim('-').Trim();
                var (codeText, rest) = TakeCode(inner);
                var (code, reverse) = ParseCode(codeText, name, lineNo);
                block = (rest.Trim(), code, reverse, lineNo, [], []);
                continue;
            }

            if (block is null)
            {
                if (synset is not null && line[0] == '+')
                {
                    var phrase = line[1..].Trim();
                    var noPlural = synsetNoPlural || phrase.EndsWith('_');
                    var words = Words(phrase.TrimEnd('_'));
                    if (words.Count > 0)
                    {
                        synset.Add(words);
                        if (!noPlural)
                        {
                            synset.Add([.. words.Take(words.Count - 1), Plural(words[^1])]);
                        }
                    }

                    continue;
                }

                throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: unexpected line outside a synonym set or verb block: \"{raw.Trim()}\".");
            }

            if (line[0] == '-')
            {
                var pattern = ParsePattern(line[1..], comment, synsets, name, lineNo);
                if (pattern is null)
                {
                    skipped++;
                }
                else
                {
                    block.Value.Patterns.Add(pattern);
                }

                continue;
            }

            block.Value.Verbs.Add(ParseVerb(line, name, lineNo));
        }

        CloseBlock();
        return new VerbDictionary(blocks, synsets, skipped);
    }

    private static VerbEntry ParseVerb(string line, string name, int lineNo)
    {
        var (codeText, rest) = TakeCode(line);
        string? code = null;
        if (codeText is not null)
        {
            (code, _) = ParseCode(codeText, name, lineNo);
        }

        var brace = rest.IndexOf('{', StringComparison.Ordinal);
        var head = (brace >= 0 ? rest[..brace] : rest).Trim();
        var forms = new List<string>();
        if (brace >= 0)
        {
            var close = rest.IndexOf('}', brace);
            var inside = close > brace ? rest[(brace + 1)..close] : rest[(brace + 1)..];
            foreach (var form in inside.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var marked = form.Split('_').FirstOrDefault(w => w.StartsWith('+')) ?? form;
                forms.Add(marked.TrimStart('+').ToLowerInvariant());
            }
        }

        var parts = head.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].Split('_', StringSplitOptions.RemoveEmptyEntries);
        var verbIndex = Array.FindIndex(parts, p => p.StartsWith('+'));
        if (verbIndex < 0)
        {
            verbIndex = 0;
        }

        var words = parts.Select(p => p.TrimStart('+').ToLowerInvariant()).ToArray();
        return new VerbEntry(words[verbIndex], words[..verbIndex], words[(verbIndex + 1)..], forms, code, lineNo);
    }

    private static VerbPattern? ParsePattern(string text, string comment, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> synsets, string name, int lineNo)
    {
        var (codeText, body) = TakeCode(text);
        if (codeText is null)
        {
            throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: pattern without a [code].");
        }

        var (code, reverse) = ParseCode(codeText, name, lineNo);
        var preNouns = new List<PatternTerm>();
        var prePreps = new List<PatternPreposition>();
        var postNouns = new List<PatternTerm>();
        var postPreps = new List<PatternPreposition>();
        var afterVerb = false;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '*')
            {
                afterVerb = true;
                i++;
                continue;
            }

            if (c == '(')
            {
                var close = body.IndexOf(')', i);
                if (close < 0)
                {
                    throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: unclosed '(' in pattern.");
                }

                var inside = body[(i + 1)..close].Trim();
                i = close + 1;
                var space = inside.IndexOf(' ', StringComparison.Ordinal);
                var preps = (space < 0 ? inside : inside[..space]).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToLowerInvariant()).ToArray();
                PatternTerm? obj = null;
                if (space >= 0 && !IsActorSymbol(inside[(space + 1)..].Trim()))
                {
                    obj = Term(inside[(space + 1)..].Trim(), synsets);
                    if (obj is null)
                    {
                        return null;
                    }
                }

                (afterVerb ? postPreps : prePreps).Add(new PatternPreposition(preps, obj));
                continue;
            }

            int end;
            if (c == '{')
            {
                end = body.IndexOf('}', i);
                if (end < 0)
                {
                    throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: unclosed '{{' in pattern.");
                }

                end++;
            }
            else
            {
                end = i;
                while (end < body.Length && !char.IsWhiteSpace(body[end]) && body[end] is not '(' and not '{')
                {
                    end++;
                }
            }

            var token = body[i..end];
            i = end;
            if (IsActorSymbol(token))
            {
                continue;
            }

            var term = Term(token, synsets);
            if (term is null)
            {
                return null;
            }

            (afterVerb ? postNouns : preNouns).Add(term);
        }

        return new VerbPattern(preNouns, prePreps, postNouns, postPreps, code, reverse, comment, lineNo);
    }

    /// <summary>TABARI's actor and skip markers (<c>$</c> source, <c>+</c> target, <c>^</c> skip, <c>%</c> compound): read as "any phrase".</summary>
    private static bool IsActorSymbol(string token) => token is "$" or "+" or "^" or "%";

    private static PatternTerm? Term(string text, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> synsets)
    {
        text = text.Trim();
        if (text.StartsWith('{'))
        {
            // a braced phrase may hold a synonym set as one of its words: {CENSURE &PROPOSAL}
            var words = text.Trim('{', '}').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            IEnumerable<List<string>> phrases = [[]];
            foreach (var word in words)
            {
                if (word.StartsWith('&'))
                {
                    if (!synsets.TryGetValue(word.TrimEnd('_'), out var set))
                    {
                        return null;
                    }

                    phrases = [.. phrases.SelectMany(p => set.Select(s => new List<string>([.. p, .. s])))];
                }
                else
                {
                    phrases = [.. phrases.Select(p => new List<string>([.. p, .. Words(word)]))];
                }
            }

            return new PatternTerm([.. phrases], text);
        }

        if (text.StartsWith('&'))
        {
            return synsets.TryGetValue(text.TrimEnd('_'), out var set) ? new PatternTerm(set, text) : null;
        }

        return new PatternTerm([Words(text)], text);
    }

    private static List<string> Words(string phrase) =>
        [.. phrase.Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    /// <summary>PETRARCH's regular plural: +S, +IES after a consonant and Y, +ES after SS (lower case).</summary>
    internal static string Plural(string word)
    {
        if (word.EndsWith('y') && word.Length > 1 && "aeiou".IndexOf(word[^2], StringComparison.Ordinal) < 0)
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith("ss", StringComparison.Ordinal) ? word + "es" : word + "s";
    }

    private static (string? Code, string Remainder) TakeCode(string text)
    {
        var open = text.LastIndexOf('[');
        var close = text.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return (null, text);
        }

        return (text[(open + 1)..close].Trim(), text[..open] + text[(close + 1)..]);
    }

    private static (string? Code, string? Reverse) ParseCode(string? text, string name, int lineNo)
    {
        if (text is null)
        {
            return (null, null);
        }

        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: bad code [{text}].");
        }

        string? One(string part)
        {
            // one pattern carries TABARI's "!" marker after its code ([080!]); the code itself is kept
            part = part.Trim().TrimEnd('!');
            if (part.Length == 0 || part.All(ch => ch == '-'))
            {
                return null;
            }

            return part.All(char.IsAsciiDigit)
                ? part
                : throw new ParleyException(Errors.DataFile, $"{name}:{lineNo}: bad code [{text}].");
        }

        return (One(parts[0]), parts.Length == 2 ? One(parts[1]) : null);
    }
}
