using System.Runtime.CompilerServices;
namespace Parley.Linguistics.Tagging;

/// <summary>
/// A greedy left-to-right part-of-speech tagger (averaged perceptron over hashed lexical, shape,
/// context and tag-history features) predicting UPOS and XPOS jointly as one label. Loaded once,
/// then thread-safe. Trained by <see cref="Train"/> on UD CoNLL-U, deterministically for a seed.
/// </summary>
public sealed class PosTagger
{
    private const string Magic = "PARLEY-POS";
    private const int FormatVersion = 1;

    private readonly string[] _labels;
    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly SparseLinearModel _model;
    private readonly Dictionary<string, int> _tagDictionary;
    private readonly Dictionary<string, ulong> _ambiguity;

    private PosTagger(string[] labels, SparseLinearModel model, Dictionary<string, int> tagDictionary, Dictionary<string, ulong> ambiguity)
    {
        _labels = labels;
        _upos = labels.Select(l => l[..l.IndexOf('|', StringComparison.Ordinal)]).ToArray();
        _xpos = labels.Select(l => l[(l.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToArray();
        _model = model;
        _tagDictionary = tagDictionary;
        _ambiguity = ambiguity;
    }

    /// <summary>Number of distinct UPOS|XPOS labels.</summary>
    public int LabelCount => _labels.Length;

    /// <summary>Number of features kept after pruning.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>Tags one sentence of words.</summary>
    /// <returns>UPOS and XPOS per word.</returns>
    public (string[] UPos, string[] XPos) Tag(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var ids = TagIds(words);
        var upos = new string[ids.Length];
        var xpos = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            upos[i] = _upos[ids[i]];
            xpos[i] = _xpos[ids[i]];
        }

        return (upos, xpos);
    }

    private int[] TagIds(IReadOnlyList<string> words)
    {
        var n = words.Count;
        var result = new int[n];
        SentenceIds? ids = null;
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        Span<float> scores = _labels.Length <= 256 ? stackalloc float[_labels.Length] : new float[_labels.Length];
        for (var i = 0; i < n; i++)
        {
            if (_tagDictionary.TryGetValue(words[i], out var known))
            {
                result[i] = known;
                continue;
            }

            ids ??= new SentenceIds(words, _ambiguity);
            var k = Features(ids, i, result, feats);
            _model.Score(feats[..k], scores);
            result[i] = ArgMax(scores);
        }

        return result;
    }

    private const int MaxFeatures = 32;

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Lower-cased, digit-normalised form used by most features.</summary>
    internal static string Normalize(string w)
    {
        var hasLetter = false;
        var hasDigit = false;
        foreach (var c in w)
        {
            hasLetter |= char.IsLetter(c);
            hasDigit |= char.IsDigit(c);
        }

        if (hasDigit && !hasLetter)
        {
            return w.Length == 4 && w.All(char.IsDigit) ? "!YEAR" : "!DIGITS";
        }

        return w.ToLowerInvariant();
    }

    /// <summary>
    /// <see cref="Normalize(string)"/> without allocating: the normalised form in <paramref name="buffer"/> (or a
    /// constant), or null when the word is longer than the buffer (then call the string overload).
    /// </summary>
    internal static ReadOnlySpan<char> Normalize(string w, Span<char> buffer, out bool fits)
    {
        var hasLetter = false;
        var hasDigit = false;
        var allDigits = true;
        foreach (var c in w)
        {
            var digit = char.IsDigit(c);
            hasLetter |= char.IsLetter(c);
            hasDigit |= digit;
            allDigits &= digit;
        }

        fits = true;
        if (hasDigit && !hasLetter)
        {
            return w.Length == 4 && allDigits ? "!YEAR" : "!DIGITS";
        }

        if (w.Length > buffer.Length)
        {
            fits = false;
            return default;
        }

        var length = w.AsSpan().ToLowerInvariant(buffer);
        return buffer[..length];
    }

    /// <summary>The word's shape (X, x, d, other characters; runs collapsed, at most 6) in <paramref name="buffer"/> (6 chars).</summary>
    private static ReadOnlySpan<char> WordShape(string w, Span<char> buffer)
    {
        var length = 0;
        var last = '\0';
        foreach (var ch in w)
        {
            var s = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (s != last)
            {
                buffer[length++] = s;
                last = s;
            }

            if (length >= 6)
            {
                break;
            }
        }

        return buffer[..length];
    }

    private static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> s, int n) => s.Length <= n ? s : s[^n..];

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> s, int n) => s.Length <= n ? s : s[..n];

    private static bool HasDigit(string w)
    {
        foreach (var c in w)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per-token hashed ids computed once per sentence, so that features only combine integers.</summary>
    private sealed class SentenceIds
    {
        public SentenceIds(IReadOnlyList<string> words, Dictionary<string, ulong> amb)
        {
            var n = words.Count;
            Norm = new ulong[n + 4];
            Suf1 = new ulong[n];
            Suf2 = new ulong[n];
            Suf3 = new ulong[n + 4];
            Suf4 = new ulong[n];
            Pre1 = new ulong[n];
            Pre3 = new ulong[n];
            Shape = new ulong[n];
            Exact = new ulong[n];
            Amb = new ulong[n + 4];
            Flags = new ulong[n];
            var ambiguity = amb.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> buffer = stackalloc char[64];
            Span<char> shape = stackalloc char[6];
            for (var i = 0; i < n; i++)
            {
                var w = words[i];
                var norm = Normalize(w, buffer, out var fits);
                if (!fits)
                {
                    norm = Normalize(w);
                }

                Norm[i + 2] = FeatureHash.Of(1, norm);
                Suf1[i] = FeatureHash.Of(2, Suffix(norm, 1));
                Suf2[i] = FeatureHash.Of(3, Suffix(norm, 2));
                Suf3[i + 2] = FeatureHash.Of(4, Suffix(norm, 3));
                Suf4[i] = FeatureHash.Of(5, Suffix(norm, 4));
                Pre1[i] = FeatureHash.Of(6, Prefix(norm, 1));
                Pre3[i] = FeatureHash.Of(7, Prefix(norm, 3));
                Shape[i] = FeatureHash.Of(8, WordShape(w, shape));
                Exact[i] = FeatureHash.Of(9, w);
                Amb[i + 2] = ambiguity.TryGetValue(norm, out var a) ? a : 7UL;
                Flags[i] = (w.Contains('-', StringComparison.Ordinal) ? 1UL : 0) | (HasDigit(w) ? 2UL : 0) | (i == 0 ? 4UL : 0);
            }

            // padding: two positions before (index 0, 1) and after the sentence
            Norm[0] = 11;
            Norm[1] = 12;
            Norm[n + 2] = 13;
            Norm[n + 3] = 14;
            Suf3[0] = 11;
            Suf3[1] = 12;
            Suf3[n + 2] = 13;
            Suf3[n + 3] = 14;
            Amb[0] = 11;
            Amb[1] = 12;
            Amb[n + 2] = 13;
            Amb[n + 3] = 14;
        }

        public ulong[] Norm { get; }

        public ulong[] Suf1 { get; }

        public ulong[] Suf2 { get; }

        public ulong[] Suf3 { get; }

        public ulong[] Suf4 { get; }

        public ulong[] Pre1 { get; }

        public ulong[] Pre3 { get; }

        public ulong[] Shape { get; }

        public ulong[] Exact { get; }

        public ulong[] Amb { get; }

        public ulong[] Flags { get; }
    }

    private static ulong F(int t, ulong a) => FeatureHash.Combine((ulong)t * 0x2545F4914F6CDD1DUL, a);

    private static ulong F(int t, ulong a, ulong b) => FeatureHash.Combine(F(t, a), b);

    private static ulong F(int t, ulong a, ulong b, ulong c) => FeatureHash.Combine(F(t, a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Features(SentenceIds ids, int i, int[] tags, Span<ulong> f)
    {
        // padded arrays: position i of the sentence is index i + 2
        var p = i + 2;
        var t1 = i > 0 ? (ulong)tags[i - 1] + 100 : 1UL;
        var t2 = i > 1 ? (ulong)tags[i - 2] + 100 : 2UL;
        var norm = ids.Norm[p];
        var k = 0;
        f[k++] = F(0, 0);
        f[k++] = F(1, norm);
        f[k++] = F(2, ids.Suf3[p]);
        f[k++] = F(3, ids.Pre1[i]);
        f[k++] = F(4, ids.Shape[i]);
        f[k++] = F(5, ids.Norm[p - 1]);
        f[k++] = F(6, ids.Norm[p + 1]);
        f[k++] = F(7, ids.Norm[p - 2]);
        f[k++] = F(8, ids.Norm[p + 2]);
        f[k++] = F(9, t1);
        f[k++] = F(10, t2, t1);
        f[k++] = F(11, t1, norm);
        f[k++] = F(12, ids.Suf3[p - 1]);
        f[k++] = F(13, ids.Suf3[p + 1]);
        f[k++] = F(14, ids.Amb[p]);
        f[k++] = F(15, ids.Amb[p + 1]);
        f[k++] = F(16, ids.Amb[p + 2]);
        f[k++] = F(17, ids.Suf4[i]);
        f[k++] = F(18, ids.Pre3[i]);
        f[k++] = F(19, ids.Flags[i] & 4, ids.Shape[i]);
        f[k++] = F(20, ids.Exact[i]);
        f[k++] = F(21, t1, ids.Suf3[p]);
        f[k++] = F(22, ids.Suf2[i]);
        f[k++] = F(23, ids.Suf1[i]);
        f[k++] = F(24, ids.Norm[p - 1], norm);
        f[k++] = F(25, norm, ids.Norm[p + 1]);
        f[k++] = F(26, ids.Amb[p], ids.Amb[p + 1]);
        f[k++] = F(27, t1, ids.Amb[p]);
        f[k++] = F(28, ids.Flags[i] & 3);
        return k;
    }

    /// <summary>
    /// Trains a tagger. Deterministic: the same sentences, iterations and seed give the same model.
    /// </summary>
    /// <param name="sentences">Gold sentences.</param>
    /// <param name="iterations">Passes over the data.</param>
    /// <param name="seed">Seed of the per-pass shuffle.</param>
    /// <param name="pruneThreshold">Averaged weights below this magnitude are dropped.</param>
    /// <param name="progress">Called after each pass with the pass number and its training accuracy.</param>
    public static PosTagger Train(IReadOnlyList<AnnotatedSentence> sentences, int iterations = 10, int seed = 1, float pruneThreshold = 0.05f, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Forms.Length; i++)
            {
                labelIds.TryAdd(s.UPos[i] + "|" + s.XPos[i], labelIds.Count);
            }
        }

        // Labels sorted so that ids do not depend on corpus order beyond the set itself.
        var labels = labelIds.Keys.Order(StringComparer.Ordinal).ToArray();
        if (labels.Length > 255)
        {
            throw new InvalidOperationException("More than 255 POS labels.");
        }

        labelIds = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var gold = sentences.Select(s => s.Forms.Select((_, i) => labelIds[s.UPos[i] + "|" + s.XPos[i]]).ToArray()).ToArray();
        var tagDict = BuildTagDictionary(sentences, gold);
        var ambiguity = BuildAmbiguityClasses(sentences, gold);

        var perceptron = new AveragedPerceptron(labels.Length);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(seed);
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        var scores = new float[labels.Length];
        for (var it = 1; it <= iterations; it++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var si in order)
            {
                var words = sentences[si].Forms;
                var tags = new int[words.Length];
                var ids = new SentenceIds(words, ambiguity);
                for (var i = 0; i < words.Length; i++)
                {
                    int guess;
                    if (tagDict.TryGetValue(words[i], out var known))
                    {
                        guess = known;
                    }
                    else
                    {
                        var k = Features(ids, i, tags, feats);
                        perceptron.Tick();
                        perceptron.Score(feats[..k], scores);
                        guess = ArgMax(scores);
                        perceptron.Update(feats[..k], gold[si][i], guess);
                    }

                    tags[i] = guess;
                    correct += guess == gold[si][i] ? 1 : 0;
                    total++;
                }
            }

            progress?.Invoke(it, (double)correct / Math.Max(1, total));
        }

        return new PosTagger(labels, perceptron.Compile(pruneThreshold), tagDict, ambiguity);
    }

    private static Dictionary<string, int> BuildTagDictionary(IReadOnlyList<AnnotatedSentence> sentences, int[][] gold)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var i = 0; i < sentences[s].Forms.Length; i++)
            {
                var w = sentences[s].Forms[i];
                if (!counts.TryGetValue(w, out var byTag))
                {
                    counts[w] = byTag = [];
                }

                byTag[gold[s][i]] = byTag.GetValueOrDefault(gold[s][i]) + 1;
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, byTag) in counts)
        {
            var n = byTag.Values.Sum();
            var (tag, top) = byTag.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).First();
            if (n >= 20 && top >= 0.99 * n)
            {
                result[w] = tag;
            }
        }

        return result;
    }

    private static Dictionary<string, ulong> BuildAmbiguityClasses(IReadOnlyList<AnnotatedSentence> sentences, int[][] gold)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var i = 0; i < sentences[s].Forms.Length; i++)
            {
                var w = Normalize(sentences[s].Forms[i]);
                if (!counts.TryGetValue(w, out var byTag))
                {
                    counts[w] = byTag = [];
                }

                byTag[gold[s][i]] = byTag.GetValueOrDefault(gold[s][i]) + 1;
            }
        }

        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var (w, byTag) in counts)
        {
            var n = byTag.Values.Sum();
            if (n < 2)
            {
                continue;
            }

            var h = FeatureHash.Start(99);
            foreach (var t in byTag.Where(kv => kv.Value >= 0.05 * n).Select(kv => kv.Key).Order())
            {
                h = FeatureHash.Mix(h, (ulong)t);
            }

            result[w] = h;
        }

        return result;
    }

    /// <summary>Saves the model (binary, deterministic byte for byte).</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Magic, FormatVersion, w =>
    {
        w.Write(_labels.Length);
        foreach (var l in _labels)
        {
            w.Write(l);
        }

        w.Write(_tagDictionary.Count);
        foreach (var (word, tag) in _tagDictionary.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write((byte)tag);
        }

        w.Write(_ambiguity.Count);
        foreach (var (word, h) in _ambiguity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(h);
        }

        _model.Write(w);
    });

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 when the stream is not a Parley POS model, or is cut short.</exception>
    public static PosTagger Load(Stream stream) => ModelFile.Load(stream, Magic, FormatVersion, "POS model", r =>
    {
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = r.ReadString();
        }

        var n = r.ReadInt32();
        var tagDict = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var word = r.ReadString();
            tagDict[word] = r.ReadByte();
        }

        n = r.ReadInt32();
        var amb = new Dictionary<string, ulong>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var word = r.ReadString();
            amb[word] = r.ReadUInt64();
        }

        return new PosTagger(labels, SparseLinearModel.Read(r), tagDict, amb);
    });
}
