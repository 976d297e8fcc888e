using Parley.Core;

namespace Parley.Readers.Html.Tests;

/// <summary>Inputs cut at arbitrary points never throw: they give a document (with a warning) or a coded failure.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("press-release.html")]
    [InlineData("ministry-statement.html")]
    [InlineData("br-paragraphs.html")]
    public void Read_PageCutAnywhere_GivesDocumentOrPrl1008(string name)
    {
        var full = File.ReadAllText(Fixtures.PathOf(name));
        for (var cut = 1; cut < full.Length; cut += Math.Max(1, full.Length / 60))
        {
            var result = Fixtures.ReadHtmlText(full[..cut], name);
            if (result.Document is { } doc)
            {
                Assert.Equal(string.Join("\n\n", doc.Paragraphs.Select(doc.Slice)), doc.Text);
                Assert.All(doc.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(doc.Slice(p))));
                Assert.All(result.Warnings, w => Assert.True(w.Error == Errors.TruncatedHtml || w.Error == Errors.InvalidDate));
                if (!full[..cut].Contains("</body", StringComparison.Ordinal))
                {
                    Assert.Contains(result.Warnings, w => w.Error == Errors.TruncatedHtml);
                }
            }
            else
            {
                Assert.Equal("PRL1008", result.Diagnostic!.Error.Code);
            }
        }
    }

    [Theory]
    [InlineData("press-feed.rss")]
    [InlineData("ministry.atom")]
    public void Read_FeedCutAnywhere_GivesPrl1009OrItems(string name)
    {
        var full = File.ReadAllText(Fixtures.PathOf(name));
        for (var cut = 1; cut < full.Length - 1; cut += Math.Max(1, full.Length / 60))
        {
            var results = Fixtures.ReadFeedText(full[..cut], name);
            Assert.NotEmpty(results);
            if (results[0].Diagnostic is { Error.Code: "PRL1009" } diagnostic)
            {
                Assert.Single(results);
                Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Read_GarbageMarkup_DoesNotThrow()
    {
        string[] inputs =
        [
            "<", "<<<>>>", "<html", "<p>", "</p></div></body>", "<script>alert(1)", "<!-- never closed", "<![CDATA[x]]>",
            "<table><tr><td><p>The envoys met in Rome to discuss the ceasefire proposals.</td></p></tr>",
            "<svg><p>Outside svg text</p></svg>", "\u0000\u0001<p>Control characters around the talks in Oslo.</p>",
        ];
        foreach (var input in inputs)
        {
            var result = Fixtures.ReadHtmlText(input);
            Assert.True(result.Document is not null || result.Diagnostic!.Error == Errors.InvalidHtml, input);
        }
    }
}
