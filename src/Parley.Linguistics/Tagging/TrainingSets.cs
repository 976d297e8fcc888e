namespace Parley.Linguistics.Tagging;

/// <summary>
/// The corpora Parley's linguistic models learn from, resolved inside the shared data folder:
/// UD English EWT (train/dev/test) and the GUM documents, split by GUM's official
/// <c>TEST_DOCS.txt</c>/<c>DEV_DOCS.txt</c> (never trained on).
/// </summary>
public static class TrainingSets
{
    /// <summary>EWT train plus the GUM documents outside GUM's test and dev lists.</summary>
    public static List<AnnotatedSentence> Train(string shared)
    {
        var result = AnnotatedCorpus.Load(Path.Combine(shared, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu"));
        foreach (var file in GumFiles(shared, GumSplit.Train))
        {
            result.AddRange(AnnotatedCorpus.Load(file));
        }

        return result;
    }

    /// <summary>A named evaluation set: <c>ewt-dev</c>, <c>ewt-test</c>, <c>gum-dev</c>, <c>gum-test</c>.</summary>
    public static List<AnnotatedSentence> Named(string shared, string name) => Files(shared, name).SelectMany(AnnotatedCorpus.Load).ToList();

    /// <summary>The CoNLL-U files of a named evaluation set.</summary>
    /// <exception cref="Core.ParleyException">PRL3001 for an unknown name.</exception>
    public static IReadOnlyList<string> Files(string shared, string name) => name switch
    {
        "ewt-dev" => [Path.Combine(shared, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")],
        "ewt-test" => [Path.Combine(shared, "corpora", "ud-english-ewt", "en_ewt-ud-test.conllu")],
        "gum-dev" => GumFiles(shared, GumSplit.Dev).ToList(),
        "gum-test" => GumFiles(shared, GumSplit.Test).ToList(),
        _ => throw new Core.ParleyException(Core.Errors.InvalidOption, $"Unknown evaluation set '{name}'; use ewt-dev, ewt-test, gum-dev or gum-test."),
    };

    private enum GumSplit
    {
        Train,
        Dev,
        Test,
    }

    private static IEnumerable<string> GumFiles(string shared, GumSplit split)
    {
        var dir = Path.Combine(shared, "corpora", "gum-news");
        var test = File.ReadAllLines(Path.Combine(dir, "TEST_DOCS.txt")).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var dev = File.ReadAllLines(Path.Combine(dir, "DEV_DOCS.txt")).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.conllu").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var inTest = test.Contains(name);
            var inDev = dev.Contains(name);
            if ((split == GumSplit.Test && inTest) || (split == GumSplit.Dev && inDev) || (split == GumSplit.Train && !inTest && !inDev))
            {
                yield return file;
            }
        }
    }
}
