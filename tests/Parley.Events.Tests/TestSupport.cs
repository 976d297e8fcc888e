using Parley.Actors;
using Parley.Core;
using Parley.Events.Codebook;
using Parley.Events.Coding;
using Parley.Linguistics;
using Parley.Linguistics.Parsing;

namespace Parley.Events.Tests;

/// <summary>Locates the repository (the folder holding Parley.slnx), its data/events and the shared folder beside it.</summary>
internal static class TestSupport
{
    private static readonly Lazy<VerbDictionary> LazyVerbs = new(() => VerbDictionary.Load(DataDir));
    private static readonly Lazy<CameoCodebook> LazyCodebook = new(() => CameoCodebook.Load(DataDir));

    public static string RepoRoot { get; } = LocateRoot();

    private static readonly Lazy<LinguisticModels> LazyModels = new(() => new LinguisticModels(Path.Combine(RepoRoot, "models")));
    private static readonly Lazy<ActorResolver> LazyActors = new(() => ActorResolver.Load(Path.Combine(RepoRoot, "data", "actors")));

    public static string DataDir => Path.Combine(RepoRoot, "data", "events");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static VerbDictionary Verbs => LazyVerbs.Value;

    public static CameoCodebook Codebook => LazyCodebook.Value;

    /// <summary>The shipped linguistic models, loaded once for all test classes.</summary>
    public static LinguisticModels Models => LazyModels.Value;

    /// <summary>The shipped actor codebook, loaded once for all test classes.</summary>
    public static ActorResolver Actors => LazyActors.Value;

    /// <summary>
    /// Tokeniser and syntax, then <paramref name="layers"/> (temporal expressions, entities, places, document actors…,
    /// built from the shared models), then the event coder with <paramref name="options"/>.
    /// </summary>
    public static Pipeline CodingPipeline(EventCoderOptions options, params Func<LinguisticModels, IPipelineComponent>[] layers)
    {
        var builder = new PipelineBuilder().Add(new Tokenizer()).Add(new SyntaxAnnotator(Models));
        foreach (var layer in layers)
        {
            builder.Add(layer(Models));
        }

        return builder.Add(new EventCoder(Verbs, Codebook, Actors, options, DataDir)).Build();
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
