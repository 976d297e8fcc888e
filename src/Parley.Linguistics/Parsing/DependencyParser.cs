using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Parsing;

/// <summary>
/// A greedy transition-based dependency parser: the arc-hybrid system (Kuhlmann et al. 2011) with a single
/// root, trained with the dynamic oracle and exploration of Goldberg and Nivre (2013) as an averaged
/// perceptron over rich non-local features (Zhang and Nivre 2011). Input: words with XPOS and UPOS; output:
/// a head (0 = root) and a relation per word. Loaded once, then thread-safe.
/// </summary>
public sealed class DependencyParser
{
    private const string Magic = "PARLEY-DEP";
    private const int FormatVersion = 2;
    private const int MaxFeatures = 96;
    private const int Shift = 0;

    private readonly string[] _labels;
    private readonly int[] _universal;
    private readonly SparseLinearModel _model;
    private readonly int[] _templates;
    private readonly bool[] _on;

    private DependencyParser(string[] labels, SparseLinearModel model, int[] templates)
    {
        _labels = labels;
        _model = model;
        _universal = UniversalIndex(labels);
        _templates = templates;
        _on = Mask(templates);
    }

    /// <summary>The relation labels (UD deprels with subtypes) the parser predicts.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of features kept after pruning.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>
    /// The numbers of the feature templates the model was trained with and scores (ascending; see
    /// <see cref="ParserState"/>). Models of file format 1 use all 80.
    /// </summary>
    public IReadOnlyList<int> Templates => _templates;

    /// <summary>The numbers of all 80 feature templates.</summary>
    public static IReadOnlyList<int> AllTemplates => ParserState.TemplateNumbers;

    /// <summary>
    /// A smaller set of 48 templates (<c>train parser --templates compact</c>), chosen in the November 2026 speed round
    /// by decoding-time ablation and retraining: without the bilexical word pairs, the third-order label and
    /// POS-triple features of the second children, most valency, distance and label-set features, and the stack's
    /// second word alone. Retrained, it parses about 1.7 times as many words per CPU-second at 0.4 points less LAS on
    /// EWT dev; not the shipped model (see models/README.md).
    /// </summary>
    public static IReadOnlyList<int> CompactTemplates { get; } =
    [
        1, 2, 3, 4, 6, 7, 8, 9, 12, 14, 16, 21, 22, 23, 24, 26, 27, 29, 32, 40, 41, 43, 45, 46, 47, 48, 49, 50, 51, 55,
        60, 62, 64, 65, 70, 72, 76, 77, 78, 79, 80, 87, 88, 89, 90, 91, 93, 96,
    ];

    private int Actions => 1 + (2 * _labels.Length);

    private static int Left(int label) => 1 + (2 * label);

    private static int Right(int label) => 2 + (2 * label);

    /// <summary>
    /// The same model scoring only <paramref name="templates"/> (the others' weights are ignored): a decoding-time
    /// ablation, for measuring what each template contributes without retraining.
    /// </summary>
    /// <exception cref="ArgumentException">A template number that does not exist, or an empty set.</exception>
    public DependencyParser WithTemplates(IEnumerable<int> templates) => new(_labels, _model, CheckTemplates(templates));

    private static bool[] Mask(int[] templates)
    {
        var on = new bool[ParserState.TemplateSlots];
        foreach (var t in templates)
        {
            on[t] = true;
        }

        return on;
    }

    private static int[] CheckTemplates(IEnumerable<int> templates)
    {
        var list = templates.Distinct().Order().ToArray();
        var unknown = list.Where(t => Array.IndexOf(ParserState.TemplateNumbers, t) < 0).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown parser feature templates: {string.Join(", ", unknown)}.", nameof(templates));
        }

        if (list.Length == 0)
        {
            throw new ArgumentException("At least one parser feature template is needed.", nameof(templates));
        }

        return list;
    }

    private static int[] UniversalIndex(string[] labels)
    {
        var universal = labels.Select(l => l.Split(':')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return labels.Select(l => universal.IndexOf(l.Split(':')[0])).ToArray();
    }

    /// <summary>Parses one sentence.</summary>
    /// <param name="forms">Words.</param>
    /// <param name="xpos">Penn tags (predicted).</param>
    /// <param name="upos">Universal tags (predicted).</param>
    /// <returns>Per word its head (1-based, 0 = root) and relation.</returns>
    public (int[] Heads, string[] Relations) Parse(IReadOnlyList<string> forms, IReadOnlyList<string> xpos, IReadOnlyList<string> upos)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(xpos);
        ArgumentNullException.ThrowIfNull(upos);
        var n = forms.Count;
        var state = new ParserState(Ids(forms, xpos, upos), _universal);
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Actions];
        while (!state.Terminal)
        {
            var k = state.Features(feats, _on);
            _model.Score(feats[..k], scores);
            state.Apply(BestValid(state, scores));
        }

        var heads = new int[n];
        var rels = new string[n];
        for (var i = 1; i <= n; i++)
        {
            heads[i - 1] = state.Heads[i];
            rels[i - 1] = _labels[state.Labels[i]];
        }

        return (heads, rels);
    }

    private static int BestValid(ParserState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        var canShift = state.CanShift;
        var canLeft = state.CanLeft;
        var canRight = state.CanRight;
        for (var a = 0; a < scores.Length; a++)
        {
            var ok = a == Shift ? canShift : (a % 2 == 1 ? canLeft : canRight);
            if (ok && scores[a] > bestScore)
            {
                best = a;
                bestScore = scores[a];
            }
        }

        return best;
    }

    private static TokenIds Ids(IReadOnlyList<string> forms, IReadOnlyList<string> xpos, IReadOnlyList<string> upos)
    {
        var n = forms.Count;
        var w = new ulong[n + 1];
        var p = new ulong[n + 1];
        var u = new ulong[n + 1];
        w[0] = FeatureHash.Of(500, "-ROOT-");
        p[0] = FeatureHash.Of(501, "-ROOT-");
        u[0] = p[0];
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < n; i++)
        {
            var norm = PosTagger.Normalize(forms[i], buffer, out var fits);
            w[i + 1] = fits ? FeatureHash.Of(500, norm) : FeatureHash.Of(500, PosTagger.Normalize(forms[i]));
            p[i + 1] = FeatureHash.Of(501, xpos[i]);
            u[i + 1] = FeatureHash.Of(502, upos[i]);
        }

        return new TokenIds(w, p, u);
    }

    /// <summary>
    /// Trains a parser. Deterministic for the same sentences, tags, iterations and seed.
    /// </summary>
    /// <param name="sentences">Gold trees.</param>
    /// <param name="xpos">Per sentence the XPOS to train with (jackknifed predictions give a parser robust to tagging errors).</param>
    /// <param name="upos">Per sentence the UPOS to train with.</param>
    /// <param name="iterations">Passes.</param>
    /// <param name="seed">Seed for the shuffle and the exploration.</param>
    /// <param name="pruneThreshold">Averaged weights below this magnitude are dropped.</param>
    /// <param name="progress">Called after each pass with its number and the fraction of correct heads during training.</param>
    /// <param name="templates">The feature template numbers to use (<see cref="AllTemplates"/> when null).</param>
    /// <exception cref="ArgumentException">A template number that does not exist, or an empty set.</exception>
    public static DependencyParser Train(IReadOnlyList<AnnotatedSentence> sentences, IReadOnlyList<string[]> xpos, IReadOnlyList<string[]> upos, int iterations = 12, int seed = 1, float pruneThreshold = 1.0f, Action<int, double>? progress = null, IEnumerable<int>? templates = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(xpos);
        ArgumentNullException.ThrowIfNull(upos);
        var active = CheckTemplates(templates ?? ParserState.TemplateNumbers);
        var on = Mask(active);
        var labels = sentences.SelectMany(s => s.DepRels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if ((1 + (2 * labels.Length)) > 256)
        {
            throw new InvalidOperationException("Too many dependency labels.");
        }

        var labelIds = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var universal = UniversalIndex(labels);
        var actions = 1 + (2 * labels.Length);
        var perceptron = new SparseAveragedPerceptron(actions);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        var scores = new float[actions];
        var costs = new int[3];
        for (var it = 1; it <= iterations; it++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var si in order)
            {
                var s = sentences[si];
                var n = s.Forms.Length;
                var goldHeads = new int[n + 1];
                var goldLabels = new int[n + 1];
                for (var i = 0; i < n; i++)
                {
                    goldHeads[i + 1] = s.Heads[i];
                    goldLabels[i + 1] = labelIds[s.DepRels[i]];
                }

                var state = new ParserState(Ids(s.Forms, xpos[si], upos[si]), universal);
                while (!state.Terminal)
                {
                    var k = state.Features(feats, on);
                    perceptron.Tick();
                    perceptron.Score(feats[..k], scores);
                    state.Costs(goldHeads, costs);
                    var minCost = int.MaxValue;
                    for (var t = 0; t < 3; t++)
                    {
                        minCost = Math.Min(minCost, costs[t]);
                    }

                    var guess = BestValid(state, scores);
                    var bestGold = -1;
                    var bestGoldScore = float.NegativeInfinity;
                    for (var a = 0; a < actions; a++)
                    {
                        if (ActionCost(a, state, costs, goldHeads, goldLabels) == minCost && scores[a] > bestGoldScore)
                        {
                            bestGold = a;
                            bestGoldScore = scores[a];
                        }
                    }

                    var guessIsGold = ActionCost(guess, state, costs, goldHeads, goldLabels) == minCost;
                    if (!guessIsGold)
                    {
                        perceptron.Update(feats[..k], bestGold, guess);
                    }

                    // Explore: after the first pass follow the model's own (possibly wrong) choice 90% of the time.
                    var next = guessIsGold || (it > 1 && rng.NextDouble() < 0.9) ? guess : bestGold;
                    state.Apply(next);
                }

                for (var i = 1; i <= n; i++)
                {
                    correct += state.Heads[i] == goldHeads[i] ? 1 : 0;
                }

                total += n;
            }

            progress?.Invoke(it, (double)correct / Math.Max(1, total));
        }

        return new DependencyParser(labels, perceptron.Compile(pruneThreshold), active);
    }

    /// <summary>Cost of a labelled action: its transition's cost (int.MaxValue when invalid) plus one for a wrong label on a gold arc.</summary>
    private static int ActionCost(int action, ParserState state, int[] transitionCosts, int[] goldHeads, int[] goldLabels)
    {
        if (action == Shift)
        {
            return state.CanShift ? transitionCosts[0] : int.MaxValue;
        }

        var left = action % 2 == 1;
        var label = (action - 1) / 2;
        if (left ? !state.CanLeft : !state.CanRight)
        {
            return int.MaxValue;
        }

        var cost = transitionCosts[left ? 1 : 2];
        var dep = state.S0;
        var head = left ? state.B0 : state.S1;
        if (goldHeads[dep] == head && goldLabels[dep] != label)
        {
            cost++;
        }

        return cost;
    }

    /// <summary>Saves the model (binary, deterministic; format 2: the labels, the template numbers, the weights).</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Magic, FormatVersion, w =>
    {
        w.Write(_labels.Length);
        foreach (var l in _labels)
        {
            w.Write(l);
        }

        w.Write(_templates.Length);
        foreach (var t in _templates)
        {
            w.Write(t);
        }

        _model.Write(w);
    });

    /// <summary>Loads a model written by <see cref="Save"/> (format 2), or a format-1 model (all templates).</summary>
    /// <exception cref="Core.ParleyException">PRL2004 for a file that is not a Parley parser model, is cut short, or names unknown templates.</exception>
    public static DependencyParser Load(Stream stream) => ModelFile.Load(stream, Magic, 1, FormatVersion, "parser model", (r, version) =>
    {
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = r.ReadString();
        }

        var templates = ParserState.TemplateNumbers;
        if (version >= 2)
        {
            var count = r.ReadInt32();
            if (count < 1 || count > ParserState.TemplateNumbers.Length)
            {
                throw new FormatException("Bad template count.");
            }

            templates = new int[count];
            for (var i = 0; i < count; i++)
            {
                templates[i] = r.ReadInt32();
                if (Array.IndexOf(ParserState.TemplateNumbers, templates[i]) < 0)
                {
                    throw new FormatException("Unknown template.");
                }
            }
        }

        return new DependencyParser(labels, SparseLinearModel.Read(r), templates);
    });
}

/// <summary>Precomputed hashed ids of each token's word, XPOS and UPOS; index 0 is the artificial root.</summary>
internal sealed record TokenIds(ulong[] Words, ulong[] Tags, ulong[] UTags);
