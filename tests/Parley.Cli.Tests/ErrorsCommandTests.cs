using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class ErrorsCommandTests
{
    [Fact]
    public void Errors_Json_ListsEveryCatalogueCodeOnStdout()
    {
        var r = CliRunner.Run(null, "errors", "--json");
        Assert.Equal(0, r.ExitCode);
        var codes = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("code").GetString())
            .ToList();
        Assert.Equal(Parley.Core.Errors.All.Select(e => e.Code), codes);
    }

    [Fact]
    public void UnknownOption_ExitsWithUsageCodeAndNothingOnStdout()
    {
        var r = CliRunner.Run(null, "errors", "--no-such-option");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.StdOut);
        Assert.Contains("error PRL3001", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoColor_Set_StderrHasNoEscapeSequences()
    {
        var r = CliRunner.Run(null, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "--bogus");
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.StdErr);
    }
}
