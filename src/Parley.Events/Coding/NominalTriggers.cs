using Parley.Core;
using Parley.Events.Codebook;

namespace Parley.Events.Coding;

/// <summary>An event noun: a happening named by a noun ("meeting", "visit", "sanctions").</summary>
/// <param name="Lemma">The noun's lemma.</param>
/// <param name="Cameo">Its CAMEO code.</param>
/// <param name="RecipientPrepositions">Prepositions whose object is the recipient ("meeting with X", "visit to X").</param>
/// <param name="Modifiers">Modifier words that change the code ("telephone conversation" → 041).</param>
/// <param name="Requires"><c>plural</c> (only the plural form triggers), <c>modifier</c> (only with a listed modifier) or <c>-</c>.</param>
/// <param name="Line">1-based line in the data file.</param>
internal sealed record EventNoun(string Lemma, string Cameo, IReadOnlyList<string> RecipientPrepositions, IReadOnlyDictionary<string, string> Modifiers, string Requires, int Line);

/// <summary>The event nouns of <c>data/events/parley-nominals.tsv</c>.</summary>
internal sealed class NominalTriggers
{
    public const string FileName = "parley-nominals.tsv";

    private readonly Dictionary<string, EventNoun> _nouns;

    private NominalTriggers(Dictionary<string, EventNoun> nouns) => _nouns = nouns;

    public int Count => _nouns.Count;

    public static NominalTriggers Load(string? dataDir = null)
    {
        var path = Path.Combine(dataDir ?? EventData.Locate(), FileName);
        var nouns = new Dictionary<string, EventNoun>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var line in EventData.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length < 5 || !c[1].All(char.IsAsciiDigit) || c[4] is not ("plural" or "modifier" or "-"))
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{lineNo}: expected lemma, cameo, prepositions, modifiers, requires.");
            }

            var mods = c[3] == "-"
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : c[3].Split(',').Select(x => x.Split('=')).ToDictionary(x => x[0], x => x[1], StringComparer.Ordinal);
            nouns[c[0]] = new EventNoun(c[0], c[1], c[2].Split(',', StringSplitOptions.RemoveEmptyEntries), mods, c[4], lineNo);
        }

        return new NominalTriggers(nouns);
    }

    /// <summary>The event noun at <paramref name="word"/> and its effective code, or null.</summary>
    public (EventNoun Noun, string Cameo)? Match(SentenceGraph g, int word)
    {
        if (g.UPos(word) is not ("NOUN" or "PROPN") || !_nouns.TryGetValue(g.Lemmas[word], out var noun))
        {
            return null;
        }

        string? code = null;
        foreach (var c in g.Children(word))
        {
            if (g.BaseRelation(c) is "compound" or "amod" && noun.Modifiers.TryGetValue(g.Lemmas[c], out var m))
            {
                code = m;
            }
        }

        if (noun.Requires == "modifier" && code is null)
        {
            return null;
        }

        if (noun.Requires == "plural" && g.Forms[word] == g.Lemmas[word])
        {
            return null;
        }

        return (noun, code ?? noun.Cameo);
    }
}
