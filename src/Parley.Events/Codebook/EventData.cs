using Parley.Core;

namespace Parley.Events.Codebook;

/// <summary>Locates and reads the event-coding data shipped in <c>data/events</c> (see its README for provenance).</summary>
public static class EventData
{
    /// <summary>Finds <c>data/events</c> under the current directory or above the executable (the repository root); PRL2004 otherwise.</summary>
    public static string Locate()
    {
        var local = Path.Combine("data", "events");
        if (File.Exists(Path.Combine(local, CameoCodebook.PloverTableFile)))
        {
            return Path.GetFullPath(local);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "events");
            if (File.Exists(Path.Combine(candidate, CameoCodebook.PloverTableFile)))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.DataFile, "The event codebook folder data/events was not found.");
    }

    /// <summary>The lines of a shipped data file; PRL2004 naming the file when it is missing.</summary>
    internal static IEnumerable<string> ReadLines(string path) =>
        File.Exists(path)
            ? File.ReadLines(path)
            : throw new ParleyException(Errors.DataFile, $"Event data file {path} is missing.");
}
