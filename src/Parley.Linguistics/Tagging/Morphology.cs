namespace Parley.Linguistics.Tagging;

/// <summary>
/// Lemmas and morphological features for tagged words, learned from the training corpora: a lexicon of
/// (form, XPOS) → lemma and (form, XPOS) → FEATS, with English suffix rules for unseen words and the most
/// frequent FEATS of the XPOS as fallback. Thread-safe once built.
/// </summary>
public sealed class Morphology
{
    private const string Magic = "PARLEY-MORPH";
    private const int FormatVersion = 1;

    private readonly Dictionary<string, string> _lemmas;
    private readonly Dictionary<string, string> _feats;
    private readonly HashSet<string> _knownLemmas;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lemmaKeys;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _featKeys;

    private Morphology(Dictionary<string, string> lemmas, Dictionary<string, string> feats, HashSet<string> knownLemmas)
    {
        _lemmas = lemmas;
        _feats = feats;
        _knownLemmas = knownLemmas;
        _lemmaKeys = lemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        _featKeys = feats.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of lexicon entries.</summary>
    public int Count => _lemmas.Count;

    private static string Key(string form, string xpos) => form + "\t" + xpos;

    /// <summary>Looks up the key <see cref="Key"/> would build (the form lower-cased when <paramref name="lower"/>) without building it.</summary>
    private static bool TryGet(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> table, string form, string xpos, bool lower, out string value)
    {
        xpos ??= string.Empty; // as the concatenation of Key did
        var length = form.Length + 1 + xpos.Length;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        if (lower)
        {
            form.AsSpan().ToLowerInvariant(key);
        }
        else
        {
            form.AsSpan().CopyTo(key);
        }

        key[form.Length] = '\t';
        xpos.AsSpan().CopyTo(key[(form.Length + 1)..]);
        return table.TryGetValue(key, out value!);
    }

    /// <summary>Learns the lexicon; the most frequent analysis wins, ties broken by ordinal order (deterministic).</summary>
    public static Morphology Train(IEnumerable<AnnotatedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var featCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Forms.Length; i++)
            {
                var form = s.Forms[i];
                Count(lemmaCounts, Key(form, s.XPos[i]), s.Lemmas[i]);
                Count(lemmaCounts, Key(form.ToLowerInvariant(), s.XPos[i]), s.Lemmas[i]);
                Count(featCounts, Key(form.ToLowerInvariant(), s.XPos[i]), s.Feats[i]);
                Count(featCounts, Key(string.Empty, s.XPos[i]), s.Feats[i]);
            }
        }

        var known = new HashSet<string>(lemmaCounts.Values.SelectMany(d => d.Keys).Select(l => l.ToLowerInvariant()), StringComparer.Ordinal);
        return new Morphology(Best(lemmaCounts), Best(featCounts), known);

        static void Count(Dictionary<string, Dictionary<string, int>> table, string key, string value)
        {
            if (!table.TryGetValue(key, out var d))
            {
                table[key] = d = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            d[value] = d.GetValueOrDefault(value) + 1;
        }

        static Dictionary<string, string> Best(Dictionary<string, Dictionary<string, int>> table) =>
            table.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key,
                StringComparer.Ordinal);
    }

    /// <summary>The lemma of a word given its tags: the lexicon, else suffix rules by XPOS.</summary>
    public string Lemma(string form, string upos, string xpos)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (TryGet(_lemmaKeys, form, xpos, lower: false, out var lemma) || TryGet(_lemmaKeys, form, xpos, lower: true, out lemma))
        {
            return lemma;
        }

        if (upos is "PROPN" && xpos is not "NNPS")
        {
            return form;
        }

        var lower = upos is "PROPN" ? form : form.ToLowerInvariant();
        return xpos switch
        {
            "NNS" or "NNPS" => Plural(lower),
            "VBZ" => Plural(lower),
            "VBD" or "VBN" => Strip(lower, "ed") ?? lower,
            "VBG" => Strip(lower, "ing") ?? lower,
            "JJR" or "RBR" => Strip(lower, "er") ?? lower,
            "JJS" or "RBS" => Strip(lower, "est") ?? lower,
            _ => lower,
        };
    }

    /// <summary>Morphological features (<c>_</c> when none): the lexicon for the form and tag, else the tag's most frequent.</summary>
    public string Feats(string form, string xpos)
    {
        ArgumentNullException.ThrowIfNull(form);
        return TryGet(_featKeys, form, xpos, lower: true, out var f) || TryGet(_featKeys, string.Empty, xpos, lower: false, out f) ? f : "_";
    }

    private string Plural(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 3)
        {
            var stem = w[..^2];
            // boxes, passes, buzzes, churches, wishes lose "es"; sizes, uses, organizes keep their e.
            if (stem.EndsWith('x') || stem.EndsWith("ss", StringComparison.Ordinal) || stem.EndsWith("zz", StringComparison.Ordinal) || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal))
            {
                return stem;
            }
        }

        return w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 2 ? w[..^1] : w;
    }

    /// <summary>Strips a suffix, restoring a final e or undoubling a consonant when that gives a known lemma.</summary>
    private string? Strip(string w, string suffix)
    {
        if (!w.EndsWith(suffix, StringComparison.Ordinal) || w.Length <= suffix.Length + 1)
        {
            return null;
        }

        var stem = w[..^suffix.Length];
        if (suffix is "ed" or "er" or "est" && stem.EndsWith('i'))
        {
            return stem[..^1] + "y";
        }

        if (_knownLemmas.Contains(stem))
        {
            return stem;
        }

        if (_knownLemmas.Contains(stem + "e"))
        {
            return stem + "e";
        }

        if (stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal))
        {
            return stem[..^1];
        }

        return stem;
    }

    /// <summary>Saves the lexicon (binary, deterministic).</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Magic, FormatVersion, w =>
    {
        WriteTable(w, _lemmas);
        WriteTable(w, _feats);
        w.Write(_knownLemmas.Count);
        foreach (var l in _knownLemmas.Order(StringComparer.Ordinal))
        {
            w.Write(l);
        }
    });

    /// <summary>Loads a lexicon written by <see cref="Save"/>.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 for a file that is not a Parley morphology lexicon, or is cut short.</exception>
    public static Morphology Load(Stream stream) => ModelFile.Load(stream, Magic, FormatVersion, "morphology lexicon", r =>
    {
        var lemmas = ReadTable(r);
        var feats = ReadTable(r);
        var n = r.ReadInt32();
        var known = new HashSet<string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            known.Add(r.ReadString());
        }

        return new Morphology(lemmas, feats, known);
    });

    private static void WriteTable(BinaryWriter w, Dictionary<string, string> table)
    {
        w.Write(table.Count);
        foreach (var (k, v) in table.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    private static Dictionary<string, string> ReadTable(BinaryReader r)
    {
        var n = r.ReadInt32();
        var table = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var k = r.ReadString();
            table[k] = r.ReadString();
        }

        return table;
    }
}
