using System.Text.Json;

namespace Parley.Cli.Tests;

public class ActorCommandTests
{
    [Fact]
    public void Actor_Json_PrintsResolutionAndEvidence()
    {
        var r = CliRunner.Run(null, "actor", "US Ambassador to Kazakhstan", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal("USA", doc.RootElement.GetProperty("country").GetString());
        Assert.Equal("GOV", doc.RootElement.GetProperty("sector").GetString());
        Assert.True(doc.RootElement.GetProperty("evidence").GetArrayLength() >= 2);
    }

    [Fact]
    public void Actor_Text_ShowsWhyAndDatedRole()
    {
        var r = CliRunner.Run(null, "actor", "Putin", "--date", "2005-06-01");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("country:    RUS", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("person-dated", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("why:", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_BadDate_IsUsageError()
    {
        var r = CliRunner.Run(null, "actor", "Putin", "--date", "June 2005");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("PRL3001", r.StdErr, StringComparison.Ordinal);
    }
}
