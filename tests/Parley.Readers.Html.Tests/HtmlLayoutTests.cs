using System.Text;
using Parley.Core;

namespace Parley.Readers.Html.Tests;

/// <summary>Page layouts of common content systems, built inline because each needs only a few elements.</summary>
public sealed class HtmlLayoutTests
{
    [Fact]
    public void Read_WordPressPostWithTaxonomyClassesAndElementorWidgets_KeepsBody()
    {
        const string html = """
            <!DOCTYPE html><html lang="en-US"><head><title>Minister receives credentials &#8211; Ministry of Foreign Affairs</title></head>
            <body class="post-template-default single single-post">
            <div id="page" class="site has-sidebar">
              <div id="post-77" class="post-77 post type-post status-publish format-standard hentry category-news tag-diplomacy tag-un">
                <h1 class="entry-title">Minister receives credentials of new ambassadors</h1>
                <div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date" datetime="2023-02-07T11:20:00+01:00">7 February 2023</time></span></div>
                <div class="entry-content">
                  <div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">
                    <p>The Minister of Foreign Affairs received copies of the credentials of the newly appointed ambassadors of Brazil and Kenya.</p>
                    <p>The Minister wished the ambassadors success in their mission and stressed the importance of trade ties.</p>
                  </div></div>
                </div>
                <footer class="entry-footer"><span class="tags-links">Tags: <a href="/tag/un">UN</a></span></footer>
              </div>
              <div id="comments" class="comments-area"><p>Great news, congratulations to the ambassadors and to the whole team!</p></div>
              <div id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Recent posts</h2><p>Nothing of interest here for the body text.</p></section></div>
            </div><footer class="site-footer">&copy; 2023 Ministry of Foreign Affairs</footer></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The Minister of Foreign Affairs received copies of the credentials of the newly appointed ambassadors of Brazil and Kenya.",
            "The Minister wished the ambassadors success in their mission and stressed the importance of trade ties.");
        Assert.Equal("2023-02-07T11:20:00+01:00", doc.Metadata.Published!.ToIso());
        Assert.Equal("Minister receives credentials", doc.Metadata.Title);
    }

    [Fact]
    public void Read_LayoutWrapperWithFurnitureLikeClass_IsNotRemoved()
    {
        var paragraphs = Enumerable.Range(1, 4)
            .Select(i => $"Item {i}: the delegations reviewed the agreements signed last year and agreed on a road map for cooperation.")
            .ToArray();
        var html = "<html><body><div class=\"content-with-sidebar\"><div class=\"col\">"
            + string.Concat(paragraphs.Select(p => "<p>" + p + "</p>"))
            + "</div></div><div class=\"sidebar\"><p>Weather today: sunny.</p></div></body></html>";
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(doc, paragraphs);
    }

    [Fact]
    public void Read_InlineMarkupAndEntities_AreFlattened()
    {
        const string html = "<html><body><article><p>The <b>EU</b>&nbsp;and <a href=\"/asean\">ASEAN</a> signed a  \n  memorandum&#8212;worth &euro;10&nbsp;million&hellip;</p><p>Line one<br>line two.<br><br>New paragraph.</p></article></body></html>";
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The EU and ASEAN signed a memorandum\u2014worth \u20AC10 million\u2026",
            "Line one line two.",
            "New paragraph.");
    }

    [Fact]
    public void Read_ParagraphsInSeparateBlocks_DensityPicksTheirWrapper()
    {
        var html = new StringBuilder("<html><body><div class=\"top\"><a href=\"/\">Home</a> <a href=\"/news\">All the news of the week</a></div><div class=\"x\">");
        for (var i = 1; i <= 6; i++)
        {
            html.Append("<div class=\"block\"><div><p>Point ").Append(i)
                .Append(": the parties agreed, after long consultations, to extend the memorandum for another year.</p></div></div>");
        }

        html.Append("</div><div class=\"bottom\">Contact us: press office, telephone and e-mail on request</div></body></html>");
        var doc = Fixtures.ReadHtmlText(html.ToString()).Document!;
        Assert.Equal(6, doc.Paragraphs.Count);
        Assert.StartsWith("Point 1: ", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact us", doc.Text, StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, string>("extraction", "text density"), doc.Metadata.Extra);
    }

    [Fact]
    public void Read_RepeatedBlocksAndInterfaceLabels_AreRemovedAndRecorded()
    {
        const string html = """
            <html xml:lang="fr"><body><article>
            <div class="d-md-none"><p>The two presidents signed a declaration on strategic partnership in Paris.</p></div>
            <div class="d-none d-md-block"><p>The two presidents signed a declaration on strategic partnership in Paris.</p></div>
            <p>They also agreed to meet again in the spring.</p>
            <div><span>Print</span></div>
            <p>Share this article:</p>
            </article></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The two presidents signed a declaration on strategic partnership in Paris.",
            "They also agreed to meet again in the spring.");
        Assert.Contains(new RemovedBlock("boilerplate", "The two presidents signed a declaration on strategic partnership in Paris.", "repeats an earlier paragraph verbatim"), doc.Metadata.Removed);
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "boilerplate" && r.Text == "Print");
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "boilerplate" && r.Text == "Share this article:");
        Assert.Equal("fr", doc.Metadata.Language!.Code);
    }

    [Fact]
    public void Read_ProseOnlyInsideFurnitureLikeClass_IsRecoveredByLenientPass()
    {
        const string html = """
            <html><body><nav><a href="/">Home</a></nav>
            <div class="social-policy-news"><p>The ministers of labour and social affairs met in Vienna to discuss pension reform and migration.</p>
            <p>They agreed to set up a joint working group on the portability of pension rights, which will report in autumn.</p></div>
            <footer>Contacts</footer></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.DoesNotContain("Home", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contacts", doc.Text, StringComparison.Ordinal);
        Assert.Contains(doc.Metadata.Extra, kv => kv.Key == "extraction" && kv.Value.Contains("lenient", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AspNetPageWrappedInForm_KeepsTextButDropsSearchForm()
    {
        const string html = """
            <html><body><form id="aspnetForm" method="post" action="./statement.aspx">
            <input type="hidden" name="__VIEWSTATE" value="abc">
            <div class="search-box"><form action="/search"><label>Search the portal for documents</label><input name="q"></form></div>
            <div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField">
            <p>The Government expresses its condolences to the people of Morocco after the devastating earthquake.</p>
            <p>Rescue teams are ready to be deployed at the request of the Moroccan authorities.</p>
            <p>The talks will continue tomorrow.</p>
            <ul><li><a href="/a">Earlier statement on Libya</a></li><li><a href="/b">Earlier statement on Turkey</a></li></ul>
            </div></form></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "The Government expresses its condolences to the people of Morocco after the devastating earthquake.",
            "Rescue teams are ready to be deployed at the request of the Moroccan authorities.",
            "The talks will continue tomorrow.");
    }

    [Fact]
    public void Read_GovUkStyleNewsPage_UsesPatternedContainerAndDropsMetadataBlock()
    {
        const string html = """
            <!DOCTYPE html><html lang="en"><head>
            <meta property="og:title" content="Foreign Secretary statement on Sudan">
            <script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Foreign Secretary statement on Sudan","datePublished":"2024-04-15T09:30:00.000+01:00"}</script>
            </head><body>
            <div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/world">International</a></li></ol></div>
            <main id="content" class="govuk-main-wrapper">
              <h1 class="gem-c-title__text">Foreign Secretary statement on Sudan</h1>
              <div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/fcdo">Foreign Office</a></dd><dt>Published</dt><dd>15 April 2024</dd></dl></div>
              <div class="news-article__body">
                <div class="govspeak">
                  <p>One year on from the outbreak of war, the UK announces new humanitarian support for the people of Sudan.</p>
                  <p>On <span class="date">15 April</span>, the Foreign Secretary said the fighting must stop.</p>
                </div>
              </div>
              <div class="gem-c-share-links"><h2>Share this page</h2><ul><li><a href="#">Facebook</a></li></ul></div>
              <div class="gem-c-contextual-sidebar"><h2>Related content</h2><p>Explore the topic of the Middle East and Africa.</p></div>
            </main></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(
            doc,
            "One year on from the outbreak of war, the UK announces new humanitarian support for the people of Sudan.",
            "On 15 April, the Foreign Secretary said the fighting must stop.");
        Assert.Equal("2024-04-15T09:30:00+01:00", doc.Metadata.Published!.ToIso());
        Assert.Contains(new KeyValuePair<string, string>("extraction", "class/id govspeak"), doc.Metadata.Extra);
    }

    [Fact]
    public void Read_MetadataBlockWithoutContentClass_IsRecordedNotBody()
    {
        const string html = """
            <html><body><main>
              <div class="gem-c-metadata"><span>From: Foreign Office</span> <span>Published 15 April 2024</span></div>
              <p>The UK announced new humanitarian support for the people of Sudan on Monday, one year after the war began.</p>
            </main></body></html>
            """;
        var doc = Fixtures.ReadHtmlText(html).Document!;
        Fixtures.AssertParagraphs(doc, "The UK announced new humanitarian support for the people of Sudan on Monday, one year after the war began.");
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "header" && r.Text == "From: Foreign Office Published 15 April 2024");
    }

    [Fact]
    public void Read_LargePage_IsFast()
    {
        var html = new StringBuilder("<html><body><nav>");
        for (var i = 0; i < 300; i++)
        {
            html.Append("<a href=\"/n").Append(i).Append("\">Menu item ").Append(i).Append("</a>");
        }

        html.Append("</nav><main>");
        for (var i = 0; i < 3000; i++)
        {
            html.Append("<div class=\"block\"><div><p>Paragraph ").Append(i)
                .Append(" reports that the envoys met again, discussed the agenda, and agreed to continue the consultations.</p></div></div>");
        }

        html.Append("</main></body></html>");
        var doc = Fixtures.ReadHtmlText(html.ToString()).Document!;
        Assert.Equal(3000, doc.Paragraphs.Count);
        Assert.StartsWith("Paragraph 2999 ", doc.Slice(doc.Paragraphs[^1]), StringComparison.Ordinal);
    }
}
