namespace Parley.Linguistics.Tagging;

/// <summary>
/// An averaged perceptron whose rows keep only the classes a feature was ever updated for. Suited to many
/// classes (labelled parser transitions) where each update touches two classes: memory grows with the
/// updates, not with features × classes.
/// </summary>
internal sealed class SparseAveragedPerceptron
{
    private readonly int _classes;
    private readonly Dictionary<ulong, Row> _rows = [];
    private int _instances;

    public SparseAveragedPerceptron(int classes)
    {
        if (classes > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "At most 256 classes.");
        }

        _classes = classes;
    }

    public int FeatureCount => _rows.Count;

    public void Tick() => _instances++;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                for (var k = 0; k < row.Count; k++)
                {
                    scores[row.Classes[k]] += row.Weights[k];
                }
            }
        }
    }

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
            {
                row = new Row();
                _rows[f] = row;
            }

            row.Bump((byte)truth, 1f, _instances);
            row.Bump((byte)guess, -1f, _instances);
        }
    }

    public SparseLinearModel Compile(float threshold)
    {
        var entries = new List<(ulong Feature, byte[] Classes, float[] Weights)>();
        var cls = new List<byte>();
        var ws = new List<float>();
        foreach (var (feature, row) in _rows.OrderBy(kv => kv.Key))
        {
            cls.Clear();
            ws.Clear();
            for (var k = 0; k < row.Count; k++)
            {
                var total = row.Totals[k] + ((_instances - row.Stamps[k]) * row.Weights[k]);
                var avg = _instances == 0 ? 0f : (float)(total / _instances);
                if (Math.Abs(avg) >= threshold)
                {
                    cls.Add(row.Classes[k]);
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

    private sealed class Row
    {
        public byte[] Classes = new byte[2];
        public float[] Weights = new float[2];
        public double[] Totals = new double[2];
        public int[] Stamps = new int[2];
        public int Count;

        public void Bump(byte cls, float v, int now)
        {
            var k = Array.IndexOf(Classes, cls, 0, Count);
            if (k < 0)
            {
                if (Count == Classes.Length)
                {
                    var size = Count * 2;
                    Array.Resize(ref Classes, size);
                    Array.Resize(ref Weights, size);
                    Array.Resize(ref Totals, size);
                    Array.Resize(ref Stamps, size);
                }

                k = Count++;
                Classes[k] = cls;
                Stamps[k] = now;
            }

            Totals[k] += (now - Stamps[k]) * (double)Weights[k];
            Stamps[k] = now;
            Weights[k] += v;
        }
    }
}
