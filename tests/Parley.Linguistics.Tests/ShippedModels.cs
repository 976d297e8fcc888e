using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Tests;

/// <summary>The committed models under models/, loaded once for all tests.</summary>
internal static class ShippedModels
{
    public static readonly Lazy<PosTagger> Tagger = new(() =>
    {
        using var s = File.OpenRead(Path.Combine(TestData.RepoRoot, "models", "pos", "en-pos.bin"));
        return PosTagger.Load(s);
    });

    public static readonly Lazy<Morphology> Morphology = new(() =>
    {
        using var s = File.OpenRead(Path.Combine(TestData.RepoRoot, "models", "pos", "en-morph.bin"));
        return Linguistics.Tagging.Morphology.Load(s);
    });
}
