using System.Runtime.Intrinsics.X86;

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

    /// <summary>Moves the weights of <paramref name="features"/> towards <paramref name="truth"/> and away from <paramref name="guess"/> by <paramref name="step"/> (an instance weight).</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess, float step = 1f)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            var row = RowFor(f);
            Bump(row * _classes + truth, step);
            Bump(row * _classes + guess, -step);
        }
    }

    /// <summary>Adds <paramref name="step"/> to the weights of <paramref name="features"/> for one class (structured updates).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float step)
    {
        foreach (var f in features)
        {
            Bump(RowFor(f) * _classes + cls, step);
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
    public SparseLinearModel Compile(float threshold) => CompileMean([this], threshold);

    /// <summary>
    /// The mean of the averaged weights of several perceptrons over the same classes (runs trained with different
    /// shuffles: a cheap ensemble), pruned below <paramref name="threshold"/>.
    /// </summary>
    public static SparseLinearModel CompileMean(IReadOnlyList<AveragedPerceptron> models, float threshold)
    {
        ArgumentNullException.ThrowIfNull(models);
        var classes = models[0]._classes;
        var sums = new Dictionary<ulong, float[]>();
        foreach (var m in models)
        {
            foreach (var (feature, row) in m._rows)
            {
                if (!sums.TryGetValue(feature, out var acc))
                {
                    sums[feature] = acc = new float[classes];
                }

                for (var c = 0; c < classes; c++)
                {
                    var i = row * classes + c;
                    var total = m._totals[i] + (m._instances - m._stamps[i]) * m._weights[i];
                    acc[c] += (m._instances == 0 ? 0f : total / m._instances) / models.Count;
                }
            }
        }

        var entries = new List<(ulong Feature, byte[] Classes, float[] Weights)>();
        var cls = new List<byte>();
        var ws = new List<float>();
        foreach (var (feature, acc) in sums.OrderBy(kv => kv.Key))
        {
            cls.Clear();
            ws.Clear();
            for (var c = 0; c < classes; c++)
            {
                if (Math.Abs(acc[c]) >= threshold)
                {
                    cls.Add((byte)c);
                    ws.Add(acc[c]);
                }
            }

            if (cls.Count > 0)
            {
                entries.Add((feature, cls.ToArray(), ws.ToArray()));
            }
        }

        return SparseLinearModel.FromEntries(classes, entries);
    }
}

/// <summary>
/// The compiled, read-only perceptron: for each feature hash, its non-zero class weights, found through an
/// open-addressing hash table. Stored as flat arrays so that loading is a bulk copy. Thread-safe.
/// </summary>
internal sealed class SparseLinearModel
{
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly byte[] _classIds;
    private readonly float[] _weights;
    private readonly PinnedTable<Slot> _table;
    private readonly PinnedTable<Entry> _entries;
    private readonly int _mask;

    private SparseLinearModel(int classes, ulong[] keys, int[] starts, byte[] classIds, float[] weights)
    {
        Classes = classes;
        _keys = keys;
        _starts = starts;
        _classIds = classIds;
        _weights = weights;
        _entries = new PinnedTable<Entry>(weights.Length);
        var entries = _entries.AsSpan();
        for (var i = 0; i < weights.Length; i++)
        {
            entries[i] = new Entry(weights[i], classIds[i]);
        }

        // Lookup is memory-bound, so the table is compact: 8-byte slots (upper 32 bits of the feature hash and
        // the packed entry range) at a load factor of at most 0.75, and (weight, class) entries as floats: the
        // file stores half floats, but converting them in the scoring loop costs more than the memory saved.
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (keys.Length * 4 / 3) + 1));
        _mask = size - 1;
        _table = new PinnedTable<Slot>(size);
        var table = _table.AsSpan();
        for (var i = 0; i < keys.Length; i++)
        {
            var count = starts[i + 1] - starts[i];
            if (count > 255 || starts[i] >= (1 << 24))
            {
                throw new InvalidOperationException("Model too large for the compact lookup table.");
            }

            var slot = SlotOf(keys[i]);
            while (table[slot].Packed != 0)
            {
                slot = (slot + 1) & _mask;
            }

            table[slot] = new Slot((uint)(keys[i] >> 32), (starts[i] << 8) | count);
        }
    }

    private readonly record struct Slot(uint Key, int Packed);

    private readonly record struct Entry(float Weight, int Class);

    public int Classes { get; }

    public int FeatureCount => _keys.Length;

    private int SlotOf(ulong key) => (int)(key * 0x9E3779B97F4A7C15UL >> 40) & _mask;

    /// <summary>Builds the model from entries sorted by feature hash.</summary>
    public static SparseLinearModel FromEntries(int classes, List<(ulong Feature, byte[] Classes, float[] Weights)> entries)
    {
        var keys = new ulong[entries.Count];
        var starts = new int[entries.Count + 1];
        var total = entries.Sum(e => e.Classes.Length);
        var classIds = new byte[total];
        var weights = new float[total];
        var pos = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            keys[i] = entries[i].Feature;
            starts[i] = pos;
            entries[i].Classes.CopyTo(classIds, pos);
            entries[i].Weights.CopyTo(weights, pos);
            pos += entries[i].Classes.Length;
        }

        starts[entries.Count] = pos;
        return new SparseLinearModel(classes, keys, starts, classIds, weights);
    }

    /// <summary>
    /// Adds the weights of every feature to <paramref name="scores"/> (cleared first), feature by feature in the
    /// order given, so the sums are the same bit for bit as a plain loop. The lookups are memory-bound (the tables
    /// are larger than the caches), so they run in three passes over batches of features: prefetch each feature's
    /// home slot, probe the slots and prefetch the weights found, then add the weights in feature order.
    /// </summary>
    public unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        if (features.IsEmpty)
        {
            return;
        }

        fixed (float* sums = scores)
        {
            Accumulate(features, features.Length, sums, scores.Length);
        }
    }

    /// <summary>
    /// <see cref="Score"/> for several rows at once: <paramref name="features"/> holds rows of
    /// <paramref name="rowLength"/> features, and row r's scores go to <c>scores[r × w .. (r + 1) × w]</c> where
    /// w = <paramref name="scores"/>.Length / rows. Each row's sums are the same bit for bit as <see cref="Score"/> on
    /// that row alone; the lookups of all rows overlap in memory.
    /// </summary>
    public unsafe void ScoreRows(ReadOnlySpan<ulong> features, int rowLength, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowLength);
        scores.Clear();
        var rows = features.Length / rowLength;
        if (rows == 0)
        {
            return;
        }

        if (rows * rowLength != features.Length || scores.Length % rows != 0)
        {
            throw new ArgumentException("The features and scores must be whole rows.", nameof(features));
        }

        fixed (float* sums = scores)
        {
            Accumulate(features, rowLength, sums, scores.Length / rows);
        }
    }

    /// <summary>
    /// Adds the weights of every feature to its row's scores (feature j to the row j / rowLength, whose
    /// <paramref name="width"/> scores start at <c>sums + row × width</c>), feature by feature in the order given.
    /// The lookups are memory-bound (the tables are larger than the caches), so they run in three passes over
    /// batches of features: prefetch each feature's home slot, probe the slots and prefetch the weights found, then
    /// add the weights in feature order.
    /// </summary>
    private unsafe void Accumulate(ReadOnlySpan<ulong> features, int rowLength, float* sums, int width)
    {
        const int Batch = 128;
        var mask = _mask;
        Span<int> found = stackalloc int[Math.Min(features.Length, Batch)];
        var table = _table.Pointer;
        var entries = _entries.Pointer;
        var row = sums; // the scores of the current feature's row
        var left = rowLength; // features left in that row
        for (var b = 0; b < features.Length; b += Batch)
        {
            var chunk = features.Slice(b, Math.Min(Batch, features.Length - b));
            if (Sse.IsSupported)
            {
                foreach (var f in chunk)
                {
                    Sse.Prefetch0(table + SlotOf(f));
                }
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var f = chunk[i];
                var slot = SlotOf(f);
                var key = (uint)(f >> 32);
                var packed = 0;
                while (true)
                {
                    var s = table[slot];
                    if (s.Packed == 0)
                    {
                        break;
                    }

                    if (s.Key == key)
                    {
                        packed = s.Packed;
                        if (Sse.IsSupported)
                        {
                            Sse.Prefetch0(entries + (packed >>> 8));
                        }

                        break;
                    }

                    slot = (slot + 1) & mask;
                }

                found[i] = packed;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var packed = found[i];
                var start = packed >>> 8;
                var end = start + (packed & 0xFF);
                for (var k = start; k < end; k++)
                {
                    var e = entries[k];
                    if ((uint)e.Class >= (uint)width)
                    {
                        throw new IndexOutOfRangeException();
                    }

                    row[e.Class] += e.Weight;
                }

                if (--left == 0)
                {
                    row += width;
                    left = rowLength;
                }
            }
        }

        GC.KeepAlive(_table);
        GC.KeepAlive(_entries);
    }

    /// <summary>Writes the model as flat little-endian arrays: keys, starts, class ids, half-precision weights.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(_keys.Length);
        w.Write(_classIds.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_keys.AsSpan()));
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_starts.AsSpan()));
        w.Write(_classIds);
        var halves = new Half[_weights.Length];
        for (var i = 0; i < halves.Length; i++)
        {
            halves[i] = (Half)_weights[i];
        }

        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()));
    }

    public static SparseLinearModel Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        var entries = r.ReadInt32();
        if (count < 0 || entries < 0)
        {
            throw new EndOfStreamException("Corrupt model header.");
        }

        var keys = new ulong[count];
        var starts = new int[count + 1];
        var classIds = new byte[entries];
        var halves = new Half[entries];
        ReadExactly(r, System.Runtime.InteropServices.MemoryMarshal.AsBytes(keys.AsSpan()));
        ReadExactly(r, System.Runtime.InteropServices.MemoryMarshal.AsBytes(starts.AsSpan()));
        ReadExactly(r, classIds);
        ReadExactly(r, System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()));
        var weights = new float[entries];
        for (var i = 0; i < entries; i++)
        {
            weights[i] = (float)halves[i];
        }

        return new SparseLinearModel(classes, keys, starts, classIds, weights);
    }

    private static void ReadExactly(BinaryReader r, Span<byte> target)
    {
        if (r.BaseStream.Read(target) is var n && n != target.Length)
        {
            var read = n;
            while (read < target.Length)
            {
                var more = r.BaseStream.Read(target[read..]);
                if (more == 0)
                {
                    throw new EndOfStreamException();
                }

                read += more;
            }
        }
    }
}
