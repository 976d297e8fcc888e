namespace Parley.Core.Tests;

public sealed class DocumentTests
{
    private static readonly LayerKey<TokenLayer> Key = Layers.Tokens;

    [Fact]
    public void Set_SameLayerTwice_ThrowsPrl2003()
    {
        var doc = new Document("d", "Hi.", new DocumentMetadata());
        var layer = new TokenLayer([], [], [], "test.v1");
        doc.Set(Key, layer);
        var ex = Assert.Throws<ParleyException>(() => doc.Set(Key, layer));
        Assert.Equal("PRL2003", ex.Error.Code);
        Assert.Same(layer, doc.Get(Key));
    }

    [Fact]
    public void Get_MissingLayer_ThrowsPrl2003()
    {
        var doc = new Document("d", "Hi.", new DocumentMetadata());
        Assert.False(doc.TryGet(Key, out _));
        Assert.Equal("PRL2003", Assert.Throws<ParleyException>(() => doc.Get(Key)).Error.Code);
    }

    [Fact]
    public void DefaultParagraphs_BlankLineSeparated_GivesTrimmedSpans()
    {
        const string text = "First line\nstill first.  \n\n\n  Second.\n";
        var spans = Document.DefaultParagraphs(text);
        Assert.Equal(2, spans.Count);
        Assert.Equal("First line\nstill first.", spans[0].Slice(text));
        Assert.Equal("Second.", spans[1].Slice(text));
    }

    [Fact]
    public void Constructor_OverlappingParagraphs_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Document("d", "abcdef", new DocumentMetadata(), [new TextSpan(0, 4), new TextSpan(2, 6)]));
        Assert.Throws<ArgumentException>(() => new Document("d", "abc", new DocumentMetadata(), [new TextSpan(0, 9)]));
    }

    [Fact]
    public void TextSpan_OverlapsAndContains_FollowHalfOpenSemantics()
    {
        var a = new TextSpan(0, 5);
        Assert.True(a.Overlaps(new TextSpan(4, 6)));
        Assert.False(a.Overlaps(new TextSpan(5, 6)));
        Assert.False(a.Overlaps(new TextSpan(2, 2)));
        Assert.True(a.Contains(new TextSpan(1, 5)));
        Assert.False(a.Contains(new TextSpan(1, 6)));
        Assert.Equal(new TextSpan(3, 7), TextSpan.FromLength(3, 4));
    }

    [Theory]
    [InlineData(DatePrecision.Year, "2022")]
    [InlineData(DatePrecision.Month, "2022-06")]
    [InlineData(DatePrecision.Day, "2022-06-08")]
    [InlineData(DatePrecision.Minute, "2022-06-08T10:12+03:00")]
    [InlineData(DatePrecision.Second, "2022-06-08T10:12:05+03:00")]
    public void PublicationTime_ToIso_TruncatesToPrecision(DatePrecision precision, string expected)
    {
        var t = new PublicationTime(new DateOnly(2022, 6, 8), new TimeOnly(10, 12, 5), TimeSpan.FromHours(3), precision, DateSource.HeaderLine, "raw", "rule");
        Assert.Equal(expected, t.ToIso());
    }
}
