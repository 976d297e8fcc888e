using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Tests.Tagging;

public sealed class SparseLinearModelTests
{
    private const int Classes = 5;

    private static (SparseLinearModel Model, Dictionary<ulong, (byte Class, float Weight)[]> Weights) RandomModel(int features, int seed)
    {
        var rng = new Random(seed);
        var weights = new Dictionary<ulong, (byte, float)[]>();
        while (weights.Count < features)
        {
            var key = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            var classes = Enumerable.Range(0, Classes).Where(_ => rng.NextDouble() < 0.5).Select(c => ((byte)c, (float)(rng.NextDouble() - 0.5))).ToArray();
            if (classes.Length > 0)
            {
                weights[key] = classes;
            }
        }

        var entries = weights.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value.Select(e => e.Item1).ToArray(), kv.Value.Select(e => e.Item2).ToArray())).ToList();
        return (SparseLinearModel.FromEntries(Classes, entries), weights);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(128)]
    [InlineData(300)]
    public void Score_BatchesOfFeatures_SameSumsAsAPlainLoopInFeatureOrder(int count)
    {
        var (model, weights) = RandomModel(5000, 3);
        var rng = new Random(count);
        var known = weights.Keys.ToArray();
        var features = Enumerable.Range(0, count).Select(i => i % 3 == 0 ? (ulong)rng.NextInt64() : known[rng.Next(known.Length)]).ToArray();
        var expected = new float[Classes];
        foreach (var f in features)
        {
            foreach (var (c, w) in weights.GetValueOrDefault(f, []))
            {
                expected[c] += w;
            }
        }

        var scores = new float[Classes];
        Array.Fill(scores, 42f);
        model.Score(features, scores);
        Assert.Equal(expected, scores);
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(14, 6)]
    [InlineData(40, 7)]
    public void ScoreRows_SeveralRows_EachRowAsScoreAlone(int rows, int rowLength)
    {
        var (model, weights) = RandomModel(5000, 4);
        var rng = new Random(rows);
        var known = weights.Keys.ToArray();
        var features = Enumerable.Range(0, rows * rowLength).Select(i => i % 4 == 0 ? (ulong)rng.NextInt64() : known[rng.Next(known.Length)]).ToArray();
        var scores = new float[rows * Classes];
        Array.Fill(scores, 42f);
        model.ScoreRows(features, rowLength, scores);
        var alone = new float[Classes];
        for (var r = 0; r < rows; r++)
        {
            model.Score(features.AsSpan(r * rowLength, rowLength), alone);
            Assert.Equal(alone, scores.AsSpan(r * Classes, Classes).ToArray());
        }
    }

    [Fact]
    public void ScoreRows_PartialRow_Throws()
    {
        var (model, _) = RandomModel(100, 5);
        Assert.Throws<ArgumentException>(() => model.ScoreRows(new ulong[7], 3, new float[2 * Classes]));
    }

    [Fact]
    public void Score_LargeModelInHugePageTable_FindsEveryFeature()
    {
        // more than 2 MiB of slots: the table is allocated 2 MiB-aligned and advised as huge pages on Linux
        var (model, weights) = RandomModel(300_000, 5);
        var scores = new float[Classes];
        foreach (var (f, entries) in weights.Take(2000))
        {
            model.Score([f], scores);
            var expected = new float[Classes];
            foreach (var (c, w) in entries)
            {
                expected[c] += w;
            }

            Assert.Equal(expected, scores);
        }
    }
}
