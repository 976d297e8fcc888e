using Parley.Core;

namespace Parley.Readers.Html.Tests;

public sealed class HtmlReaderTests
{
    [Fact]
    public void Read_PressRelease_KeepsOnlyArticleParagraphs()
    {
        var result = Fixtures.ReadHtml("press-release.html");
        Assert.Null(result.Diagnostic);
        Assert.Empty(result.Warnings);
        var doc = result.Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The Speaker and the Ambassador agreed to expand contacts between the parliaments of the two countries.",
            "On 12 March, Speaker of the National Assembly Anna Petrova met with Ambassador Extraordinary and Plenipotentiary of Japan Kenji Sato.",
            "The parties discussed the development of inter-parliamentary cooperation, including the work of the friendship groups, and exchanged views on regional security.",
            "\u201CJapan remains one of our key partners in Asia,\u201D the Speaker said, noting that trade between the two countries grew by 14% last year.",
            "The Ambassador conveyed an invitation to visit Tokyo in autumn 2024 at the head of a parliamentary delegation.");
        string[] absent =
        [
            "cookies", "Accept all", "Home", "Committees", "Search", "Press Centre", "Share", "Facebook", "Telegram",
            "Read also", "Friendship group holds", "More on this topic", "Bundestag", "Related news", "Speaker visits Seoul",
            "Latest news", "Plenary session", "newsletter", "All rights reserved", "dataLayer", "position: fixed",
            "before the talks", "Photo:", "12 March 2024",
        ];
        foreach (var text in absent)
        {
            Assert.DoesNotContain(text, doc.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Read_PressRelease_ReadsMetadata()
    {
        var doc = Fixtures.ReadHtml("press-release.html").Document!;
        var meta = doc.Metadata;
        Assert.Equal("press-release", doc.Id);
        Assert.Equal("html", meta.Format);
        Assert.Equal(new SourceLocation(Fixtures.PathOf("press-release.html")), meta.Origin);
        Assert.Equal(Fixtures.Utf8, meta.Encoding);
        Assert.Equal("Speaker of the National Assembly meets Ambassador of Japan", meta.Title);
        Assert.Equal("https://assembly.example.org/en/news/2024/03/speaker-meets-ambassador-of-japan", meta.Url);
        Assert.Equal(new LanguageDecision("en", 1, LanguageGate.DeclaredMethod), meta.Language);

        var published = meta.Published!;
        Assert.Equal("2024-03-12T14:35:00+03:00", published.ToIso());
        Assert.Equal(DatePrecision.Second, published.Precision);
        Assert.Equal(DateSource.MetaTag, published.Source);
        Assert.Equal(TimeSpan.FromHours(3), published.Offset);
        Assert.Equal("2024-03-12T14:35:00+03:00", published.Raw);
        Assert.Contains("article:published_time", published.Rule, StringComparison.Ordinal);
        Assert.Null(meta.PublishedMissingReason);

        Assert.Contains(new RemovedBlock("caption", "Speaker Anna Petrova and Ambassador Kenji Sato before the talks.", "figcaption"), meta.Removed);
        Assert.Contains(meta.Removed, r => r.Kind == "credit" && r.Text == "Photo: Press Service of the National Assembly");
        Assert.Contains(new KeyValuePair<string, string>("site-name", "National Assembly"), meta.Extra);
        Assert.Contains(new KeyValuePair<string, string>("modified", "2024-03-13T09:02:11+03:00"), meta.Extra);
        Assert.Contains(new KeyValuePair<string, string>("extraction", "class/id article-body (+1 lead paragraph(s) before it)"), meta.Extra);
    }

    [Fact]
    public void Read_MinistryPage_TakesDateFromJsonLdGraphArticle()
    {
        var result = Fixtures.ReadHtml("ministry-statement.html");
        var doc = result.Document!;
        var meta = doc.Metadata;
        Assert.Equal("2023-11-02T10:15:00Z", meta.Published!.ToIso());
        Assert.Equal(DateSource.JsonLd, meta.Published.Source);
        Assert.Equal(DatePrecision.Second, meta.Published.Precision);
        Assert.Equal(TimeSpan.Zero, meta.Published.Offset);
        Assert.Equal("2023-11-02T10:15:00Z", meta.Published.Raw);
        Assert.Contains("NewsArticle", meta.Published.Rule, StringComparison.Ordinal);
        Assert.Equal("Statement on the situation in the Red Sea", meta.Title);
        Assert.Equal("https://mfa.example.gov/en/press/statements/2023/11/red-sea", meta.Url);
        Assert.Equal(new LanguageDecision("en", 1, LanguageGate.DeclaredMethod), meta.Language);
        Fixtures.AssertParagraphs(
            doc,
            "The Ministry of Foreign Affairs is deeply concerned about the continuing attacks on commercial shipping in the Red Sea.",
            "Freedom of navigation",
            "We call on all parties to respect the freedom of navigation guaranteed by the United Nations Convention on the Law of the Sea.",
            "The Ministry supports the following steps:",
            "an immediate end to attacks on civilian vessels;",
            "the release of the crew of the Galaxy Leader;",
            "consultations under the auspices of the United Nations.",
            "Security of maritime routes is a shared responsibility of the international community.");
        Assert.Contains(meta.Removed, r => r.Kind == "caption" && r.Text == "Container ships in the southern Red Sea, October 2023.");
        Assert.Contains(meta.Removed, r => r.Kind == "credit" && r.Text == "Photo: MFA press service");
        Assert.DoesNotContain("Consular", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Site map", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsPage_TakesTimeElementInsideArticle()
    {
        var doc = Fixtures.ReadHtml("news-time-only.html").Document!;
        var published = doc.Metadata.Published!;
        Assert.Equal("2022-06-08T10:12", published.ToIso());
        Assert.Equal(DatePrecision.Minute, published.Precision);
        Assert.Equal(DateSource.TimeElement, published.Source);
        Assert.Null(published.Offset);
        Assert.Equal(new TimeOnly(10, 12), published.Time);
        Assert.Contains("in the article", published.Rule, StringComparison.Ordinal);
        Assert.Equal("Foreign ministers agree on new round of talks", doc.Metadata.Title);
        Assert.Null(doc.Metadata.Url);
        Fixtures.AssertParagraphs(
            doc,
            "The foreign ministers of Armenia and Azerbaijan agreed on Wednesday to hold a new round of talks in Brussels later this month, officials said.",
            "The meeting, mediated by the European Union, lasted more than four hours. Both sides described it as \"constructive\".",
            "A joint statement is expected after the next meeting.");
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "header" && r.Text == "By Maria Gomez, Diplomatic Correspondent");
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "header" && r.Text == "8 June 2022, 10:12");
        Assert.Contains(new RemovedBlock("header", "Foreign ministers agree on new round of talks", "h1 headline (the title is in the metadata)"), doc.Metadata.Removed);
    }

    [Fact]
    public void Read_BrSeparatedPage_SplitsParagraphsOnDoubleBreaks()
    {
        var doc = Fixtures.ReadHtml("br-paragraphs.html").Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The Prime Minister of India will pay an official visit to the country from 10 to 12 May at the invitation of the President. During the visit the sides will sign agreements on trade and culture.",
            "The two leaders will also discuss cooperation within the United Nations & the G20.",
            "A joint press conference is planned for 11 May.");
        Assert.Equal("Visit of the Prime Minister of India", doc.Metadata.Title);
        Assert.Contains(new RemovedBlock("header", "Visit of the Prime Minister of India", "first paragraph repeats the title"), doc.Metadata.Removed);
        Assert.Equal("2021-05-04", doc.Metadata.Published!.ToIso());
        Assert.Equal(DatePrecision.Day, doc.Metadata.Published.Precision);
        Assert.Equal(DateSource.MetaTag, doc.Metadata.Published.Source);
        Assert.Null(doc.Metadata.Language);
    }

    [Fact]
    public void Read_TruncatedPage_KeepsReadablePartAndWarnsPrl1013()
    {
        var result = Fixtures.ReadHtml("truncated.html");
        var doc = result.Document!;
        Fixtures.AssertParagraphs(
            doc,
            "Delegations from both sides returned to the negotiating table in Geneva on Thursday after a two-week pause.",
            "The United Nations special envoy said the atmosphere was businesslike and that the talks will continue tomorrow in Gen");
        var warning = Assert.Single(result.Warnings);
        Assert.Same(Errors.TruncatedHtml, warning.Error);
        Assert.Equal("PRL1013", warning.Error.Code);
        Assert.Contains("truncated.html", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Ceasefire talks resume in Geneva", doc.Metadata.Title);
        Assert.Equal("2023-09-14", doc.Metadata.Published!.ToIso());
    }

    [Fact]
    public void Read_PageCutMidTag_WarnsPrl1013()
    {
        const string html = "<!DOCTYPE html><html><body><article><p>The summit opened in Vilnius on Tuesday with a statement on enlargement.</p><p class=\"le";
        var result = Fixtures.ReadHtmlText(html);
        Fixtures.AssertParagraphs(result.Document!, "The summit opened in Vilnius on Tuesday with a statement on enlargement.");
        Assert.Contains("inside a tag", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CompletePage_HasNoTruncationWarning()
    {
        const string html = "<html><body><p>The delegation arrived in Astana on Monday for two days of consultations.</p></body></html>";
        var result = Fixtures.ReadHtmlText(html);
        Assert.Empty(result.Warnings);
        Assert.Equal("The delegation arrived in Astana on Monday for two days of consultations.", result.Document!.Text);
    }

    [Fact]
    public void Read_EmptyBody_FailsPrl1008NamingTheFile()
    {
        var result = Fixtures.ReadHtml("empty-body.html");
        Assert.Null(result.Document);
        Assert.Same(Errors.InvalidHtml, result.Diagnostic!.Error);
        Assert.Equal("PRL1008", result.Diagnostic.Error.Code);
        Assert.Contains("empty-body.html", result.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Fixtures.PathOf("empty-body.html"), result.Diagnostic.Location!.Path);
    }

    [Fact]
    public void Read_PageWithoutDate_SaysWhichSourcesWereTried()
    {
        const string html = "<html><head><meta property=\"article:published_time\" content=\"yesterday\"></head><body><main><p>Talks between the two delegations continued in Doha.</p></main></body></html>";
        var result = Fixtures.ReadHtmlText(html);
        var meta = result.Document!.Metadata;
        Assert.Null(meta.Published);
        Assert.Contains("meta tags", meta.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Contains("JSON-LD", meta.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Contains("<time datetime>", meta.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Contains("'yesterday'", meta.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Equal("PRL1011", Assert.Single(result.Warnings).Error.Code);
    }

    [Fact]
    public void Read_TimeTextWithoutDatetime_IsParsedWhenUnambiguous()
    {
        const string html = "<html><head><link rel=\"canonical\" href=\"/en/news/77\"><meta property=\"og:url\" content=\"https://mfa.example.gov/en/news/77?ref=rss\"></head>"
            + "<body><article><p class=\"when\"><time>5 September 2023</time></p><p>The Foreign Minister received the Ambassador of Chile.</p></article></body></html>";
        var meta = Fixtures.ReadHtmlText(html).Document!.Metadata;
        Assert.Equal("2023-09-05", meta.Published!.ToIso());
        Assert.Equal(DateSource.TimeElement, meta.Published.Source);
        Assert.StartsWith("<time> text in the article: ", meta.Published.Rule, StringComparison.Ordinal);
        Assert.Equal("https://mfa.example.gov/en/news/77", meta.Url);
    }

    [Fact]
    public void Read_NumericTimeText_IsNotGuessed()
    {
        const string html = "<html><body><article><time>08.06.2022</time><p>The Foreign Minister received the Ambassador of Chile.</p></article></body></html>";
        var meta = Fixtures.ReadHtmlText(html).Document!.Metadata;
        Assert.Null(meta.Published);
        Assert.Contains("<time> text (1 element(s))", meta.PublishedMissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Stdin_UsesStdinId()
    {
        var doc = Fixtures.ReadHtmlText("<html><body><p>The ambassador presented his credentials.</p></body></html>", "-").Document!;
        Assert.Equal("stdin-1", doc.Id);
        Assert.Equal("-", doc.Metadata.Origin!.Path);
    }

    [Fact]
    public void Read_PageWithoutContainer_UsesTextDensity()
    {
        const string html = """
            <html><body>
            <div class="top"><a href="/">Home</a> <a href="/a">About us and our long list of activities</a> <a href="/b">Contacts</a></div>
            <div class="x1"><div class="x2">
            <p>The Council adopted conclusions on the Western Balkans, reaffirming its commitment to the region's European perspective.</p>
            <p>Ministers also discussed the situation in the Middle East, the humanitarian situation, and next steps.</p>
            </div></div>
            <div class="bottom"><a href="/p">Privacy</a> <a href="/t">Terms of use and other important legal notices</a></div>
            </body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The Council adopted conclusions on the Western Balkans, reaffirming its commitment to the region's European perspective.",
            "Ministers also discussed the situation in the Middle East, the humanitarian situation, and next steps.");
        Assert.Contains(new KeyValuePair<string, string>("extraction", "text density"), doc.Metadata.Extra);
    }

    [Theory]
    [InlineData("a.html", "<div>", 0.9)]
    [InlineData("a.HTM", "", 0.9)]
    [InlineData("page.txt", "<!DOCTYPE html>\n<html>", 0.95)]
    [InlineData("-", "  <html lang=\"en\">", 0.95)]
    [InlineData("-", "<div><p>Hello</p>", 0.7)]
    [InlineData("a.txt", "MINSK, 15 February (BelTA) - The talks", 0)]
    [InlineData("a.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">", 0.05)]
    public void Sniff_ExtensionAndHead_Scores(string path, string head, double expected)
    {
        Assert.Equal(expected, new HtmlReader().Sniff(path, head));
    }

    [Theory]
    [InlineData("Talks in Geneva | Daily Courier", "Daily Courier", "Talks in Geneva")]
    [InlineData("Daily Courier - Talks in Geneva", "Daily Courier", "Talks in Geneva")]
    [InlineData("Lavrov - Blinken talks", "Daily Courier", "Lavrov - Blinken talks")]
    [InlineData("Talks in Geneva", null, "Talks in Geneva")]
    public void StripSiteName_SiteNameSuffixOrPrefix_IsRemoved(string title, string? siteName, string expected)
    {
        Assert.Equal(expected, HtmlReader.StripSiteName(title, siteName, _ => false));
    }
}
