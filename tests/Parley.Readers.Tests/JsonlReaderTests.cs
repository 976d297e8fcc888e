using Parley.Core;

namespace Parley.Readers.Tests;

public class JsonlReaderTests
{
    private static List<ReadResult> Read(string content, string path = "batch.jsonl", ReaderOptions? options = null) =>
        TestSupport.ReadText(content, path, options);

    [Fact]
    public void Read_Records_FieldsAndParagraphs()
    {
        var content =
            """{"id":"r1","title":"Ministers meet in the capital","text":"The foreign ministers met on Monday.\n\nThey discussed trade and transit.","published":"2022-06-08T10:12","url":"https://www.example.kz/en/item","language":"en"}""" + "\n";
        var doc = Assert.Single(Read(content)).Document!;
        Assert.Equal("r1", doc.Id);
        Assert.Equal("Ministers meet in the capital", doc.Metadata.Title);
        Assert.Equal("The foreign ministers met on Monday.\n\nThey discussed trade and transit.", doc.Text);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.DoesNotContain("Ministers meet", doc.Text, StringComparison.Ordinal);
        Assert.Equal("2022-06-08T10:12", doc.Metadata.Published!.ToIso());
        Assert.Equal(DateSource.RecordField, doc.Metadata.Published.Source);
        Assert.Equal("https://www.example.kz/en/item", doc.Metadata.Url);
        Assert.Equal("jsonl", doc.Metadata.Format);
        Assert.Equal(new SourceLocation("batch.jsonl", 1, "r1"), doc.Metadata.Origin);
        Assert.Equal("en", doc.Metadata.Language!.Code);
        Assert.Contains("declared", doc.Metadata.Language.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidLineInTheMiddle_OthersStillRead()
    {
        var content =
            """{"id":"a","text":"The delegation arrived in the capital on Tuesday for talks."}""" + "\n" +
            """{"id":"b","text": "unterminated""" + "\n" +
            """{"id":"c","text":"The talks ended with a joint statement on Wednesday."}""" + "\n";
        var results = Read(content, "data/batch.jsonl");
        Assert.Equal(3, results.Count);
        Assert.Equal("a", results[0].Document!.Id);
        Assert.Equal("c", results[2].Document!.Id);
        var diagnostic = results[1].Diagnostic!;
        Assert.Equal("PRL1006", diagnostic.Error.Code);
        Assert.Equal("data/batch.jsonl", diagnostic.Location!.Path);
        Assert.Equal(2, diagnostic.Location.Line);
        Assert.StartsWith("error PRL1006: data/batch.jsonl:2: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingIdAndBlankLines_IdFromFileAndLine()
    {
        var content = "\n" + """{"text":"The ministers met on Monday to discuss the agenda of the summit."}""" + "\n\n   \n" +
            """{"text":"The ministers agreed to meet again in the autumn in the capital."}""" + "\r\n";
        var results = Read(content, "news/day-1.jsonl");
        Assert.Equal(["day-1-2", "day-1-5"], results.Select(r => r.Document!.Id));
    }

    [Theory]
    [InlineData("""{"id":"x","title":"No text here"}""", "no 'text'")]
    [InlineData("""{"id":"x","text":42}""", "'text'")]
    [InlineData("""{"id":"x","text":"The ministers met.","published":20220608}""", "'published'")]
    [InlineData("""{"id":"x","text":"   "}""", "empty")]
    public void Read_BadRecord_IsInvalidRecord(string line, string fragment)
    {
        var diagnostic = Assert.Single(Read(line + "\n")).Diagnostic!;
        Assert.Equal("PRL1007", diagnostic.Error.Code);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Location!.Line);
    }

    [Fact]
    public void Read_NotAnObject_IsInvalidJsonLine()
    {
        var diagnostic = Assert.Single(Read("[1,2,3]\n", "batch.jsonl", new ReaderOptions { Format = "jsonl" })).Diagnostic!;
        Assert.Equal("PRL1006", diagnostic.Error.Code);
    }

    [Fact]
    public void Read_SingleNewlines_AreParagraphFallback()
    {
        var content = """{"id":"s","text":"The foreign ministers held talks in the capital on Thursday and discussed a wide range of issues of mutual interest.\nThe ministers agreed to set up a joint commission on trade and to meet again before the end of the year in the other capital."}""";
        var doc = Assert.Single(Read(content)).Document!;
        Assert.Equal(2, doc.Paragraphs.Count);
    }

    [Fact]
    public void Read_UnparseablePublished_WarnsAndRecordsReason()
    {
        var result = Assert.Single(Read("""{"id":"d","text":"The ministers met on Monday to discuss the agenda.","published":"soon"}"""));
        Assert.Null(result.Document!.Metadata.Published);
        Assert.Contains("soon", result.Document.Metadata.PublishedMissingReason, StringComparison.Ordinal);
        Assert.Equal("PRL1011", Assert.Single(result.Warnings).Error.Code);
    }

    [Fact]
    public void Read_DeclaredEnglishButFrenchText_IsRefused()
    {
        var line = "{\"id\":\"f\",\"language\":\"en\",\"text\":\"" + LanguageIdentifierTests.French.Replace("'", "\\u0027", StringComparison.Ordinal) + "\"}";
        var diagnostic = Assert.Single(Read(line)).Diagnostic!;
        Assert.Equal("PRL1010", diagnostic.Error.Code);
        Assert.Contains("French", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LongLine_IsRead()
    {
        var sentence = "The delegations discussed cooperation in trade, energy and transport. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 5000));
        var line = "{\"id\":\"long\",\"text\":\"" + text + "\"}";
        var doc = Assert.Single(Read(line)).Document!;
        Assert.Equal(text.TrimEnd().Length, doc.Text.Length);
    }

    [Fact]
    public void Read_CaptionInsideRecordText_IsRemoved()
    {
        var content = """{"id":"c","text":"The ministers met on Monday in the capital.\n\nPhoto by press service of the ministry\n\nThey agreed to meet again."}""";
        var doc = Assert.Single(Read(content)).Document!;
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal("credit", Assert.Single(doc.Metadata.Removed).Kind);
    }
}
