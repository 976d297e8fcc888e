using System.Text;

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
        return (ids.Select(i => _upos[i]).ToArray(), ids.Select(i => _xpos[i]).ToArray());
    }

    private int[] TagIds(IReadOnlyList<string> words)
    {
        var n = words.Count;
        var result = new int[n];
        Span<ulong> feats = stackalloc ulong[FeatureCount_];
        Span<float> scores = _labels.Length <= 256 ? stackalloc float[_labels.Length] : new float[_labels.Length];
        for (var i = 0; i < n; i++)
        {
            if (_tagDictionary.TryGetValue(words[i], out var known))
            {
                result[i] = known;
                continue;
            }

            var k = Features(words, i, result, _labels, _ambiguity, feats);
            _model.Score(feats[..k], scores);
            result[i] = ArgMax(scores);
        }

        return result;
    }

    private const int FeatureCount_ = 32;

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

    private static string Shape(string w)
    {
        var sb = new StringBuilder(8);
        var last = '\0';
        foreach (var ch in w)
        {
            var s = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (s != last)
            {
                sb.Append(s);
                last = s;
            }

            if (sb.Length >= 6)
            {
                break;
            }
        }

        return sb.ToString();
    }

    private static ReadOnlySpan<char> Suffix(string s, int n) => s.Length <= n ? s : s.AsSpan(s.Length - n);

    private static ReadOnlySpan<char> Prefix(string s, int n) => s.Length <= n ? s : s.AsSpan(0, n);

    private static int Features(IReadOnlyList<string> words, int i, int[] tags, string[] labels, Dictionary<string, ulong> amb, Span<ulong> f)
    {
        var w = words[i];
        var norm = Normalize(w);
        var prev = i > 0 ? Normalize(words[i - 1]) : "-START-";
        var prev2 = i > 1 ? Normalize(words[i - 2]) : "-START2-";
        var next = i + 1 < words.Count ? Normalize(words[i + 1]) : "-END-";
        var next2 = i + 2 < words.Count ? Normalize(words[i + 2]) : "-END2-";
        var t1 = i > 0 ? labels[tags[i - 1]] : "-START-";
        var t2 = i > 1 ? labels[tags[i - 2]] : "-START2-";
        var k = 0;
        f[k++] = FeatureHash.Start(0);
        f[k++] = FeatureHash.Of(1, norm);
        f[k++] = FeatureHash.Of(2, Suffix(norm, 3));
        f[k++] = FeatureHash.Of(3, Prefix(norm, 1));
        f[k++] = FeatureHash.Of(4, Shape(w));
        f[k++] = FeatureHash.Of(5, prev);
        f[k++] = FeatureHash.Of(6, next);
        f[k++] = FeatureHash.Of(7, prev2);
        f[k++] = FeatureHash.Of(8, next2);
        f[k++] = FeatureHash.Of(9, t1);
        f[k++] = FeatureHash.Of(10, t2, t1);
        f[k++] = FeatureHash.Of(11, t1, norm);
        f[k++] = FeatureHash.Of(12, Suffix(prev, 3));
        f[k++] = FeatureHash.Of(13, Suffix(next, 3));
        f[k++] = FeatureHash.Mix(FeatureHash.Start(14), amb.GetValueOrDefault(norm));
        f[k++] = FeatureHash.Mix(FeatureHash.Start(15), i + 1 < words.Count ? amb.GetValueOrDefault(next) : 1);
        f[k++] = FeatureHash.Mix(FeatureHash.Start(16), i + 2 < words.Count ? amb.GetValueOrDefault(next2) : 1);
        f[k++] = FeatureHash.Of(17, Suffix(norm, 4));
        f[k++] = FeatureHash.Of(18, Prefix(norm, 3));
        f[k++] = FeatureHash.Of(19, i == 0 ? "first" : "later", Shape(w));
        f[k++] = FeatureHash.Of(20, w);
        f[k++] = FeatureHash.Of(21, t1, Suffix(norm, 3));
        f[k++] = FeatureHash.Of(22, Suffix(norm, 2));
        f[k++] = FeatureHash.Of(23, Suffix(norm, 1));
        f[k++] = FeatureHash.Of(24, prev, norm);
        f[k++] = FeatureHash.Of(25, norm, next);
        f[k++] = FeatureHash.Mix(FeatureHash.Mix(FeatureHash.Start(26), amb.GetValueOrDefault(norm)), i + 1 < words.Count ? amb.GetValueOrDefault(next) : 1);
        f[k++] = FeatureHash.Mix(FeatureHash.Of(27, t1), amb.GetValueOrDefault(norm));
        f[k++] = FeatureHash.Of(28, w.Contains('-', StringComparison.Ordinal) ? "hyph" : "nohyph", w.Any(char.IsDigit) ? "digit" : "nodigit");
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
        Span<ulong> feats = stackalloc ulong[FeatureCount_];
        var scores = new float[labels.Length];
        for (var it = 1; it <= iterations; it++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var si in order)
            {
                var words = sentences[si].Forms;
                var tags = new int[words.Length];
                for (var i = 0; i < words.Length; i++)
                {
                    int guess;
                    if (tagDict.TryGetValue(words[i], out var known))
                    {
                        guess = known;
                    }
                    else
                    {
                        var k = Features(words, i, tags, labels, ambiguity, feats);
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
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
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
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 when the stream is not a Parley POS model.</exception>
    public static PosTagger Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadString() != Magic || r.ReadInt32() != FormatVersion)
            {
                throw new Core.ParleyException(Core.Errors.DataFile, "Not a Parley POS model (or an incompatible version).");
            }

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
        }
        catch (EndOfStreamException ex)
        {
            throw new Core.ParleyException(Core.Errors.DataFile, "POS model file is truncated.", null, ex);
        }
    }
}
