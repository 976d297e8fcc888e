using Parley.Core;

namespace Parley.Readers.Html.Tests;

public sealed class FeedReaderTests
{
    [Fact]
    public void Read_Rss_ContentEncodedItemBecomesParagraphs()
    {
        var results = Fixtures.ReadFeed("press-feed.rss");
        Assert.Equal(3, results.Count);
        var first = results[0];
        Assert.Empty(first.Warnings);
        var doc = first.Document!;
        Assert.Equal("mfa-press-10421", doc.Id);
        Assert.Equal("rss", doc.Metadata.Format);
        Assert.Equal("Foreign Minister holds talks with Secretary General of ASEAN", doc.Metadata.Title);
        Assert.Equal("https://mfa.example.gov/en/press/2024/03/fm-asean-talks", doc.Metadata.Url);
        Assert.Equal(new SourceLocation(Fixtures.PathOf("press-feed.rss"), 13, "mfa-press-10421"), doc.Metadata.Origin);
        Fixtures.AssertParagraphs(
            doc,
            "On 12 March, the Foreign Minister held talks with the Secretary General of ASEAN in Jakarta.",
            "The sides reviewed preparations for the ASEAN Regional Forum and discussed maritime security in the South China Sea.");
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "caption" && r.Text == "The Foreign Minister and the Secretary General in Jakarta. Photo: MFA");

        var published = doc.Metadata.Published!;
        Assert.Equal("2024-03-12T09:30:00-05:00", published.ToIso());
        Assert.Equal(DatePrecision.Second, published.Precision);
        Assert.Equal(DateSource.FeedItem, published.Source);
        Assert.Equal("Tue, 12 Mar 2024 09:30:00 EST", published.Raw);
        Assert.Contains("RSS pubDate", published.Rule, StringComparison.Ordinal);
        Assert.Contains("EST = -05:00", published.Rule, StringComparison.Ordinal);

        Assert.Equal(new LanguageDecision("en", 1, LanguageGate.DeclaredMethod), doc.Metadata.Language);
        Assert.Contains(new KeyValuePair<string, string>("author", "Press Service"), doc.Metadata.Extra);
        Assert.Contains(new KeyValuePair<string, string>("category", "Bilateral relations"), doc.Metadata.Extra);
        Assert.Contains(new KeyValuePair<string, string>("feed-title", "Ministry of Foreign Affairs \u2013 Press releases"), doc.Metadata.Extra);
        Assert.Contains(new KeyValuePair<string, string>("text-field", "content:encoded"), doc.Metadata.Extra);
    }

    [Fact]
    public void Read_Rss_EscapedHtmlDescriptionIsDecoded()
    {
        var doc = Fixtures.ReadFeed("press-feed.rss")[1].Document!;
        Assert.Equal("https://mfa.example.gov/?p=10418", doc.Id);
        Fixtures.AssertParagraphs(
            doc,
            "The Ministry welcomes the peaceful conduct of the presidential elections in Senegal.",
            "We call on all political forces to respect the results & to resolve disputes through legal means.");
        Assert.Equal("2024-03-11T18:05+03:00", doc.Metadata.Published!.ToIso());
        Assert.Equal(DatePrecision.Minute, doc.Metadata.Published.Precision);
        Assert.Contains(new KeyValuePair<string, string>("text-field", "description"), doc.Metadata.Extra);
    }

    [Fact]
    public void Read_Rss_ItemWithoutTextFailsPrl1007AndOthersAreRead()
    {
        var results = Fixtures.ReadFeed("press-feed.rss");
        Assert.NotNull(results[0].Document);
        Assert.NotNull(results[1].Document);
        var failure = results[2];
        Assert.Null(failure.Document);
        Assert.Same(Errors.InvalidRecord, failure.Diagnostic!.Error);
        Assert.Equal(new SourceLocation(Fixtures.PathOf("press-feed.rss"), 34, "press-feed-3"), failure.Diagnostic.Location);
        Assert.Contains("Photo gallery: Diplomatic reception", failure.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Atom_EntriesWithHtmlContentAndTextSummary()
    {
        var results = Fixtures.ReadFeed("ministry.atom");
        Assert.Equal(2, results.Count);
        var first = results[0].Document!;
        Assert.Equal("atom", first.Metadata.Format);
        Assert.Equal("tag:diplo.example.de,2024:news/2634", first.Id);
        Assert.Equal("Minister travels to Ukraine & Moldova", first.Metadata.Title);
        Assert.Equal("https://diplo.example.de/en/news/2634", first.Metadata.Url);
        Fixtures.AssertParagraphs(
            first,
            "The Minister is travelling to Kyiv and Chişinău today.",
            "Talks will focus on reconstruction & the path to EU membership.");
        Assert.Equal("2024-01-15T08:00:00Z", first.Metadata.Published!.ToIso());
        Assert.Contains("Atom published", first.Metadata.Published.Rule, StringComparison.Ordinal);
        Assert.Equal(new LanguageDecision("en", 1, LanguageGate.DeclaredMethod), first.Metadata.Language);
        Assert.Contains(new KeyValuePair<string, string>("author", "Press Office"), first.Metadata.Extra);
        Assert.Contains(new KeyValuePair<string, string>("category", "Europe"), first.Metadata.Extra);

        var second = results[1].Document!;
        Assert.Equal("https://diplo.example.de/en/news/2640", second.Metadata.Url);
        Fixtures.AssertParagraphs(
            second,
            "The foreign ministers of France, Germany and Poland met in La Celle-Saint-Cloud.",
            "They agreed to coordinate their support for Ukraine.");
        Assert.Equal("2024-01-16T12:30:00+05:00", second.Metadata.Published!.ToIso());
        Assert.Equal(DateSource.FeedItem, second.Metadata.Published.Source);
        Assert.Contains("Atom updated (no published)", second.Metadata.Published.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedFeed_FailsPrl1009WithLine()
    {
        var result = Assert.Single(Fixtures.ReadFeed("broken.rss"));
        Assert.Null(result.Document);
        Assert.Same(Errors.InvalidFeed, result.Diagnostic!.Error);
        Assert.Equal("PRL1009", result.Diagnostic.Error.Code);
        Assert.Equal(12, result.Diagnostic.Location!.Line);
        Assert.Contains("broken.rss", result.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("line 12", result.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FeedWithoutItems_FailsPrl1009()
    {
        var result = Assert.Single(Fixtures.ReadFeed("empty-feed.rss"));
        Assert.Same(Errors.InvalidFeed, result.Diagnostic!.Error);
        Assert.Contains("no item", result.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XmlThatIsNotAFeed_FailsPrl1009()
    {
        var result = Assert.Single(Fixtures.ReadFeedText("<?xml version=\"1.0\"?><config><item>1</item></config>"));
        Assert.Equal("PRL1009", result.Diagnostic!.Error.Code);
    }

    [Fact]
    public void Read_ExternalEntity_IsNeverResolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), "parley-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><title>t</title>
                <item><guid>x1</guid><description>Before &xxe; after the talks in Baku.</description></item>
                </channel></rss>
                """;
            var results = Fixtures.ReadFeedText(xml);
            var result = Assert.Single(results);
            var text = result.Document?.Text ?? result.Diagnostic!.Message;
            Assert.DoesNotContain("TOP-SECRET", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Read_HtmlNamedEntityInXml_IsRecovered()
    {
        const string xml = "<rss version=\"2.0\"><channel><item><guid>n1</guid><title>Talks&nbsp;in Baku</title><description>Ministers met in Baku&nbsp;on Friday.</description></item></channel></rss>";
        var doc = Assert.Single(Fixtures.ReadFeedText(xml)).Document!;
        Assert.Equal("Ministers met in Baku on Friday.", doc.Text);
        Assert.Equal("Talks in Baku", doc.Metadata.Title);
        Assert.Equal("feed item has no pubDate, dc:date or Atom published/updated element", doc.Metadata.PublishedMissingReason);
    }

    [Fact]
    public void Read_ItemWithoutGuid_GetsFileNameAndIndex()
    {
        const string xml = "<rss version=\"2.0\"><channel><item><title>A</title><description>The first statement on Cyprus.</description><pubDate>bogus date</pubDate></item></channel></rss>";
        var result = Assert.Single(Fixtures.ReadFeedText(xml, "/data/feeds/mfa.rss"));
        Assert.Equal("mfa-1", result.Document!.Id);
        Assert.Null(result.Document.Metadata.Published);
        Assert.Contains("bogus date", result.Document.Metadata.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Equal("PRL1011", Assert.Single(result.Warnings).Error.Code);
    }

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("utf-16")]
    [InlineData("ISO-8859-1")]
    public void Read_EncodingDeclarationOfAlreadyDecodedText_IsIgnored(string encoding)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<rss version=\"2.0\"><channel><item><guid>e1</guid><description>Переговоры в Минске продолжатся.</description></item></channel></rss>";
        var doc = Assert.Single(Fixtures.ReadFeedText(xml)).Document!;
        Assert.Equal("Переговоры в Минске продолжатся.", doc.Text);
    }

    [Fact]
    public void Read_Rss10Rdf_ReadsItemsAndDcDate()
    {
        const string xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example.org/"><title>Agency wire</title><dc:language>en</dc:language></channel>
              <item rdf:about="https://news.example.org/2021/07/01/summit">
                <title>Leaders gather for summit</title>
                <link>https://news.example.org/2021/07/01/summit</link>
                <description>Leaders of the region gathered in Tashkent for a two-day summit.</description>
                <dc:date>2021-07-01T06:45:00+05:00</dc:date>
              </item>
            </rdf:RDF>
            """;
        var doc = Assert.Single(Fixtures.ReadFeedText(xml)).Document!;
        Assert.Equal("https://news.example.org/2021/07/01/summit", doc.Id);
        Assert.Equal("rss", doc.Metadata.Format);
        Assert.Equal("Leaders gather for summit", doc.Metadata.Title);
        Assert.Equal("2021-07-01T06:45:00+05:00", doc.Metadata.Published!.ToIso());
        Assert.StartsWith("dc:date: ", doc.Metadata.Published.Rule, StringComparison.Ordinal);
        Assert.Equal("en", doc.Metadata.Language!.Code);
        Assert.Equal("Leaders of the region gathered in Tashkent for a two-day summit.", doc.Text);
    }

    [Theory]
    [InlineData("news.rss", "", 0.95)]
    [InlineData("news.atom", "", 0.95)]
    [InlineData("-", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", 0.95)]
    [InlineData("-", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", 0.95)]
    [InlineData("data.xml", "<?xml version=\"1.0\"?><config/>", 0.5)]
    [InlineData("page.html", "<!DOCTYPE html><html>", 0)]
    [InlineData("a.txt", "BEIJING, Jan. 12 (Xinhua) -- China", 0)]
    [InlineData("-", "<rss version=\"2.0\"><channel>", 0.9)]
    [InlineData("-", "<?xml version=\"1.0\"?><html><body><p>See our <feedback> form</p>", 0)]
    public void Sniff_ExtensionAndHead_Scores(string path, string head, double expected)
    {
        Assert.Equal(expected, new FeedReader().Sniff(path, head));
    }
}
