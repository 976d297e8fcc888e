using Parley.Events.Codebook;

namespace Parley.Events.Tests;

/// <summary>Locates the repository (the folder holding Parley.slnx), its data/events and the shared folder beside it.</summary>
internal static class TestSupport
{
    private static readonly Lazy<VerbDictionary> LazyVerbs = new(() => VerbDictionary.Load(DataDir));
    private static readonly Lazy<CameoCodebook> LazyCodebook = new(() => CameoCodebook.Load(DataDir));

    public static string RepoRoot { get; } = LocateRoot();

    public static string DataDir => Path.Combine(RepoRoot, "data", "events");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static VerbDictionary Verbs => LazyVerbs.Value;

    public static CameoCodebook Codebook => LazyCodebook.Value;

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
