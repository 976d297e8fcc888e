namespace Parley.Linguistics.Tests;

/// <summary>Finds the repository (the directory holding Parley.slnx) and the shared data folder beside it.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = LocateRoot();

    public static string SharedRoot { get; } = LocateShared();

    public static string EwtTest => Corpus("ud-english-ewt", "en_ewt-ud-test.conllu");

    public static string EwtTrain => Corpus("ud-english-ewt", "en_ewt-ud-train.conllu");

    public static string Corpus(params string[] parts) => Path.Combine([SharedRoot, "corpora", .. parts]);

    private static string LocateRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string LocateShared()
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(shared, "corpora"))
            ? shared
            : throw new DirectoryNotFoundException($"No shared/corpora beside {RepoRoot}.");
    }
}
