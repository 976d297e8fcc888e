using Parley.Core;
using static Parley.Readers.Tests.TestSupport;

namespace Parley.Readers.Tests;

public class PlainTextReaderTests
{
    private const string AgencyRelease =
        "Posted: 14.03.2023 16:45:00\n\n" +
        "Parliamentary delegations discuss transit and trade\n\n" +
        "MINSK, 14 March (BelTA) – A delegation of the House of Representatives held talks with members of a visiting parliamentary committee on economic policy, BelTA learned from the press service of the lower chamber.\n\n" +
        "Photo by press service of the House of Representatives\n\n" +
        "The sides discussed the implementation of earlier agreements on transit, logistics and the supply of agricultural machinery.\n\n" +
        "“We are interested in expanding the list of joint projects,” the head of the delegation said.\n\n" +
        "Read also: Lower chamber approves budget amendments\n";

    private const string WireWithHeaders =
        "Source: https://www.example.kz/en/senate-committee-meets-visiting-delegation_a1234567\r\n" +
        "Title: Senate committee meets visiting delegation\r\n" +
        "Date: 21 December 2022, 19:10\r\n" +
        "\r\n" +
        "ASTANA. KAZINFORM – Members of the Senate committee on international affairs met a parliamentary delegation from abroad, Kazinform cites the press service of the Senate.\r\n" +
        "\r\n" +
        "The parties exchanged views on the agenda of inter-parliamentary cooperation and agreed to hold the next meeting in spring.\r\n";

    [Fact]
    public void Read_AgencyRelease_TitleDatelineCreditAndBody()
    {
        var doc = ReadOneDocument(AgencyRelease, "delegations-2023-03-14.txt");
        var m = doc.Metadata;
        Assert.Equal("delegations-2023-03-14", doc.Id);
        Assert.Equal("Parliamentary delegations discuss transit and trade", m.Title);
        Assert.Equal("2023-03-14T16:45:00", m.Published!.ToIso());
        Assert.Equal(DateSource.HeaderLine, m.Published.Source);
        Assert.Equal("MINSK, 14 March (BelTA)", m.Dateline);
        Assert.Equal("MINSK", m.DatelinePlace);
        Assert.Equal("BelTA", m.DatelineAgency);
        Assert.Contains(m.Removed, r => r.Kind == "credit" && r.Text == "Photo by press service of the House of Representatives");
        Assert.Contains(m.Removed, r => r.Kind == "boilerplate" && r.Text.StartsWith("Read also:", StringComparison.Ordinal));
        Assert.Contains(m.Removed, r => r.Kind == "dateline");
        Assert.Contains(m.Extra, kv => kv.Key == "dateline_date" && kv.Value.StartsWith("2023-03-14", StringComparison.Ordinal));
        var paragraphs = BodyParagraphs(doc);
        Assert.Equal(3, paragraphs.Count);
        Assert.StartsWith("A delegation of the House", paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Photo", doc.Text, StringComparison.Ordinal);
        Assert.Equal(string.Join("\n\n", paragraphs), doc.Text);
        Assert.Equal("en", m.Language!.Code);
        Assert.Equal("text", m.Format);
    }

    [Fact]
    public void Read_HeaderLinesWithCrLf_UrlTitleDateAndKazinformDateline()
    {
        var doc = ReadOneDocument(WireWithHeaders, "wire.txt");
        var m = doc.Metadata;
        Assert.Equal("Senate committee meets visiting delegation", m.Title);
        Assert.Equal("https://www.example.kz/en/senate-committee-meets-visiting-delegation_a1234567", m.Url);
        Assert.Equal("2022-12-21T19:10", m.Published!.ToIso());
        Assert.Equal("ASTANA. KAZINFORM", m.Dateline);
        Assert.Equal("ASTANA", m.DatelinePlace);
        Assert.Equal("KAZINFORM", m.DatelineAgency);
        Assert.StartsWith("Members of the Senate committee", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", doc.Text, StringComparison.Ordinal);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal(["Source", "Title", "Date"], m.Extra.Select(kv => kv.Key));
    }

    [Fact]
    public void Read_UsDispatch_SlashDateMonthFirstAndReutersDateline()
    {
        var text = "Date: 6/8/2022\n\nWASHINGTON (Reuters) - The State Department said on Wednesday it had summoned a foreign envoy over remarks made at a news conference.\n\nA spokesperson said the talks were frank.\n";
        var doc = ReadOneDocument(text, "dispatch.txt");
        Assert.Equal(new DateOnly(2022, 6, 8), doc.Metadata.Published!.Date);
        Assert.Contains("month-first because '/' separator (US convention", doc.Metadata.Published.Rule, StringComparison.Ordinal);
        Assert.Equal("WASHINGTON (Reuters)", doc.Metadata.Dateline);
        Assert.Equal("Reuters", doc.Metadata.DatelineAgency);
        Assert.StartsWith("The State Department", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SlashDateWithCountryDomain_DayFirst()
    {
        var text = "Source: https://www.example.by/news/item-1\nDate: 6/8/2022\n\nThe committee met on Monday to discuss the agenda of the session and approved the plan of work.\n";
        var doc = ReadOneDocument(text);
        Assert.Equal(new DateOnly(2022, 8, 6), doc.Metadata.Published!.Date);
        Assert.Contains(".by", doc.Metadata.Published.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DateOrderOverride_IsApplied()
    {
        var text = "Posted: 08.06.2022 10:12:00\n\nThe committee met on Monday to discuss the agenda of the session and approved the plan of work.\n";
        var doc = ReadOneDocument(text, options: new ReaderOptions { DateOrder = DateOrder.MonthFirst });
        Assert.Equal(new DateOnly(2022, 8, 6), doc.Metadata.Published!.Date);
        Assert.Contains("override", doc.Metadata.Published.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ParenthesisedHeaderValues_MeanMissing()
    {
        var text = "Source: https://www.example.com/world/ministry-summons-envoy\nTitle: (not shown in excerpt)\nDate: (not shown; URL slug: ministry-summons-envoy)\n\nThe ministry summoned the envoy on Monday and handed him a note of protest over the incident.\n";
        var doc = ReadOneDocument(text);
        Assert.Null(doc.Metadata.Title);
        Assert.Null(doc.Metadata.Published);
        Assert.Contains("not shown; URL slug", doc.Metadata.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Contains(doc.Metadata.Extra, kv => kv.Key == "title_missing_reason" && kv.Value == "not shown in excerpt");
        Assert.StartsWith("The ministry summoned", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoHeader_MissingReasonRecorded()
    {
        var doc = ReadOneDocument("The ministry summoned the envoy on Monday and handed him a note of protest over the incident.\n");
        Assert.Null(doc.Metadata.Published);
        Assert.Contains("no date header", doc.Metadata.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Null(doc.Metadata.Title);
    }

    [Fact]
    public void Read_SingleNewlineParagraphs_EachLongLineIsAParagraph()
    {
        var text = "Title: Ministers hold talks\n\n" +
            "The ministers of foreign affairs held talks in the capital on Thursday and discussed the full range of bilateral relations.\n" +
            "Minister A and Minister B exchange documents after the talks in the capital on Thursday. (Photo: Press Agency)\n" +
            "The ministers agreed to set up a joint commission on trade and to meet again before the end of the year in the other capital.\n" +
            "They also signed a memorandum on consular cooperation, the ministry said in a statement released after the meeting.\n";
        var doc = ReadOneDocument(text);
        Assert.Equal(3, doc.Paragraphs.Count);
        var caption = Assert.Single(doc.Metadata.Removed);
        Assert.Equal("caption", caption.Kind);
        Assert.EndsWith("(Photo: Press Agency)", caption.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HardWrappedLines_AreJoined()
    {
        var text = "The ministers of foreign affairs held talks in the capital on Thursday\nand discussed the full range of bilateral relations, including trade\nand investment.\n\nThey agreed to meet again.\n";
        var doc = ReadOneDocument(text);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal("The ministers of foreign affairs held talks in the capital on Thursday and discussed the full range of bilateral relations, including trade and investment.", doc.Slice(doc.Paragraphs[0]));
    }

    [Theory]
    [InlineData("Photo: Presidential press office")]
    [InlineData("Photo credit: Ministry of Foreign Affairs")]
    [InlineData("© Press Agency 2023")]
    [InlineData("(Photo: Government press service)")]
    [InlineData("Source: press service")]
    [InlineData("Follow us on Telegram")]
    [InlineData("Share")]
    [InlineData("AP Photo/Jane Doe")]
    [InlineData("Getty Images")]
    public void Read_CreditAndBoilerplateLines_AreRemoved(string line)
    {
        var text = $"The delegation arrived in the capital on Tuesday for two days of talks on trade and energy.\n\n{line}\n\nThe talks will continue on Wednesday with a meeting of the working groups.\n";
        var doc = ReadOneDocument(text);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Contains(doc.Metadata.Removed, r => r.Text == line && r.Reason.Length > 0);
    }

    [Fact]
    public void Read_BylineNearTop_IsRemovedAndAuthorRecorded()
    {
        var text = "Title: Ministers meet\n\nBy Jane Roe – Example News:\n\nThe ministers met on Friday to discuss the agenda of the summit and the draft declaration.\n";
        var doc = ReadOneDocument(text);
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "byline");
        Assert.Contains(doc.Metadata.Extra, kv => kv.Key == "Author" && kv.Value == "Jane Roe");
        Assert.StartsWith("The ministers met", doc.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BEIJING, (APP - Example Point News - 12th Jan, 2023 ) :China on Thursday condemned the attack.", "BEIJING", "APP", "2023-01-12")]
    [InlineData("MOSCOW, June 8. /TASS/. The foreign ministry said on Wednesday that talks would continue.", "MOSCOW", "TASS", "2022-06-08")]
    [InlineData("UNITED NATIONS, March 3 (Xinhua) -- The Security Council held consultations on Friday.", "UNITED NATIONS", "Xinhua", "2022-03-03")]
    [InlineData("KYIV, Ukraine (AP) — The government said on Monday that talks would resume next week.", "KYIV, Ukraine", "AP", null)]
    [InlineData("Riverton. July 4. ExampleTAG - The president held a meeting with his counterpart on Thursday.", "Riverton", "ExampleTAG", "2021-07-04")]
    public void Read_Datelines_AreMetadataNotBody(string firstParagraph, string place, string agency, string? datelineDate)
    {
        var text = "Date: 2022-06-08\n\n" + firstParagraph + "\n\nThe statement was published on the ministry website.\n";
        var doc = ReadOneDocument(text);
        Assert.Equal(place, doc.Metadata.DatelinePlace);
        Assert.Equal(agency, doc.Metadata.DatelineAgency);
        Assert.DoesNotContain(agency, doc.Slice(doc.Paragraphs[0])[..10], StringComparison.Ordinal);
        Assert.True(char.IsUpper(doc.Text[0]), doc.Text);
        if (datelineDate is not null)
        {
            Assert.Contains(doc.Metadata.Extra, kv => kv.Key == "dateline_date" && kv.Value.StartsWith(datelineDate, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Read_DatelineDateWithYear_IsPublishedWhenNoHeader()
    {
        var doc = ReadOneDocument("BEIJING, (APP - Example Point News - 12th Jan, 2023 ) :China on Thursday strongly condemned the attack and extended sympathies to the families.\n");
        Assert.Equal("2023-01-12", doc.Metadata.Published!.ToIso());
        Assert.Equal(DateSource.Dateline, doc.Metadata.Published.Source);
    }

    [Fact]
    public void Read_YearlessDatelineWithoutHeader_IsRecordedNotGuessed()
    {
        var doc = ReadOneDocument("MOSCOW, May 8. /TASS/. The foreign ministry said on Wednesday that the accusations were groundless.\n");
        Assert.Null(doc.Metadata.Published);
        Assert.Contains("May 8", doc.Metadata.PublishedMissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OrdinaryOpening_IsNotADateline()
    {
        var doc = ReadOneDocument("The President received the credentials of five ambassadors on Tuesday, the press office said.\n\nHe wished them success.\n");
        Assert.Null(doc.Metadata.Dateline);
        Assert.StartsWith("The President received", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReferenceExample_MatchesTheRelease()
    {
        var path = Path.Combine(SharedDir, "examples", "belarus-kazakhstan-2022-06-08.txt");
        var results = new DocumentReader().Read([path]).ToList();
        var doc = Assert.Single(results).Document!;
        Assert.Equal("belarus-kazakhstan-2022-06-08", doc.Id);
        Assert.Equal("Belarus views Kazakhstan as key partner in Central Asia", doc.Metadata.Title);
        Assert.Equal("2022-06-08T10:12:00", doc.Metadata.Published!.ToIso());
        Assert.Contains("day-first", doc.Metadata.Published.Rule, StringComparison.Ordinal);
        var credit = Assert.Single(doc.Metadata.Removed);
        Assert.Equal("Photo by press service of the Council of the Republic", credit.Text);
        Assert.Equal(6, doc.Paragraphs.Count);
        Assert.StartsWith("Belarus considers Kazakhstan as a friend", doc.Text, StringComparison.Ordinal);
        Assert.EndsWith("The jubilee date will be celebrated on September 16th, 2022.", doc.Text, StringComparison.Ordinal);
        Assert.Equal("en", doc.Metadata.Language!.Code);
        Assert.Equal(new EncodingDecision("utf-8", "valid-utf8"), doc.Metadata.Encoding);
    }

    [Fact]
    public void Read_HeaderOnly_IsEmpty()
    {
        var result = Assert.Single(ReadText("Title: Something\nDate: 2022-06-08\n"));
        Assert.Equal("PRL1002", result.Diagnostic!.Error.Code);
    }

    [Fact]
    public void Read_UnparseableDateHeader_WarnsAndKeepsDocument()
    {
        var result = Assert.Single(ReadText("Date: sometime last week\n\nThe talks took place in the capital and ended with a joint statement.\n"));
        Assert.NotNull(result.Document);
        Assert.Null(result.Document!.Metadata.Published);
        Assert.Equal("PRL1011", Assert.Single(result.Warnings).Error.Code);
    }

    [Fact]
    public void Read_DateOnlyFirstParagraph_IsMetadata()
    {
        var doc = ReadOneDocument("Friday, August 15, 2008\n\nThe ministers met on Friday to discuss the agenda of the summit.\n\nThey agreed to meet again.\n");
        Assert.Equal("2008-08-15", doc.Metadata.Published!.ToIso());
        Assert.Contains(doc.Metadata.Removed, r => r.Kind == "date" && r.Text == "Friday, August 15, 2008");
        Assert.StartsWith("The ministers met", doc.Text, StringComparison.Ordinal);
    }
}
