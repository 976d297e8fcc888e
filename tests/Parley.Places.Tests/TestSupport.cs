namespace Parley.Places.Tests;

/// <summary>Locates the repository (the directory holding Parley.slnx), its data/places and the shared folder beside it.</summary>
internal static class TestSupport
{
    private static readonly Lazy<PlaceResolver> LazyResolver = new(() => PlaceResolver.Load(DataDir));

    public static string RepoRoot { get; } = LocateRoot();

    public static string DataDir => Path.Combine(RepoRoot, "data", "places");

    public static string SuitePath => Path.Combine(RepoRoot, "tests", "Parley.Places.Tests", "place-suite.tsv");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>One resolver for the whole test run (it is immutable and thread-safe).</summary>
    public static PlaceResolver Resolver => LazyResolver.Value;

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-places-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

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
}
