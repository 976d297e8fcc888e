using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class EntitiesCommandTests
{
    [Fact]
    public void Entities_Stdin_WritesMentionsWithOffsetsAndResolvedActors()
    {
        const string text = "The Prime Minister of Armenia met the President of France in Paris on Monday.\n";
        var r = CliRunner.Run(text, "entities");
        Assert.Equal(0, r.ExitCode);
        var mentions = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(mentions);
        foreach (var m in mentions)
        {
            var start = m.GetProperty("start").GetInt32();
            var end = m.GetProperty("end").GetInt32();
            Assert.Equal(m.GetProperty("text").GetString(), text[start..end]);
            Assert.Contains(m.GetProperty("type").GetString(), new[] { "PER", "ORG", "LOC" });
            Assert.True(m.GetProperty("actor").ValueKind == JsonValueKind.Object || m.TryGetProperty("actor_reason", out _), "an empty actor carries a reason");
        }

        var armenia = Assert.Single(mentions, m => m.GetProperty("text").GetString() == "Armenia");
        Assert.Equal("ARM", armenia.GetProperty("actor").GetProperty("country").GetString());
        var paris = Assert.Single(mentions, m => m.GetProperty("text").GetString() == "Paris");
        Assert.Equal("FRA", paris.GetProperty("actor").GetProperty("country").GetString());
        Assert.Equal(2988507, paris.GetProperty("place").GetProperty("geonames_id").GetInt64());
        Assert.Equal("country", armenia.GetProperty("place").GetProperty("precision").GetString());
        foreach (var loc in mentions.Where(m => m.GetProperty("type").GetString() == "LOC"))
        {
            Assert.True(loc.GetProperty("place").ValueKind == JsonValueKind.Object || loc.TryGetProperty("place_reason", out _), "an empty place carries a reason");
        }

        Assert.All(mentions.Where(m => m.GetProperty("type").GetString() != "LOC"), m => Assert.False(m.TryGetProperty("place", out _)));
    }
}
