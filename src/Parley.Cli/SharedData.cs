using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// Finds the <c>shared</c> folder (corpora, dictionaries, evaluation sets) used by evaluation, training and
/// benchmark commands. Order: the <c>--shared</c> option, the <c>PARLEY_SHARED</c> environment variable, then a
/// <c>shared</c> folder holding <c>corpora/</c> beside the current directory or any of its parents, then beside
/// the executable's folders. The product itself never needs it at run time.
/// </summary>
public static class SharedData
{
    /// <summary>The <c>--shared DIR</c> option every evaluation, training and benchmark command takes.</summary>
    public static System.CommandLine.Option<string?> CreateOption() =>
        new("--shared") { Description = "The shared data folder (default: PARLEY_SHARED, else ../shared found upward)." };

    /// <summary>Resolves the shared folder or throws PRL2004 naming what was tried.</summary>
    public static string Locate(string? explicitPath = null)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(explicitPath))
        {
            candidates.Add(explicitPath);
        }
        else
        {
            var env = Environment.GetEnvironmentVariable("PARLEY_SHARED");
            if (!string.IsNullOrEmpty(env))
            {
                candidates.Add(env);
            }

            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    candidates.Add(Path.Combine(dir.FullName, "shared"));
                    if (dir.Parent is not null)
                    {
                        candidates.Add(Path.Combine(dir.Parent.FullName, "shared"));
                    }
                }
            }
        }

        foreach (var c in candidates)
        {
            if (Directory.Exists(Path.Combine(c, "corpora")))
            {
                return Path.GetFullPath(c);
            }
        }

        throw new ParleyException(Errors.DataFile, $"The shared data folder (with corpora/) was not found; tried {string.Join(", ", candidates.Distinct().Take(4))}…; pass --shared DIR or set PARLEY_SHARED.");
    }
}
