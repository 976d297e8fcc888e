namespace Parley.Linguistics.Entities;

/// <summary>
/// Hierarchical distributional word classes learnt from unannotated text, a cheap stand-in for Brown clusters: each
/// word seen at least <see cref="MinCount"/> times (lower-cased) is described by the positive pointwise mutual
/// information of the frequent words one and two positions to its left and right, projected onto
/// <see cref="Dimensions"/> fixed pseudo-random directions, and the unit vectors are split recursively by spherical
/// k-means into <see cref="Branching"/> children per node over <see cref="Levels"/> levels. A word's class is its
/// path (a base-<see cref="Branching"/> number with <see cref="Levels"/> digits); its prefixes are coarser classes.
/// Deterministic: the same sentences give the same classes.
/// </summary>
internal static class WordClusters
{
    public const int Levels = 4;
    public const int Branching = 8;
    public const int MinCount = 3;
    public const int Dimensions = 64;
    private const int ContextWords = 800;
    private const int Iterations = 8;

    /// <summary>The class path of every word frequent enough, keyed by its lower-cased form.</summary>
    public static Dictionary<string, int> Build(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var text = sentences.Select(s => s.Select(w => w.ToLowerInvariant()).ToArray()).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in text)
        {
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var vocabulary = counts.Where(kv => kv.Value >= MinCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        // context ids: the most frequent words and the sentence edge, at offsets -2, -1, +1, +2
        var contexts = Math.Min(ContextWords, vocabulary.Length) + 1;
        int Context(string[] s, int j) => j < 0 || j >= s.Length ? contexts - 1 : index.TryGetValue(s[j], out var c) && c < contexts - 1 ? c : -1;
        var cooccurrence = new Dictionary<int, int>[vocabulary.Length];
        for (var i = 0; i < cooccurrence.Length; i++)
        {
            cooccurrence[i] = [];
        }

        var columnTotals = new long[contexts * 4];
        long total = 0;
        int[] offsets = [-2, -1, 1, 2];
        foreach (var s in text)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!index.TryGetValue(s[i], out var w))
                {
                    continue;
                }

                for (var o = 0; o < offsets.Length; o++)
                {
                    var c = Context(s, i + offsets[o]);
                    if (c < 0)
                    {
                        continue;
                    }

                    var column = (o * contexts) + c;
                    cooccurrence[w][column] = cooccurrence[w].GetValueOrDefault(column) + 1;
                    columnTotals[column]++;
                    total++;
                }
            }
        }

        // fixed pseudo-random ±1 directions per context column
        var directions = new float[columnTotals.Length * Dimensions];
        var rng = new Random(20261129);
        for (var i = 0; i < directions.Length; i++)
        {
            directions[i] = rng.Next(2) == 0 ? -1f : 1f;
        }

        var vectors = new float[vocabulary.Length][];
        for (var w = 0; w < vocabulary.Length; w++)
        {
            var v = new float[Dimensions];
            var rowTotal = cooccurrence[w].Values.Sum();
            foreach (var (column, n) in cooccurrence[w].OrderBy(kv => kv.Key))
            {
                var pmi = Math.Log((double)n * total / ((double)rowTotal * columnTotals[column]));
                if (pmi <= 0)
                {
                    continue;
                }

                var d = directions.AsSpan(column * Dimensions, Dimensions);
                for (var k = 0; k < Dimensions; k++)
                {
                    v[k] += (float)pmi * d[k];
                }
            }

            Normalize(v);
            vectors[w] = v;
        }

        var paths = new int[vocabulary.Length];
        Split(vectors, Enumerable.Range(0, vocabulary.Length).ToArray(), paths, 0, 0);
        var result = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var w = 0; w < vocabulary.Length; w++)
        {
            result[vocabulary[w]] = paths[w];
        }

        return result;
    }

    /// <summary>The class prefix of <paramref name="path"/> at <paramref name="level"/> (1 = coarsest, <see cref="Levels"/> = the full path).</summary>
    public static int Prefix(int path, int level)
    {
        var divisor = 1;
        for (var l = level; l < Levels; l++)
        {
            divisor *= Branching;
        }

        return path / divisor;
    }

    private static void Normalize(float[] v)
    {
        double norm = 0;
        foreach (var x in v)
        {
            norm += x * x;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < v.Length; k++)
            {
                v[k] *= scale;
            }
        }
    }

    private static void Split(float[][] vectors, int[] members, int[] paths, int level, int path)
    {
        if (level == Levels)
        {
            foreach (var m in members)
            {
                paths[m] = path;
            }

            return;
        }

        var assignment = new int[members.Length];
        if (members.Length > Branching * 2)
        {
            // k-means++ style seeding, deterministic: the most frequent member, then each next centre the member least
            // similar to the centres so far among a fixed stride of candidates
            var centres = new float[Branching][];
            centres[0] = (float[])vectors[members[0]].Clone();
            var bestSimilarity = members.Select(m => Dot(vectors[m], centres[0])).ToArray();
            for (var c = 1; c < Branching; c++)
            {
                var pick = 0;
                for (var i = 1; i < members.Length; i++)
                {
                    if (bestSimilarity[i] < bestSimilarity[pick])
                    {
                        pick = i;
                    }
                }

                centres[c] = (float[])vectors[members[pick]].Clone();
                for (var i = 0; i < members.Length; i++)
                {
                    bestSimilarity[i] = Math.Max(bestSimilarity[i], Dot(vectors[members[i]], centres[c]));
                }
            }

            for (var it = 0; it < Iterations; it++)
            {
                for (var i = 0; i < members.Length; i++)
                {
                    var best = 0;
                    var bestDot = float.NegativeInfinity;
                    for (var c = 0; c < Branching; c++)
                    {
                        var d = Dot(vectors[members[i]], centres[c]);
                        if (d > bestDot)
                        {
                            bestDot = d;
                            best = c;
                        }
                    }

                    assignment[i] = best;
                }

                for (var c = 0; c < Branching; c++)
                {
                    var sum = new float[Dimensions];
                    for (var i = 0; i < members.Length; i++)
                    {
                        if (assignment[i] == c)
                        {
                            var v = vectors[members[i]];
                            for (var k = 0; k < Dimensions; k++)
                            {
                                sum[k] += v[k];
                            }
                        }
                    }

                    Normalize(sum);
                    centres[c] = sum;
                }
            }
        }

        for (var c = 0; c < Branching; c++)
        {
            var child = members.Where((_, i) => assignment[i] == c).ToArray();
            if (child.Length > 0)
            {
                Split(vectors, child, paths, level + 1, (path * Branching) + c);
            }
        }
    }

    private static float Dot(float[] a, float[] b)
    {
        float s = 0;
        for (var k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }
}
