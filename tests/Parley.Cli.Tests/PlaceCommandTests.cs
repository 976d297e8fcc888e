using System.Text.Json;

namespace Parley.Cli.Tests;

public class PlaceCommandTests
{
    [Fact]
    public void Place_Json_PrintsTheResolution()
    {
        var r = CliRunner.Run(null, "place", "Paris, Texas", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        var place = doc.RootElement.GetProperty("place");
        Assert.Equal("USA", place.GetProperty("country").GetString());
        Assert.Equal("TX", place.GetProperty("admin1").GetString());
        Assert.Equal("city", place.GetProperty("precision").GetString());
        Assert.Contains("qualifier", place.GetProperty("how").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_ContextCountry_ChoosesTheUsState()
    {
        var r = CliRunner.Run(null, "place", "Georgia", "--country", "usa");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("country:     USA", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("precision:   admin", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_Unknown_PrintsNullAndReason()
    {
        var r = CliRunner.Run(null, "place", "Xanadu Prime", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("place").ValueKind);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("place_reason").GetString()));
    }

    [Fact]
    public void Place_BadCountry_IsUsageError()
    {
        var r = CliRunner.Run(null, "place", "Paris", "--country", "France");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PRL3001", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalPlaces_ReportsAccuracyPerCategory()
    {
        var r = CliRunner.Run(null, "eval", "places");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("renamed", r.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"all\s+\d{3,}\s+\d+\s+\d+\.\d\d%", r.StdOut);
    }
}
