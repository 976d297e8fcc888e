using Parley.Core;

namespace Parley.Time.Tests;

public sealed class ClauseAndAnniversaryTests
{
    [Fact]
    public void Expressions_AttachToTheClauseTheyModify()
    {
        var (doc, layer) = TestSupport.Annotate("The delegation arrived on Tuesday and said the talks would resume next month.", "2022-09-21");
        var clauses = doc.Get(Layers.Clauses);
        var tuesday = TestSupport.Find(doc, layer, "Tuesday");
        var month = TestSupport.Find(doc, layer, "next month");
        Assert.Equal("arrive", clauses.Clauses[tuesday.Clause].Lemma);
        Assert.Equal("resume", clauses.Clauses[month.Clause].Lemma);
        Assert.Equal(tuesday.Predicate, clauses.Clauses[tuesday.Clause].Predicate);
        Assert.Same(tuesday, layer.DateOf(tuesday.Clause));
    }

    [Fact]
    public void Anniversary_GivesOrdinalCommemoratedAndOriginDate()
    {
        var (doc, layer) = TestSupport.Annotate(
            "The 25th anniversary of the establishment of diplomatic relations between Iceland and Mongolia was celebrated on March 4th, 2023.",
            "2023-03-06");
        var a = Assert.Single(layer.Anniversaries);
        Assert.Equal(25, a.Ordinal);
        Assert.Equal("the establishment of diplomatic relations between Iceland and Mongolia", a.Commemorated);
        Assert.Equal("2023-03-04", a.Date);
        Assert.Equal("1998-03-04", a.Origin);
        var date = TestSupport.Find(doc, layer, "March 4th, 2023");
        Assert.Same(a, date.Anniversary);
    }

    [Fact]
    public void Anniversary_SpelledOrdinalWithoutDate_UsesTheDctYear()
    {
        var (_, layer) = TestSupport.Annotate("Both capitals are preparing for the fiftieth anniversary of the border treaty.", "2024-05-10");
        var a = Assert.Single(layer.Anniversaries);
        Assert.Equal(50, a.Ordinal);
        Assert.Equal("the border treaty", a.Commemorated);
        Assert.Equal("2024", a.Date);
        Assert.Equal("1974", a.Origin);
        Assert.Equal(-1, a.Expression);
    }

    [Fact]
    public void Descriptor_RequiresTokensSyntaxAndClauses()
    {
        var d = new TimexTagger().Descriptor;
        Assert.Equal([LayerNames.Tokens, LayerNames.Syntax, LayerNames.Clauses], d.Requires);
        Assert.Equal([LayerNames.Timexes], d.Assigns);
    }
}
