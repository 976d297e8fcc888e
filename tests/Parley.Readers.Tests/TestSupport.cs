using System.Text;
using Parley.Core;

namespace Parley.Readers.Tests;

/// <summary>Paths, temporary folders and reading helpers shared by the reader tests.</summary>
internal static class TestSupport
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string GoldenDir => Path.Combine(RepoRoot, "tests", "Parley.Readers.Tests", "Golden");

    public static List<ReadResult> ReadText(string text, string path = "release.txt", ReaderOptions? options = null) =>
        new DocumentReader(options).ReadBytes(Encoding.UTF8.GetBytes(text), path).ToList();

    public static Document ReadOneDocument(string text, string path = "release.txt", ReaderOptions? options = null)
    {
        var results = ReadText(text, path, options);
        var result = Assert.Single(results);
        Assert.True(result.Document is not null, result.Diagnostic?.ToString());
        return result.Document!;
    }

    public static IReadOnlyList<string> BodyParagraphs(Document doc) => doc.Paragraphs.Select(doc.Slice).ToList();
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
