using Parley.Core;

namespace Parley.Places.Tests;

public class PlaceTaggerTests
{
    [Fact]
    public void Process_ResolvesLocMentionsWithTheDocumentsMostFrequentCountry()
    {
        const string text = "Officials from Savannah and Macon met in Atlanta. Georgia will host the talks, said a spokesman in Paris.";
        var document = new Document("d1", text, new DocumentMetadata());
        document.Set(Layers.Entities, Entities(text, ("Savannah", "LOC"), ("Macon", "LOC"), ("Atlanta", "LOC"), ("Georgia", "LOC"), ("Paris", "LOC"), ("spokesman", "PER")));
        new PlaceTagger(TestSupport.Resolver).Process(document, CancellationToken.None);

        var layer = document.Get(Layers.Places);
        Assert.Equal("USA", layer.ContextCountry);
        Assert.Equal(5, layer.Mentions.Count);
        Assert.Equal(PlaceTagger.Producer, layer.Producer);
        var georgia = layer.Mentions.Single(m => document.Slice(m.Span) == "Georgia");
        Assert.Equal(("USA", "admin", "GA"), (georgia.Country, georgia.Precision, georgia.Admin1));
        Assert.Equal(3, georgia.EntityIndex);
        var paris = layer.Mentions.Single(m => document.Slice(m.Span) == "Paris");
        Assert.Equal("FRA", paris.Country); // a world capital stays itself even in a US context
    }

    [Fact]
    public void Process_UsesTheDatelinePlaceAndKeepsReasonsForUnknownNames()
    {
        const string text = "Delegations from Georgia and Xanadu Prime arrived.";
        var document = new Document("d2", text, new DocumentMetadata { DatelinePlace = "ATLANTA" });
        document.Set(Layers.Entities, Entities(text, ("Georgia", "LOC"), ("Xanadu Prime", "LOC")));
        new PlaceTagger(TestSupport.Resolver).Process(document, CancellationToken.None);

        var layer = document.Get(Layers.Places);
        Assert.Equal("ATLANTA", layer.DatelinePlace);
        Assert.Equal("USA", layer.Mentions[0].Country);
        Assert.Contains("dateline", layer.Mentions[0].How, StringComparison.Ordinal);
        Assert.False(layer.Mentions[1].IsResolved);
        Assert.NotNull(layer.Mentions[1].Reason);
        Assert.Equal(0, layer.Mentions[1].Confidence);
    }

    [Fact]
    public void Pipeline_WithoutEntities_IsRejectedBeforeAnyDocument()
    {
        var ex = Assert.Throws<ParleyException>(() => new PipelineBuilder().Add(new PlaceTagger(TestSupport.Resolver)).Build());
        Assert.Equal("PRL2001", ex.Diagnostic.Error.Code);
        Assert.Equal([LayerNames.Entities], new PlaceTagger(TestSupport.Resolver).Descriptor.Requires);
    }

    private static EntityLayer Entities(string text, params (string Text, string Type)[] mentions)
    {
        var list = new List<EntityMention>();
        var from = 0;
        foreach (var (mention, type) in mentions)
        {
            var start = text.IndexOf(mention, from, StringComparison.Ordinal);
            list.Add(new EntityMention(new TextSpan(start, start + mention.Length), type, list.Count, 1, 0.9, "test"));
            from = start + mention.Length;
        }

        return new EntityLayer(list, "test");
    }
}
