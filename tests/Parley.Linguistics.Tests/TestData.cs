namespace Parley.Linguistics.Tests;

/// <summary>Finds the shared data folder: the directory holding Parley.slnx, then ../shared.</summary>
internal static class TestData
{
    public static string SharedRoot { get; } = Locate();

    public static string Corpus(params string[] parts) => Path.Combine([SharedRoot, "corpora", .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(Path.Combine(shared, "corpora")))
                {
                    return shared;
                }

                throw new DirectoryNotFoundException($"No shared/corpora beside {dir.FullName}.");
            }
        }

        throw new DirectoryNotFoundException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
