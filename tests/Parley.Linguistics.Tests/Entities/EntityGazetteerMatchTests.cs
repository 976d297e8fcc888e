using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntityGazetteerMatchTests
{
    private static EntityGazetteer Gazetteer() => new(
        new Dictionary<string, byte>(StringComparer.Ordinal)
        {
            ["new"] = EntityGazetteer.SmallCity,
            ["newzealand"] = EntityGazetteer.Place,
            ["unitednations"] = EntityGazetteer.Igo,
            ["portmoresby"] = EntityGazetteer.BigCity,
        },
        new Dictionary<string, byte>(StringComparer.Ordinal) { ["aroha"] = EntityGazetteer.FirstName });

    [Fact]
    public void Match_LongestPhraseAndNameWords_MarkedWithTheirPositions()
    {
        var (phrase, name) = Gazetteer().Match(["The", "New", "Zealand", "envoy", "Aroha", "met", "the", "New", "envoy"]);
        Assert.Equal([0UL, (EntityGazetteer.Place * 8UL) + 1, (EntityGazetteer.Place * 8UL) + 3, 0, 0, 0, 0, (EntityGazetteer.SmallCity * 8UL) + 4, 0], phrase);
        Assert.Equal([0UL, 0, 0, 0, EntityGazetteer.FirstName, 0, 0, 0, 0], name);
    }

    [Fact]
    public void Match_PunctuationInsideAPhrase_CoveredButNeverAtItsEnds()
    {
        var (phrase, _) = Gazetteer().Match(["(", "United", "-", "Nations", ")", "-"]);
        Assert.Equal([0UL, (EntityGazetteer.Igo * 8UL) + 1, (EntityGazetteer.Igo * 8UL) + 2, (EntityGazetteer.Igo * 8UL) + 3, 0, 0], phrase);
    }

    [Fact]
    public void Match_LongSentence_SameMatchesAsItsShortParts()
    {
        // more than 256 words and 1,024 characters: the key buffers come from the heap instead of the stack
        var filler = Enumerable.Range(0, 300).Select(i => "word" + i).ToList();
        var words = filler.Concat(["Port", "Moresby", "and", "Aroha"]).ToList();
        var (phrase, name) = Gazetteer().Match(words);
        Assert.All(phrase.Take(300), p => Assert.Equal(0UL, p));
        Assert.Equal([(EntityGazetteer.BigCity * 8UL) + 1, (EntityGazetteer.BigCity * 8UL) + 3, 0, 0], phrase.Skip(300));
        Assert.Equal(EntityGazetteer.FirstName, name[^1]);
    }

    [Fact]
    public void Match_NoWords_Empty()
    {
        var (phrase, name) = Gazetteer().Match([]);
        Assert.Empty(phrase);
        Assert.Empty(name);
    }
}
