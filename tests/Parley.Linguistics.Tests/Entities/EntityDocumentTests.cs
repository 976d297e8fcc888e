using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntityDocumentTests
{
    [Fact]
    public void Profile_NameCapitalisedMidSentenceElsewhere_DiffersFromCommonWord()
    {
        // "Tallinn" opens the first sentence and is capitalised mid-sentence in the second; "Harbours" opens the
        // third but is written in lower case in the second
        var document = EntityDocument.From([
            ["Tallinn", "welcomed", "the", "delegation", "."],
            ["The", "harbours", "of", "Tallinn", "were", "busy", "."],
            ["Harbours", "matter", "."],
        ]);
        Assert.NotEqual(document.Profile("Tallinn"), document.Profile("Harbours"));
        Assert.Equal(document.Profile("tallinn"), document.Profile("Tallinn"));
        Assert.Equal(document.Profile("."), document.Profile("unseen"));
    }

    [Fact]
    public void ForSentences_GroupsConsecutiveSentencesOfOneDocument()
    {
        List<EntitySentence> sentences = [
            new(["Riga"], ["B-LOC"], "weblog-a-0001"),
            new(["Riga", "again"], ["B-LOC", "O"], "weblog-a-0002"),
            new(["Other"], ["O"], "weblog-b-0001"),
            new(["Alone"], ["O"]),
        ];
        var documents = EntityDocument.ForSentences(sentences);
        Assert.Same(documents[0], documents[1]);
        Assert.NotSame(documents[1], documents[2]);
        Assert.NotSame(documents[2], documents[3]);
    }
}
