using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class ReadCommandTests
{
    private const string Example = "examples/belarus-kazakhstan-2022-06-08.txt";

    [Fact]
    public void Read_ReferenceExample_MatchesGoldenJson()
    {
        var r = CliRunner.Run(null, "read", Example);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Empty, r.StdErr.Trim());
        GoldenFile.AssertMatches("read-example.jsonl", r.StdOut);
    }

    [Fact]
    public void Read_ReferenceExample_SentenceOffsetsSliceTheText()
    {
        var doc = JsonDocument.Parse(CliRunner.Run(null, "read", Example).StdOut).RootElement;
        var text = doc.GetProperty("text").GetString()!;
        var sentences = doc.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(10, sentences.Count);
        foreach (var s in sentences)
        {
            var start = s.GetProperty("start").GetInt32();
            var end = s.GetProperty("end").GetInt32();
            Assert.Equal(s.GetProperty("text").GetString(), text[start..end]);
        }

        Assert.Equal("2022-06-08T10:12:00", doc.GetProperty("published").GetProperty("value").GetString());
        Assert.DoesNotContain("Photo by", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithABinaryFile_ReportsItAndReadsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("parley-read-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "Ministers meet in Geneva\n\nThe foreign ministers of the two countries met in Geneva on Monday and agreed to resume talks next month.\n");
            File.WriteAllBytes(Path.Combine(dir.FullName, "b.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
            var r = CliRunner.Run(null, "read", dir.FullName);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("error PRL1003: ", r.StdErr, StringComparison.Ordinal);
            Assert.Contains("b.txt", r.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_InvalidJsonLine_NamesFileAndLineAndKeepsOtherRecords()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, """
            {"id":"one","title":"Talks","text":"The two presidents held talks in Astana on Tuesday and signed a treaty on strategic partnership."}
            {"id":"two","text": "unterminated
            {"id":"three","text":"The ministry summoned the ambassador of the neighbouring country on Friday to protest against the border incident."}

            """);
        try
        {
            var r = CliRunner.Run(null, "read", path);
            Assert.Equal(1, r.ExitCode);
            var ids = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
            Assert.Equal(["one", "three"], ids);
            Assert.Contains($"error PRL1006: {path}:2:", r.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_ExitsWithInputFailure()
    {
        var r = CliRunner.Run(null, "read", "no/such/file.txt");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("error PRL1001", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.StdOut);
    }
}
