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
        var r = CliRunner.Run(null, "actor", "Putin", "--date", "2005-06-01", "--text");
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

    [Fact]
    public void Actor_Default_PrintsJsonWithWhy()
    {
        var r = CliRunner.Run(null, "actor", "Kazakh Senate");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal(("KAZ", "LEG"), (root.GetProperty("country").GetString(), root.GetProperty("sector").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("org").ValueKind);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("name").GetString()));
        Assert.Contains("institution", root.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_Unknown_PrintsNullsAndTheReason()
    {
        var r = CliRunner.Run(null, "actor", "the weather was fine");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("country").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("name").ValueKind);
        Assert.Equal("unresolved", root.GetProperty("how").GetString());
        Assert.Contains("no known", root.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_Batch_OneJsonPerLine_BadDateNamedAndBatchGoesOn()
    {
        var r = CliRunner.Run("Kazakh Senate\n\nPutin\t2005-06-01\nPutin\tJune 2005\nUS Ambassador to Kazakhstan\nthe weather was fine\n", "actor", "--batch");
        Assert.Equal(1, r.ExitCode);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        using var senate = JsonDocument.Parse(lines[0]);
        Assert.Equal("KAZ", senate.RootElement.GetProperty("country").GetString());
        using var putin = JsonDocument.Parse(lines[1]);
        Assert.Equal((3, "RUS", "2005-06-01"), (putin.RootElement.GetProperty("line").GetInt32(), putin.RootElement.GetProperty("country").GetString(), putin.RootElement.GetProperty("date").GetString()));
        using var bad = JsonDocument.Parse(lines[2]);
        Assert.Equal("PRL1015", bad.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("error PRL1015: -:4:", r.StdErr, StringComparison.Ordinal);
        using var ambassador = JsonDocument.Parse(lines[3]);
        Assert.Equal("USA", ambassador.RootElement.GetProperty("country").GetString());
        using var unknown = JsonDocument.Parse(lines[4]);
        Assert.Equal("unresolved", unknown.RootElement.GetProperty("how").GetString());
    }

    [Fact]
    public void Actor_BatchWithText_IsUsageError()
    {
        var r = CliRunner.Run("", "actor", "Putin", "--batch");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PRL3001", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalActors_ReportsAccuracyPerFieldRegionAndSector()
    {
        var r = CliRunner.Run(null, "eval", "actors");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("overall (all 3 fields)", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("field sector", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("region PostSoviet", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("sector LEG", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("failures:", r.StdOut, StringComparison.Ordinal);
    }
}
