using System.Text;
using System.Text.Json;
using Parley.Core;

namespace Parley.Readers.Tests;

public class DocumentJsonWriterTests
{
    private static Document ReadGoldenInput()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestSupport.GoldenDir, "wire-release.txt"));
        var result = Assert.Single(new DocumentReader().ReadBytes(bytes, "wire-release.txt"));
        return result.Document ?? throw new InvalidOperationException(result.Diagnostic!.ToString());
    }

    [Fact]
    public void Serialize_WireRelease_MatchesGoldenFile()
    {
        var actual = new DocumentJsonWriter().Serialize(ReadGoldenInput()) + "\n";
        var goldenPath = Path.Combine(TestSupport.GoldenDir, "wire-release.golden");
        if (Environment.GetEnvironmentVariable("PARLEY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));
        }

        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }

    [Fact]
    public void Serialize_KeysInFixedOrder_NoSentencesWithoutProvider()
    {
        using var json = JsonDocument.Parse(new DocumentJsonWriter().Serialize(ReadGoldenInput()));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["id", "format", "title", "url", "published", "language", "encoding", "dateline", "removed", "extra", "origin", "text", "paragraphs"], keys);
    }

    [Fact]
    public void Serialize_WithSentenceProvider_WritesSpansAndText()
    {
        var doc = ReadGoldenInput();
        var writer = new DocumentJsonWriter(d => [new TextSpan(0, 7)]);
        using var json = JsonDocument.Parse(writer.Serialize(doc));
        var sentence = Assert.Single(json.RootElement.GetProperty("sentences").EnumerateArray());
        Assert.Equal(0, sentence.GetProperty("start").GetInt32());
        Assert.Equal(7, sentence.GetProperty("end").GetInt32());
        Assert.Equal(doc.Text[..7], sentence.GetProperty("text").GetString());
    }

    [Fact]
    public void Serialize_QuotesAndCyrillic_StayReadable()
    {
        var doc = new Document("q", "“Quoted” — Москва", new DocumentMetadata { Published = null, PublishedMissingReason = "none given" });
        var line = new DocumentJsonWriter().Serialize(doc);
        Assert.Contains("“Quoted” — Москва", line, StringComparison.Ordinal);
        Assert.Contains("\"published\":null,\"published_missing_reason\":\"none given\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Write_Stream_EndsWithNewline()
    {
        using var stream = new MemoryStream();
        new DocumentJsonWriter().Write(stream, new Document("n", "Text.", new DocumentMetadata()));
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
