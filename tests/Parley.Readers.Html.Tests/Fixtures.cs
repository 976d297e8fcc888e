using Parley.Core;

namespace Parley.Readers.Html.Tests;

/// <summary>Loads the test pages and feeds copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static readonly EncodingDecision Utf8 = new("utf-8", "valid-utf8");

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static DecodedInput Load(string name) => new(PathOf(name), File.ReadAllText(PathOf(name)), Utf8);

    public static ReadResult ReadHtml(string name) =>
        new HtmlReader().Read(Load(name), new ReaderOptions(), CancellationToken.None).Single();

    public static ReadResult ReadHtmlText(string html, string path = "page.html") =>
        new HtmlReader().Read(new DecodedInput(path, html, Utf8), new ReaderOptions(), CancellationToken.None).Single();

    public static List<ReadResult> ReadFeed(string name) =>
        new FeedReader().Read(Load(name), new ReaderOptions(), CancellationToken.None).ToList();

    public static List<ReadResult> ReadFeedText(string xml, string path = "feed.xml") =>
        new FeedReader().Read(new DecodedInput(path, xml, Utf8), new ReaderOptions(), CancellationToken.None).ToList();

    /// <summary>Asserts the exact paragraphs, that the text is them joined by blank lines, and that every span slices its paragraph.</summary>
    public static void AssertParagraphs(Document document, params string[] expected)
    {
        Assert.Equal(expected, document.Paragraphs.Select(document.Slice).ToArray());
        Assert.Equal(string.Join("\n\n", expected), document.Text);
        var offset = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(new TextSpan(offset, offset + expected[i].Length), document.Paragraphs[i]);
            offset += expected[i].Length + 2;
        }
    }
}
