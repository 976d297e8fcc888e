using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Parsing;

namespace Parley.Time.Tests;

/// <summary>The repository, the shared folder beside it, and the full pipeline (tokeniser, shipped tagger and parser, temporal tagger).</summary>
internal static class TestSupport
{
    public static string RepoRoot { get; } = LocateRoot();

    private static readonly Lazy<SyntaxAnnotator> Syntax = new(() => new SyntaxAnnotator(new LinguisticModels(Path.Combine(RepoRoot, "models"))));

    public static string TempEval(string set) => Path.Combine(LocateShared(), "corpora", "tempeval3", set);

    /// <summary>Annotates <paramref name="text"/> with the DCT <paramref name="dct"/> (ISO date, or null for none).</summary>
    public static (Document Document, TimexLayer Layer) Annotate(string text, string? dct)
    {
        var published = dct is null ? null : TimeMlDocument.ParseDct(dct, DateSource.Override);
        var document = new Document("test", text, new DocumentMetadata { Published = published });
        new Tokenizer().Process(document, CancellationToken.None);
        Syntax.Value.Process(document, CancellationToken.None);
        new TimexTagger().Process(document, CancellationToken.None);
        return (document, document.Get(Layers.Timexes));
    }

    /// <summary>The single expression whose text is <paramref name="surface"/>.</summary>
    public static Timex Find(Document document, TimexLayer layer, string surface) =>
        Assert.Single(layer.Expressions, t => document.Slice(t.Span) == surface);

    /// <summary>Annotates <paramref name="text"/> with the DCT <paramref name="dct"/> and returns its single expression <paramref name="surface"/>.</summary>
    public static Timex Timex(string text, string? dct, string surface)
    {
        var (document, layer) = Annotate(text, dct);
        return Find(document, layer, surface);
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

    private static string LocateShared()
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        if (Directory.Exists(Path.Combine(shared, "corpora")))
        {
            return shared;
        }

        const string fallback = "/work/shared";
        return Directory.Exists(Path.Combine(fallback, "corpora"))
            ? fallback
            : throw new DirectoryNotFoundException($"No shared/corpora beside {RepoRoot}.");
    }
}
