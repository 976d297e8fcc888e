namespace Parley.Linguistics.Tests;

public class SyntheticArticlesTests
{
    private const string First = "The mayor of Lyon opened a bridge on Monday. Thousands came to see it. The works took three years.";
    private const string Second = "Farmers in Bavaria protested against a new tax. Police said the march was calm. The ministry will meet them. Talks start in May.";

    [Fact]
    public void Recombine_HalvesTakesHeadOfFirstAndTailOfSecond()
    {
        var text = SyntheticArticles.Recombine(First, Second, whole: false, out var sentences);

        Assert.Equal("The mayor of Lyon opened a bridge on Monday. Thousands came to see it.\n\nThe ministry will meet them. Talks start in May.", text);
        Assert.Equal(4, sentences);
        Assert.Equal(sentences, Tokenizer.Tokenize(text).Sentences.Count);
    }

    [Fact]
    public void Recombine_WholeJoinsBothStories()
    {
        var text = SyntheticArticles.Recombine(First, Second, whole: true, out var sentences);

        Assert.Equal(First + "\n\n" + Second, text);
        Assert.Equal(7, sentences);
    }

    [Fact]
    public void Recombine_OneSentenceStoriesAreKeptWhole()
    {
        var text = SyntheticArticles.Recombine("Rain fell in Oslo.", "Snow fell in Bergen.", whole: false, out var sentences);

        Assert.Equal("Rain fell in Oslo.\n\nSnow fell in Bergen.", text);
        Assert.Equal(2, sentences);
    }
}
