using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class ActorsCommandTests
{
    [Fact]
    public void Actors_Example_MatchesGoldenFile()
    {
        var r = CliRunner.Run(null, "actors", "examples/belarus-kazakhstan-2022-06-08.txt");
        Assert.Equal(0, r.ExitCode);
        GoldenFile.AssertMatches("actors-example.jsonl", r.StdOut);
    }

    [Fact]
    public void Actors_Stdin_WritesMentionsWithChainsThenASummary()
    {
        const string text = "Finnish Foreign Minister Anna Virtanen met the Chilean Senator Juan Pérez in Helsinki. Ms. Virtanen said that both countries want more trade. She invited the senator to Lapland.\n";
        var r = CliRunner.Run(text, "actors", "--explain");
        Assert.Equal(0, r.ExitCode);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var summary = lines[^1];
        Assert.Equal("actors", summary.GetProperty("summary").GetString());
        var mentions = lines.Take(lines.Count - 1).ToList();
        foreach (var m in mentions)
        {
            Assert.Equal(m.GetProperty("text").GetString(), text[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()]);
        }

        int Chain(string s) => mentions.Single(m => m.GetProperty("text").GetString() == s).GetProperty("chain").GetInt32();
        Assert.Equal(Chain("Anna Virtanen"), Chain("Ms. Virtanen"));
        Assert.Equal(Chain("Anna Virtanen"), Chain("She"));
        Assert.Equal(Chain("Juan Pérez"), Chain("the senator"));
        var both = mentions.Single(m => m.GetProperty("text").GetString() == "both countries");
        Assert.Equal("GROUP", both.GetProperty("kind").GetString());
        Assert.Equal("CHL FIN", string.Join(" ", both.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("country").GetString()).Order()));
        var virtanen = summary.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Anna Virtanen");
        Assert.Equal("person", virtanen.GetProperty("type").GetString());
        Assert.Equal("FIN", virtanen.GetProperty("actors")[0].GetProperty("country").GetString());
    }
}
