namespace Parley.Actors.Tests;

/// <summary>Locates the repository (the directory holding Parley.slnx), its data/actors and the shared folder beside it.</summary>
internal static class TestSupport
{
    private static readonly Lazy<ActorResolver> LazyResolver = new(() => ActorResolver.Load(DataDir));

    public static string RepoRoot { get; } = LocateRoot();

    public static string DataDir => Path.Combine(RepoRoot, "data", "actors");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>One resolver for the whole test run (it is immutable and thread-safe).</summary>
    public static ActorResolver Resolver => LazyResolver.Value;

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-actors-" + Guid.NewGuid().ToString("N"));
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
