namespace Parley.Linguistics.Tagging;

/// <summary>
/// A multiclass averaged perceptron over hashed sparse binary features (Collins 2002; Honnibal's
/// tagger). Training keeps dense per-feature rows; <see cref="Compile"/> averages, prunes small weights
/// and returns a compact read-only model.
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly int _classes;
    private readonly Dictionary<ulong, int> _rows = [];
    private float[] _weights;
    private float[] _totals;
    private int[] _stamps;
    private int _instances;

    public AveragedPerceptron(int classes)
    {
        _classes = classes;
        _weights = new float[1024 * classes];
        _totals = new float[1024 * classes];
        _stamps = new int[1024 * classes];
    }

    public int FeatureCount => _rows.Count;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                var w = _weights.AsSpan(row * _classes, _classes);
                for (var c = 0; c < _classes; c++)
                {
                    scores[c] += w[c];
                }
            }
        }
    }

    /// <summary>Counts one training instance; call once per prediction, before <see cref="Update"/>.</summary>
    public void Tick() => _instances++;

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            var row = RowFor(f);
            Bump(row * _classes + truth, 1f);
            Bump(row * _classes + guess, -1f);
        }
    }

    private void Bump(int i, float v)
    {
        _totals[i] += (_instances - _stamps[i]) * _weights[i];
        _stamps[i] = _instances;
        _weights[i] += v;
    }

    private int RowFor(ulong f)
    {
        if (_rows.TryGetValue(f, out var row))
        {
            return row;
        }

        row = _rows.Count;
        _rows[f] = row;
        var need = (row + 1) * _classes;
        if (need > _weights.Length)
        {
            var size = _weights.Length * 2;
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }

        return row;
    }

    /// <summary>Averages the weights and drops those whose magnitude is below <paramref name="threshold"/>.</summary>
    public SparseLinearModel Compile(float threshold)
    {
        var entries = new List<(ulong Feature, byte[] Classes, float[] Weights)>();
        var cls = new List<byte>();
        var ws = new List<float>();
        foreach (var (feature, row) in _rows.OrderBy(kv => kv.Key))
        {
            cls.Clear();
            ws.Clear();
            for (var c = 0; c < _classes; c++)
            {
                var i = row * _classes + c;
                var total = _totals[i] + (_instances - _stamps[i]) * _weights[i];
                var avg = _instances == 0 ? 0f : total / _instances;
                if (Math.Abs(avg) >= threshold)
                {
                    cls.Add((byte)c);
                    ws.Add(avg);
                }
            }

            if (cls.Count > 0)
            {
                entries.Add((feature, cls.ToArray(), ws.ToArray()));
            }
        }

        return SparseLinearModel.FromEntries(_classes, entries);
    }
}

/// <summary>
/// The compiled, read-only perceptron: for each feature hash, its non-zero class weights. Thread-safe.
/// </summary>
internal sealed class SparseLinearModel
{
    private readonly Dictionary<ulong, int> _index;
    private readonly int[] _starts;
    private readonly byte[] _classIds;
    private readonly float[] _weights;

    private SparseLinearModel(int classes, Dictionary<ulong, int> index, int[] starts, byte[] classIds, float[] weights)
    {
        Classes = classes;
        _index = index;
        _starts = starts;
        _classIds = classIds;
        _weights = weights;
    }

    public int Classes { get; }

    public int FeatureCount => _index.Count;

    public static SparseLinearModel FromEntries(int classes, List<(ulong Feature, byte[] Classes, float[] Weights)> entries)
    {
        var index = new Dictionary<ulong, int>(entries.Count);
        var starts = new int[entries.Count + 1];
        var total = entries.Sum(e => e.Classes.Length);
        var classIds = new byte[total];
        var weights = new float[total];
        var pos = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            index[entries[i].Feature] = i;
            starts[i] = pos;
            entries[i].Classes.CopyTo(classIds, pos);
            entries[i].Weights.CopyTo(weights, pos);
            pos += entries[i].Classes.Length;
        }

        starts[entries.Count] = pos;
        return new SparseLinearModel(classes, index, starts, classIds, weights);
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_index.TryGetValue(f, out var e))
            {
                for (var k = _starts[e]; k < _starts[e + 1]; k++)
                {
                    scores[_classIds[k]] += _weights[k];
                }
            }
        }
    }

    /// <summary>Writes the model: feature count, then per feature (in hash order) its hash, entry count, and (class, Half weight) pairs.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(_index.Count);
        foreach (var (feature, e) in _index.OrderBy(kv => kv.Key))
        {
            w.Write(feature);
            var n = _starts[e + 1] - _starts[e];
            w.Write((byte)n);
            for (var k = _starts[e]; k < _starts[e + 1]; k++)
            {
                w.Write(_classIds[k]);
                w.Write((Half)_weights[k]);
            }
        }
    }

    public static SparseLinearModel Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        var entries = new List<(ulong, byte[], float[])>(count);
        for (var i = 0; i < count; i++)
        {
            var f = r.ReadUInt64();
            var n = r.ReadByte();
            var c = new byte[n];
            var ws = new float[n];
            for (var k = 0; k < n; k++)
            {
                c[k] = r.ReadByte();
                ws[k] = (float)r.ReadHalf();
            }

            entries.Add((f, c, ws));
        }

        return FromEntries(classes, entries);
    }
}
