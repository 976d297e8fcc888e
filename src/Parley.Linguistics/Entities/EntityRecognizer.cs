using System.Runtime.CompilerServices;
using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Entities;

/// <summary>A mention found by <see cref="EntityRecognizer"/>: words <c>[Start, End)</c> of the sentence, type and confidence.</summary>
/// <param name="Start">First word (0-based).</param>
/// <param name="End">One past the last word.</param>
/// <param name="Type">Entity type (<c>PER</c>, <c>ORG</c>, <c>LOC</c>).</param>
/// <param name="Confidence">Lowest per-word softmax probability of the chosen labels (scores divided by a fixed temperature), in [0, 1].</param>
public readonly record struct RecognizedEntity(int Start, int End, string Type, double Confidence);

/// <summary>The optional feature groups of an <see cref="EntityRecognizer"/> beyond the original set (model format 1).</summary>
[Flags]
public enum EntityFeatures
{
    /// <summary>The original feature set: words, shapes, affixes, POS, casing and context profiles, the GeoNames/NGEC/PETRARCH2 name lists.</summary>
    Original = 0,

    /// <summary>Parley's curated international organisations and institutions (<c>data/actors</c>) as name lists, and the words that end or often occur inside organisation and place names.</summary>
    ActorLists = 1,

    /// <summary>Hierarchical word classes (<see cref="WordClusters"/>) learnt from the training and unannotated text, at several prefix lengths.</summary>
    WordClasses = 2,

    /// <summary>The document profile of each word (<see cref="EntityDocument.Profile"/>): its casing elsewhere in the same document.</summary>
    DocumentProfile = 4,

    /// <summary>All groups (what <c>--extended</c> trains).</summary>
    Extended = ActorLists | WordClasses | DocumentProfile,
}

/// <summary>
/// A greedy left-to-right named-entity tagger: an averaged perceptron over hashed lexical, shape, affix,
/// context-window, POS, word-casing-profile and previous-label features predicting BILOU labels for PER, ORG
/// and LOC, decoded under the BILOU transition constraints (every mention is well formed). Loaded once, then
/// thread-safe. Trained by <see cref="Train"/>, deterministically for a seed.
/// </summary>
public sealed class EntityRecognizer
{
    private const string Magic = "PARLEY-NER";
    private const int FormatVersion = 3;
    private const int MaxFeatures = 96;

    // perceptron scores are unnormalised: dividing by a temperature spreads the softmax over [0, 1] usefully
    private const double Temperature = 8.0;

    // label 0 is O; then for each type t (PER, ORG, LOC) and prefix p (B, I, L, U): 1 + 4t + p
    private static readonly string[] Prefixes = ["B", "I", "L", "U"];

    private readonly SparseLinearModel _model;
    private readonly Dictionary<string, byte> _casing;
    private readonly EntityGazetteer _gazetteer;
    private readonly Dictionary<string, (ulong Left, ulong Right)> _contexts;
    private readonly Dictionary<string, int> _clusters;

    private EntityRecognizer(SparseLinearModel model, Dictionary<string, byte> casing, EntityGazetteer gazetteer, Dictionary<string, (ulong Left, ulong Right)> contexts, Dictionary<string, int> clusters, EntityFeatures features, float outsidePenalty = 0)
    {
        OutsidePenalty = outsidePenalty;
        Features = features;
        _model = model;
        _casing = casing;
        _gazetteer = gazetteer;
        _contexts = contexts;
        _clusters = clusters;
    }

    /// <summary>
    /// Subtracted from the score of the label <c>O</c> of every word when decoding (0: none). The perceptron leans
    /// towards <c>O</c> on unseen names (recall well below precision); a penalty chosen on held-out data trades a
    /// little precision for more recall. Stored in the model file.
    /// </summary>
    public float OutsidePenalty { get; }

    /// <summary>The same model decoding with another <see cref="OutsidePenalty"/> (the weights are shared).</summary>
    public EntityRecognizer WithOutsidePenalty(float penalty) => new(_model, _casing, _gazetteer, _contexts, _clusters, Features, penalty);

    /// <summary>The feature groups the model was trained with (stored in the model file).</summary>
    public EntityFeatures Features { get; }

    /// <summary>Number of labels (O and B/I/L/U of each type).</summary>
    public static int LabelCount => 1 + (4 * EntityLabels.Types.Count);

    /// <summary>Number of features kept after pruning.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>Versioned name written into mentions for provenance.</summary>
    public const string Producer = "parley.ner.v1";

    /// <summary>The label name of an id (<c>O</c>, <c>B-PER</c>, … <c>U-LOC</c>).</summary>
    public static string LabelName(int label) => label == 0 ? "O" : Prefixes[(label - 1) % 4] + "-" + EntityLabels.Types[(label - 1) / 4];

    private static int LabelId(string bilou)
    {
        if (bilou == "O")
        {
            return 0;
        }

        var t = IndexOfType(bilou[2..]);
        return t < 0 ? 0 : 1 + (4 * t) + Array.IndexOf(Prefixes, bilou[..1]);
    }

    private static int IndexOfType(string type)
    {
        for (var i = 0; i < EntityLabels.Types.Count; i++)
        {
            if (EntityLabels.Types[i] == type)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (-1 at the sentence start) in BILOU, and may end a sentence when <paramref name="last"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Allowed(int previous, int label, bool last)
    {
        var prevOpen = previous > 0 && (previous - 1) % 4 is 0 or 1; // B or I: the mention continues
        var p = label == 0 ? -1 : (label - 1) % 4;
        if (last && p is 0 or 1)
        {
            return false;
        }

        if (prevOpen)
        {
            return p is 1 or 2 && (label - 1) / 4 == (previous - 1) / 4;
        }

        return p is -1 or 0 or 3;
    }

    /// <summary>Finds the mentions of one sentence given its words and their Penn (XPOS) tags.</summary>
    /// <param name="words">The sentence's words.</param>
    /// <param name="xpos">Their Penn tags.</param>
    /// <param name="document">The profile of the whole document the sentence belongs to (<see cref="EntityDocument.From"/>),
    /// or null to treat the sentence as a document of its own (names at a sentence start are then harder to tell).</param>
    public IReadOnlyList<RecognizedEntity> Recognize(IReadOnlyList<string> words, IReadOnlyList<string> xpos, EntityDocument? document = null) => RecognizeMasked(words, xpos, document, null);

    /// <summary>As <see cref="Recognize(IReadOnlyList{string}, IReadOnlyList{string}, EntityDocument?)"/>, with only the words whose
    /// <paramref name="mayBeName"/> is true allowed inside a mention (null: every word).</summary>
    internal IReadOnlyList<RecognizedEntity> RecognizeMasked(IReadOnlyList<string> words, IReadOnlyList<string> xpos, EntityDocument? document, bool[]? mayBeName)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(xpos);
        var (labels, probs) = Decode(words, xpos, document, mayBeName);
        var result = new List<RecognizedEntity>();
        var start = -1;
        var conf = 1.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var l = labels[i];
            if (l == 0)
            {
                continue;
            }

            var p = (l - 1) % 4;
            if (p is 0 or 3)
            {
                start = i;
                conf = 1.0;
            }

            conf = Math.Min(conf, probs[i]);
            if (p is 2 or 3)
            {
                result.Add(new RecognizedEntity(start, i + 1, EntityLabels.Types[(l - 1) / 4], conf));
            }
        }

        return result;
    }

    /// <summary>True when the word alone is a country or region name in the recogniser's name lists ("Kazakhstan").</summary>
    internal bool IsPlaceName(string word)
    {
        var (phrase, _) = _gazetteer.Match([word]);
        return phrase[0] / 8 == EntityGazetteer.Place;
    }

    /// <summary>
    /// Finds the mentions of every sentence of one document: each sentence is decoded with the document's profile
    /// (<see cref="EntityDocument.From"/>), then, with <paramref name="consistency"/>, a name followed by its acronym in
    /// parentheses becomes one mention with the acronym (<see cref="DocumentConsistency.Acronyms"/>, the default), and a name
    /// found in one sentence lends its type to its other occurrences in the document (see <see cref="MentionConsistency"/>).
    /// </summary>
    /// <param name="sentences">The document's sentences (words).</param>
    /// <param name="xpos">Their Penn tags, sentence by sentence.</param>
    /// <param name="consistency">The document repair to apply (<see cref="DocumentConsistency.None"/>: as <see cref="Recognize"/> on each sentence).</param>
    /// <returns>The mentions of each sentence, in sentence order.</returns>
    public IReadOnlyList<IReadOnlyList<RecognizedEntity>> RecognizeDocument(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<string>> xpos, DocumentConsistency consistency = DocumentConsistency.Acronyms)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(xpos);
        if (xpos.Count != sentences.Count)
        {
            throw new ArgumentException("One tag sequence per sentence is needed.", nameof(xpos));
        }

        var document = (Features & EntityFeatures.DocumentProfile) != 0 ? EntityDocument.From(sentences) : null;
        var found = sentences.Select((words, i) => Recognize(words, xpos[i], document)).ToList();
        return MentionConsistency.Apply(sentences, found, consistency);
    }

    /// <summary>IOB2 tags of one sentence (see <see cref="Recognize"/>).</summary>
    public string[] TagIob2(IReadOnlyList<string> words, IReadOnlyList<string> xpos, EntityDocument? document = null)
    {
        var spans = Recognize(words, xpos, document).Select(e => new EntitySpan(e.Start, e.End, e.Type));
        return EntityLabels.ToIob2(spans, words.Count);
    }

    private (int[] Labels, double[] Probs) Decode(IReadOnlyList<string> words, IReadOnlyList<string> xpos, EntityDocument? document, bool[]? mayBeName)
    {
        var ids = new SentenceIds(words, xpos, _casing, _gazetteer, _contexts, _clusters, Features, document);
        var penalty = OutsidePenalty;
        var labels = Viterbi(
            (f, scores) =>
            {
                _model.Score(f, scores);
                if (f.Length > 0 && f[0] == EmissionBias)
                {
                    scores[0] -= penalty;
                }
            },
            _model.ScoreRows,
            ids,
            words.Count,
            out var local,
            mayBeName);
        var probs = new double[words.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            // confidence: a softmax over the allowed labels' local scores given the chosen previous label
            var prev = i > 0 ? labels[i - 1] : -1;
            var scores = local.AsSpan(LocalIndex(i, prev), LabelCount);
            double z = 0;
            for (var c = 0; c < LabelCount; c++)
            {
                if (Allowed(prev, c, i == labels.Length - 1))
                {
                    z += Math.Exp(Math.Min(50, (scores[c] - scores[labels[i]]) / Temperature));
                }
            }

            probs[i] = 1.0 / z;
        }

        return (labels, probs);
    }

    /// <summary>Where the local scores of word <paramref name="i"/> after label <paramref name="previous"/> (-1: sentence start) begin in Viterbi's flat array.</summary>
    private static int LocalIndex(int i, int previous) => ((i * (LabelCount + 1)) + previous + 1) * LabelCount;

    private delegate void Scorer(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>Scores several rows of <paramref name="rowLength"/> features at once, row r into <c>scores[r × classes ..]</c>, each exactly as <see cref="Scorer"/> would.</summary>
    private delegate void RowScorer(ReadOnlySpan<ulong> features, int rowLength, Span<float> scores);

    // Viterbi's arrays, reused by each thread (only the cells of the current sentence are written before being read)
    [ThreadStatic]
    private static float[]? t_local;

    [ThreadStatic]
    private static float[]? t_best;

    [ThreadStatic]
    private static int[]? t_back;

    /// <summary>This thread's scratch array of at least <paramref name="length"/> elements (grown as needed; contents undefined).</summary>
    private static T[] Scratch<T>(ref T[]? array, int length)
    {
        if (array is null || array.Length < length)
        {
            array = new T[Math.Max(length, 1024)];
        }

        return array;
    }

    /// <summary>Number of features <see cref="Transition"/> gives.</summary>
    private const int TransitionFeatures = 6;

    /// <summary>
    /// The best BILOU sequence under the transition constraints (first-order Viterbi); <paramref name="local"/>
    /// receives each word's label scores for each previous label (previous label index 0: sentence start), flat: word
    /// <c>i</c>, previous label <c>p</c>, label <c>c</c> at <c>((i × (LabelCount + 1)) + p) × LabelCount + c</c>.
    /// The transition features of all previous labels of a word are scored together by <paramref name="rows"/> when
    /// given (the memory lookups overlap), else one by one; the sums are the same. A word whose
    /// <paramref name="mayBeName"/> is false can only be <c>O</c>.
    /// </summary>
    private static int[] Viterbi(Scorer score, RowScorer? rows, SentenceIds ids, int n, out float[] local, bool[]? mayBeName = null)
    {
        var labels = new int[n];
        local = Scratch(ref t_local, n * (LabelCount + 1) * LabelCount);
        if (n == 0)
        {
            return labels;
        }

        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        Span<ulong> transitionFeats = stackalloc ulong[(LabelCount + 1) * TransitionFeatures];
        Span<float> transitions = stackalloc float[(LabelCount + 1) * LabelCount];
        Span<int> previous = stackalloc int[LabelCount + 1];
        Span<float> emission = stackalloc float[LabelCount];
        var best = Scratch(ref t_best, n * LabelCount);
        var back = Scratch(ref t_back, n * LabelCount);
        Array.Clear(back, 0, n * LabelCount);
        for (var i = 0; i < n; i++)
        {
            var k = Emission(ids, i, feats);
            score(feats[..k], emission);
            if (mayBeName is not null && !mayBeName[i])
            {
                emission[1..].Fill(-1e6f);
            }

            var last = i == n - 1;
            var here = i * LabelCount;
            var before = here - LabelCount;
            for (var c = 0; c < LabelCount; c++)
            {
                best[here + c] = float.NegativeInfinity;
            }

            var count = 0;
            for (var prev = i == 0 ? -1 : 0; prev < (i == 0 ? 0 : LabelCount); prev++)
            {
                if (i > 0 && float.IsNegativeInfinity(best[before + prev]))
                {
                    continue;
                }

                if (Transition(ids, i, prev, transitionFeats.Slice(count * TransitionFeatures, TransitionFeatures)) != TransitionFeatures)
                {
                    throw new InvalidOperationException("Unexpected number of transition features.");
                }

                previous[count++] = prev;
            }

            if (rows is not null)
            {
                rows(transitionFeats[..(count * TransitionFeatures)], TransitionFeatures, transitions[..(count * LabelCount)]);
            }
            else
            {
                for (var r = 0; r < count; r++)
                {
                    score(transitionFeats.Slice(r * TransitionFeatures, TransitionFeatures), transitions.Slice(r * LabelCount, LabelCount));
                }
            }

            for (var r = 0; r < count; r++)
            {
                var prev = previous[r];
                var transition = transitions.Slice(r * LabelCount, LabelCount);
                var row = local.AsSpan(LocalIndex(i, prev), LabelCount);
                var from = i > 0 ? best[before + prev] : 0f;
                for (var c = 0; c < LabelCount; c++)
                {
                    row[c] = emission[c] + transition[c];
                    if (!Allowed(prev, c, last))
                    {
                        continue;
                    }

                    var total = row[c] + from;
                    if (total > best[here + c])
                    {
                        best[here + c] = total;
                        back[here + c] = prev;
                    }
                }
            }
        }

        var end = 0;
        var lastRow = (n - 1) * LabelCount;
        for (var c = 1; c < LabelCount; c++)
        {
            if (best[lastRow + c] > best[lastRow + end])
            {
                end = c;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = end;
            end = back[(i * LabelCount) + end];
        }

        return labels;
    }

    /// <summary>The word's shape (X, x, d, other characters; a run of one kind kept up to <paramref name="max"/> times; at most 8) in <paramref name="buffer"/> (8 characters).</summary>
    private static ReadOnlySpan<char> ShapeOf(string w, int max, Span<char> buffer)
    {
        var length = 0;
        var last = '\0';
        var repeat = 0;
        foreach (var ch in w)
        {
            var s = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            repeat = s == last ? repeat + 1 : 0;
            if (repeat < max)
            {
                buffer[length++] = s;
            }

            last = s;
            if (length >= 8)
            {
                break;
            }
        }

        return buffer[..length];
    }

    private static bool HasNoUpper(string w)
    {
        foreach (var c in w)
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalized(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>
    /// The casing profile of a lower-cased word over a corpus: how often it is capitalised away from the
    /// sentence start (five bands) and how frequent it is (three bands). A cheap word-class feature that
    /// separates names from common words even when the text is all lower case.
    /// </summary>
    private static Dictionary<string, byte> BuildCasing(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, (int Cap, int All)>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 1; i < s.Count; i++)
            {
                var w = s[i];
                if (!w.Any(char.IsLetter))
                {
                    continue;
                }

                var key = w.ToLowerInvariant();
                var (cap, all) = counts.GetValueOrDefault(key);
                counts[key] = (cap + (IsCapitalized(w) ? 1 : 0), all + 1);
            }
        }

        var result = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (w, (cap, all)) in counts)
        {
            if (all < 2)
            {
                continue;
            }

            var ratio = (double)cap / all;
            var band = ratio < 0.05 ? 0 : ratio < 0.35 ? 1 : ratio < 0.65 ? 2 : ratio < 0.95 ? 3 : 4;
            var freq = all < 5 ? 0 : all < 50 ? 1 : 2;
            result[w] = (byte)(1 + (band * 3) + freq);
        }

        return result;
    }

    /// <summary>
    /// A cheap distributional word class: for each word seen at least five times, its most frequent left and right
    /// neighbours (lower-cased), hashed. Words used alike ("said Sergei", "Mr Sergei") share them.
    /// </summary>
    private static Dictionary<string, (ulong Left, ulong Right)> BuildContexts(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, (Dictionary<string, int> Left, Dictionary<string, int> Right, int All)>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Count; i++)
            {
                var key = s[i].ToLowerInvariant();
                if (!counts.TryGetValue(key, out var c))
                {
                    c = (new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), 0);
                }

                var left = i > 0 ? PosTagger.Normalize(s[i - 1]) : "<s>";
                var right = i + 1 < s.Count ? PosTagger.Normalize(s[i + 1]) : "</s>";
                c.Left[left] = c.Left.GetValueOrDefault(left) + 1;
                c.Right[right] = c.Right.GetValueOrDefault(right) + 1;
                counts[key] = (c.Left, c.Right, c.All + 1);
            }
        }

        static ulong Top(Dictionary<string, int> d, int template) =>
            FeatureHash.Of(template, d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key);

        return counts.Where(kv => kv.Value.All >= 5).ToDictionary(kv => kv.Key, kv => (Top(kv.Value.Left, 20), Top(kv.Value.Right, 21)), StringComparer.Ordinal);
    }

    private sealed class SentenceIds
    {
        public SentenceIds(IReadOnlyList<string> words, IReadOnlyList<string> xpos, Dictionary<string, byte> casing, EntityGazetteer gazetteer, Dictionary<string, (ulong Left, ulong Right)> contexts, Dictionary<string, int> clusters, EntityFeatures features, EntityDocument? document)
        {
            var n = words.Count;
            Classes = (features & EntityFeatures.WordClasses) != 0;
            Profiles = (features & EntityFeatures.DocumentProfile) != 0;
            // the document profile and the word classes only for models that use them
            Doc = new ulong[Profiles ? n + 4 : 0];
            if (Profiles)
            {
                document ??= EntityDocument.From([words]);
            }

            for (var i = -2; i < n + 2 && Profiles; i++)
            {
                Doc[i + 2] = i < 0 ? 21UL : i >= n ? 22UL : document!.Profile(words[i]);
            }

            Cluster = new ulong[WordClusters.Levels + 1, Classes ? n + 4 : 0];
            for (var i = -2; i < n + 2 && Classes; i++)
            {
                var path = -1;
                var known = i >= 0 && i < n && clusters.TryGetValue(words[i].ToLowerInvariant(), out path);
                for (var level = 2; level <= WordClusters.Levels; level++)
                {
                    Cluster[level, i + 2] = i < 0 || i >= n ? 17UL + (ulong)(i < 0 ? 0 : 1) : known ? 5000UL + (ulong)WordClusters.Prefix(path, level) : 19UL;
                }
            }

            LeftContext = new ulong[n];
            RightContext = new ulong[n];
            var (phrase, name) = gazetteer.Match(words);
            Gaz = new ulong[n + 4];
            Name = new ulong[n + 4];
            Low = new ulong[n + 4];
            Shape = new ulong[n + 4];
            Pos = new ulong[n + 4];
            Casing = new ulong[n + 4];
            Exact = new ulong[n];
            Short = new ulong[n];
            Affix = new ulong[n, 8];
            var letters = 0;
            var capitals = 0;
            var lower = 0;
            var casingLookup = casing.GetAlternateLookup<ReadOnlySpan<char>>();
            var contextLookup = contexts.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> normBuffer = stackalloc char[64];
            Span<char> lowerBuffer = stackalloc char[64];
            Span<char> shape = stackalloc char[8];
            for (var i = 0; i < n; i++)
            {
                var w = words[i];
                if (w.Length > 0 && char.IsLetter(w[0]))
                {
                    letters++;
                    capitals += char.IsUpper(w[0]) ? 1 : 0;
                    lower += HasNoUpper(w) ? 1 : 0;
                }

                // the same values as the string forms (PosTagger.Normalize, ToLowerInvariant, Shape), without allocating
                var low = PosTagger.Normalize(w, normBuffer, out var fits);
                if (!fits)
                {
                    low = PosTagger.Normalize(w);
                }

                ReadOnlySpan<char> lowered = w.Length <= lowerBuffer.Length ? lowerBuffer[..w.AsSpan().ToLowerInvariant(lowerBuffer)] : w.ToLowerInvariant();
                var p = i + 2;
                Low[p] = FeatureHash.Of(1, low);
                Shape[p] = FeatureHash.Of(2, ShapeOf(w, 2, shape));
                Pos[p] = FeatureHash.Of(3, xpos[i]);
                Casing[p] = casingLookup.TryGetValue(lowered, out var c) ? 1000UL + c : 99UL;
                Gaz[p] = 2000UL + phrase[i];
                (LeftContext[i], RightContext[i]) = contextLookup.TryGetValue(lowered, out var ctx) ? ctx : (7UL, 7UL);
                Name[p] = 3000UL + name[i];
                Exact[i] = FeatureHash.Of(4, w);
                Short[i] = FeatureHash.Of(5, ShapeOf(w, 1, shape));
                for (var a = 1; a <= 4; a++)
                {
                    Affix[i, a - 1] = FeatureHash.Of(5 + a, low.Length <= a ? low : low[..a]);
                    Affix[i, a + 3] = FeatureHash.Of(9 + a, low.Length <= a ? low : low[^a..]);
                }
            }

            for (var pad = 0; pad < 2; pad++)
            {
                Low[pad] = Shape[pad] = Pos[pad] = Casing[pad] = Gaz[pad] = Name[pad] = 11UL + (ulong)pad;
                Low[n + 2 + pad] = Shape[n + 2 + pad] = Pos[n + 2 + pad] = Casing[n + 2 + pad] = Gaz[n + 2 + pad] = Name[n + 2 + pad] = 13UL + (ulong)pad;
            }

            // the sentence's casing mode: all lower case, mostly capitalised (a headline), or ordinary
            Mode = letters > 2 && lower == letters ? 1UL : letters > 3 && capitals >= 0.7 * letters ? 2UL : 3UL;
        }

        public ulong[] Low { get; }

        public ulong[] Shape { get; }

        public ulong[] Pos { get; }

        public ulong[] Casing { get; }

        public ulong[] Exact { get; }

        public ulong[] Gaz { get; }

        public ulong[] LeftContext { get; }

        public ulong[] RightContext { get; }

        public ulong[] Name { get; }

        public ulong[] Short { get; }

        public ulong[,] Affix { get; }

        public ulong Mode { get; }

        /// <summary>Whether the model uses the word-class features.</summary>
        public bool Classes { get; }

        /// <summary>Whether the model uses the document-profile features.</summary>
        public bool Profiles { get; }

        /// <summary>Document profile ids (<see cref="EntityDocument.Profile"/>) by padded position.</summary>
        public ulong[] Doc { get; }

        /// <summary>Word class prefix ids by level (2 to <see cref="WordClusters.Levels"/>) and padded position.</summary>
        public ulong[,] Cluster { get; }
    }

    private static ulong F(int t, ulong a) => FeatureHash.Combine((ulong)t * 0x2545F4914F6CDD1DUL, a);

    // the first emission feature (a bias): marks the emission scores, which carry the O penalty
    private static readonly ulong EmissionBias = F(0, 0);

    private static ulong F(int t, ulong a, ulong b) => FeatureHash.Combine(F(t, a), b);

    private static ulong F(int t, ulong a, ulong b, ulong c) => FeatureHash.Combine(F(t, a, b), c);

    /// <summary>The features of word <paramref name="i"/> that depend on the previous label (-1 at the sentence start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Transition(SentenceIds ids, int i, int previous, Span<ulong> f)
    {
        var p = i + 2;
        var y1 = previous >= 0 ? (ulong)previous + 100 : 1UL;
        var k = 0;
        f[k++] = F(32, y1);
        f[k++] = F(34, y1, ids.Low[p]);
        f[k++] = F(35, y1, ids.Shape[p]);
        f[k++] = F(36, y1, ids.Pos[p]);
        f[k++] = F(45, y1, ids.Low[p + 1]);
        f[k++] = F(51, ids.Gaz[p], y1);
        return k;
    }

    /// <summary>The features of word <paramref name="i"/> that do not depend on labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Emission(SentenceIds ids, int i, Span<ulong> f)
    {
        var p = i + 2;
        var k = 0;
        f[k++] = F(0, 0);
        f[k++] = F(1, ids.Low[p]);
        f[k++] = F(2, ids.Low[p - 1]);
        f[k++] = F(3, ids.Low[p + 1]);
        f[k++] = F(4, ids.Low[p - 2]);
        f[k++] = F(5, ids.Low[p + 2]);
        f[k++] = F(6, ids.Exact[i]);
        f[k++] = F(7, ids.Shape[p]);
        f[k++] = F(8, ids.Shape[p - 1]);
        f[k++] = F(9, ids.Shape[p + 1]);
        f[k++] = F(10, ids.Short[i]);
        for (var a = 0; a < 8; a++)
        {
            f[k++] = F(11 + a, ids.Affix[i, a]);
        }

        f[k++] = F(20, ids.Pos[p]);
        f[k++] = F(21, ids.Pos[p - 1]);
        f[k++] = F(22, ids.Pos[p + 1]);
        f[k++] = F(23, ids.Pos[p - 1], ids.Pos[p]);
        f[k++] = F(24, ids.Pos[p], ids.Pos[p + 1]);
        f[k++] = F(25, ids.Pos[p - 2], ids.Pos[p - 1], ids.Pos[p]);
        f[k++] = F(26, ids.Casing[p]);
        f[k++] = F(27, ids.Casing[p - 1]);
        f[k++] = F(28, ids.Casing[p + 1]);
        f[k++] = F(29, ids.Casing[p], ids.Shape[p]);
        f[k++] = F(30, ids.Casing[p], ids.Pos[p]);
        f[k++] = F(31, ids.Casing[p - 1], ids.Casing[p], ids.Casing[p + 1]);
        f[k++] = F(37, ids.Low[p - 1], ids.Low[p]);
        f[k++] = F(38, ids.Low[p], ids.Low[p + 1]);
        f[k++] = F(39, ids.Mode, ids.Shape[p]);
        f[k++] = F(40, ids.Mode, ids.Casing[p]);
        f[k++] = F(41, i == 0 ? 1UL : 0UL, ids.Shape[p]);
        f[k++] = F(42, ids.Shape[p - 1], ids.Shape[p], ids.Shape[p + 1]);
        f[k++] = F(43, ids.Low[p - 1], ids.Shape[p]);
        f[k++] = F(44, ids.Shape[p], ids.Low[p + 1]);
        f[k++] = F(46, ids.Mode, ids.Pos[p]);
        f[k++] = F(47, ids.Gaz[p]);
        f[k++] = F(48, ids.Gaz[p - 1]);
        f[k++] = F(49, ids.Gaz[p + 1]);
        f[k++] = F(50, ids.Gaz[p], ids.Shape[p]);
        f[k++] = F(52, ids.Name[p]);
        f[k++] = F(53, ids.Name[p], ids.Shape[p]);
        f[k++] = F(54, ids.Name[p - 1], ids.Name[p]);
        f[k++] = F(55, ids.Name[p], ids.Name[p + 1]);
        f[k++] = F(56, ids.Name[p], ids.Casing[p]);
        f[k++] = F(57, ids.LeftContext[i]);
        f[k++] = F(58, ids.RightContext[i]);
        f[k++] = F(59, ids.LeftContext[i], ids.RightContext[i]);
        f[k++] = F(60, ids.LeftContext[i], ids.Shape[p]);
        if (ids.Classes)
        {
            f[k++] = F(61, ids.Cluster[2, p]);
            f[k++] = F(62, ids.Cluster[3, p]);
            f[k++] = F(63, ids.Cluster[4, p]);
            f[k++] = F(64, ids.Cluster[3, p - 1]);
            f[k++] = F(65, ids.Cluster[3, p + 1]);
            f[k++] = F(66, ids.Cluster[4, p], ids.Shape[p]);
            f[k++] = F(67, ids.Cluster[2, p - 1], ids.Cluster[3, p]);
        }

        if (!ids.Profiles)
        {
            return k;
        }

        f[k++] = F(68, ids.Doc[p]);
        f[k++] = F(69, ids.Doc[p], ids.Shape[p]);
        f[k++] = F(70, ids.Doc[p], i == 0 ? 1UL : 0UL, ids.Short[i]);
        f[k++] = F(71, ids.Doc[p - 1], ids.Doc[p]);
        f[k++] = F(72, ids.Doc[p], ids.Doc[p + 1]);
        f[k++] = F(73, ids.Doc[p], ids.Mode);
        return k;
    }

    /// <summary>
    /// Trains a recogniser. Deterministic: the same sentences, POS tagger, iterations and seed give the same model.
    /// </summary>
    /// <param name="sentences">Gold sentences (IOB2), each with its instance weight.</param>
    /// <param name="tagger">The POS tagger whose predicted tags become features (as at run time), for sentences without <see cref="EntitySentence.XPos"/>.</param>
    /// <param name="unlabelled">Further sentences (words only) for the casing profile; the gold sentences are always used.</param>
    /// <param name="gazetteerRoot">The shared data folder to build the name lists from (GeoNames, NGEC, PETRARCH2), or null for none.</param>
    /// <param name="iterations">Passes over the data in each run.</param>
    /// <param name="seed">Seed of the per-pass shuffle of the first run; run r uses seed + r.</param>
    /// <param name="runs">Independent training runs (different shuffles) whose averaged weights are averaged: a cheap ensemble.</param>
    /// <param name="pruneThreshold">Averaged weights below this magnitude are dropped.</param>
    /// <param name="progress">Called after each pass with the pass number (counted over all runs) and its training label accuracy.</param>
    /// <param name="actorsRoot">Parley's actor codebook folder (<c>data/actors</c>) whose curated international organisations and institutions join the name lists (with <see cref="EntityFeatures.ActorLists"/> only), or null.</param>
    /// <param name="features">
    /// The optional feature groups: word classes (<see cref="WordClusters"/>) from the sentences and
    /// <paramref name="unlabelled"/>, the document profile (<see cref="EntityDocument"/>), the actor-data lists and the
    /// name-ending words. <see cref="EntityFeatures.Original"/> gives the original feature set (format 1).
    /// </param>
    public static EntityRecognizer Train(IReadOnlyList<EntitySentence> sentences, PosTagger tagger, IEnumerable<IReadOnlyList<string>>? unlabelled = null, string? gazetteerRoot = null, int iterations = 12, int seed = 1, int runs = 1, float pruneThreshold = 0.01f, Action<int, double>? progress = null, string? actorsRoot = null, EntityFeatures features = EntityFeatures.Extended)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        var profileText = sentences.Select(s => (IReadOnlyList<string>)s.Forms).Concat(unlabelled ?? []).ToList();
        var casing = BuildCasing(profileText);
        var contexts = BuildContexts(profileText);
        var clusters = (features & EntityFeatures.WordClasses) != 0 ? WordClusters.Build(profileText) : [];
        var gold = sentences.Select(s => EntityLabels.ToBilou(s.Spans.Where(x => IndexOfType(x.Type) >= 0), s.Forms.Length).Select(LabelId).ToArray()).ToArray();
        var gazetteer = gazetteerRoot is null ? EntityGazetteer.Empty : EntityGazetteer.Build(gazetteerRoot, (features & EntityFeatures.ActorLists) != 0 ? actorsRoot : null);
        var documents = EntityDocument.ForSentences(sentences);
        var ids = sentences.Select((s, i) => new SentenceIds(s.Forms, s.XPos ?? tagger.Tag(s.Forms).XPos, casing, gazetteer, contexts, clusters, features, documents[i])).ToArray();
        var weights = sentences.Select(s => s.Weight).ToArray();
        var perceptrons = new List<AveragedPerceptron>();
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        for (var run = 0; run < runs; run++)
        {
            var perceptron = new AveragedPerceptron(LabelCount);
            perceptrons.Add(perceptron);
            var order = Enumerable.Range(0, sentences.Count).ToArray();
            var rng = new Random(seed + run);
            for (var it = 1; it <= iterations; it++)
            {
                rng.Shuffle(order);
                long correct = 0, total = 0;
                foreach (var si in order)
                {
                    var n = sentences[si].Forms.Length;
                    var predicted = Viterbi(perceptron.Score, null, ids[si], n, out _);
                    var truth = gold[si];
                    for (var i = 0; i < n; i++)
                    {
                        perceptron.Tick();
                        correct += predicted[i] == truth[i] ? 1 : 0;
                        total++;
                        var guessPrev = i > 0 ? predicted[i - 1] : -1;
                        var truthPrev = i > 0 ? truth[i - 1] : -1;
                        if (predicted[i] == truth[i] && guessPrev == truthPrev)
                        {
                            continue;
                        }

                        var k = Emission(ids[si], i, feats);
                        perceptron.Update(feats[..k], truth[i], predicted[i], weights[si]);
                        k = Transition(ids[si], i, truthPrev, feats);
                        perceptron.Add(feats[..k], truth[i], weights[si]);
                        k = Transition(ids[si], i, guessPrev, feats);
                        perceptron.Add(feats[..k], predicted[i], -weights[si]);
                    }
                }

                progress?.Invoke((run * iterations) + it, (double)correct / Math.Max(1, total));
            }
        }

        return new EntityRecognizer(AveragedPerceptron.CompileMean(perceptrons, pruneThreshold), casing, gazetteer, contexts, clusters, features);
    }

    /// <summary>
    /// Saves the model (binary, deterministic byte for byte): format 1 for the original feature set without an O
    /// penalty, else format 3 (with the penalty, the feature groups and the word classes).
    /// </summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Magic, Features == EntityFeatures.Original && OutsidePenalty == 0 ? 1 : FormatVersion, w =>
    {
        w.Write(LabelCount);
        w.Write(_casing.Count);
        foreach (var (word, band) in _casing.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(band);
        }

        _gazetteer.Write(w);
        w.Write(_contexts.Count);
        foreach (var (word, (left, right)) in _contexts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(left);
            w.Write(right);
        }

        if (Features != EntityFeatures.Original || OutsidePenalty != 0)
        {
            w.Write(OutsidePenalty);
            w.Write((byte)Features);
            w.Write(_clusters.Count);
            foreach (var (word, path) in _clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.Write(word);
                w.Write(path);
            }
        }

        _model.Write(w);
    });

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 when the stream is not a Parley NER model, or is cut short.</exception>
    /// <remarks>Format 1 (before word classes and the O penalty) still loads: its weights know none of the later features;
    /// format 2 (before the feature groups were stored) has all the groups when it has word classes, else none.</remarks>
    public static EntityRecognizer Load(Stream stream) => ModelFile.Load(stream, Magic, 1, FormatVersion, "NER model", (r, version) =>
    {
        if (r.ReadInt32() != LabelCount)
        {
            throw new FormatException("Label count mismatch.");
        }

        var n = r.ReadInt32();
        var casing = new Dictionary<string, byte>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var word = r.ReadString();
            casing[word] = r.ReadByte();
        }

        var gazetteer = EntityGazetteer.Read(r);
        n = r.ReadInt32();
        var contexts = new Dictionary<string, (ulong, ulong)>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var word = r.ReadString();
            contexts[word] = (r.ReadUInt64(), r.ReadUInt64());
        }

        var outsidePenalty = version >= 2 ? r.ReadSingle() : 0f;
        var features = version >= 3 ? (EntityFeatures)r.ReadByte() : EntityFeatures.Original;
        n = version >= 2 ? r.ReadInt32() : 0;
        var clusters = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var word = r.ReadString();
            clusters[word] = r.ReadInt32();
        }

        if (version == 2 && clusters.Count > 0)
        {
            features = EntityFeatures.Extended;
        }

        return new EntityRecognizer(SparseLinearModel.Read(r), casing, gazetteer, contexts, clusters, features, outsidePenalty);
    });
}
