using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// Finds the shipped <c>models</c> folder: under the current directory, else in the nearest parent of the
/// executable's folder that has one (the repository root when run through <c>./parley</c>).
/// </summary>
internal static class ModelFolder
{
    public const string Name = "models";

    /// <summary>The models root (the folder holding <c>pos/</c> and <c>parser/</c>).</summary>
    public static string Root() => Path.GetDirectoryName(Path.GetDirectoryName(Locate(Path.Combine("pos", "en-pos.bin"))))!;

    /// <summary>The full path of a model file given relative to the models root; PRL2004 when absent.</summary>
    public static string Locate(string relativeFile)
    {
        var local = Path.Combine(Name, relativeFile);
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Name, relativeFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.DataFile, $"The model file {Name}/{relativeFile} was not found; rebuild it with './parley train …' or pass --model.");
    }
}
