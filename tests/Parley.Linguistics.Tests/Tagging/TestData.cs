namespace Parley.Linguistics.Tests.Tagging;

/// <summary>Paths of the repository and the shared corpora, found from the test binary's folder.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string EwtTest => Path.Combine(Shared, "corpora", "ud-english-ewt", "en_ewt-ud-test.conllu");

    public static string EwtTrain => Path.Combine(Shared, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
