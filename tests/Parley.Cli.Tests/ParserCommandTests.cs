namespace Parley.Cli.Tests;

public sealed class ParserCommandTests
{
    [Theory]
    [InlineData("17")]
    [InlineData("1,17")]
    [InlineData("1,-2")]
    [InlineData("x-3")]
    public void TrainParser_BadTemplates_ExitsWithUsageCodeBeforeTraining(string templates)
    {
        var r = CliRunner.Run(null, "train", "parser", "--out", Path.GetTempPath(), "--templates", templates);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PRL3001", r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("sentences", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalParser_DecodingWithAllTemplatesListed_ScoresLikeTheModel()
    {
        var all = CliRunner.Run(null, "eval", "parser", "--set", "ewt-dev");
        var listed = CliRunner.Run(null, "eval", "parser", "--set", "ewt-dev", "--templates", "1-96");
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(all.StdOut, listed.StdOut);
        Assert.Contains("ewt-dev", all.StdOut, StringComparison.Ordinal);
    }
}
