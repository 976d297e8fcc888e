namespace Parley.Cli.Tests;

public sealed class TokenizeAndParseCommandTests
{
    private const string Example = "examples/belarus-kazakhstan-2022-06-08.txt";

    [Fact]
    public void Tokenize_ReferenceExample_MatchesGoldenConllu()
    {
        var r = CliRunner.Run(null, "tokenize", Example);
        Assert.Equal(0, r.ExitCode);
        GoldenFile.AssertMatches("tokenize-example.conllu", r.StdOut);
    }

    [Fact]
    public void Tokenize_Stdin_SplitsPossessiveAsMultiwordToken()
    {
        var r = CliRunner.Run("Kazakhstan’s Senate met on Monday.\n", "tokenize");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1-2\tKazakhstan’s\t", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("1\tKazakhstan\t", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("2\t’s\t", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReferenceExample_WritesOneTreePerSentence()
    {
        var r = CliRunner.Run(null, "parse", Example);
        Assert.Equal(0, r.ExitCode);
        var sentences = r.StdOut.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, sentences.Length);
        foreach (var block in sentences)
        {
            var rows = block.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0]) && !l.Split('\t')[0].Contains('-', StringComparison.Ordinal))
                .Select(l => l.Split('\t')).ToList();
            Assert.All(rows, c => Assert.Equal(10, c.Length));
            Assert.Single(rows, c => c[6] == "0" && c[7] == "root");
            Assert.All(rows, c => Assert.InRange(int.Parse(c[6], System.Globalization.CultureInfo.InvariantCulture), 0, rows.Count));
            Assert.All(rows, c => Assert.NotEqual("_", c[3]));
        }

        Assert.Contains("\tcongratulated\tcongratulate\tVERB\tVBD\t", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConlluInput_KeepsTokensAndSentences()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, "# text = Russia's envoy met them.\n1-2\tRussia's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tRussia\t_\t_\t_\t_\t_\t_\t_\t_\n2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n3\tenvoy\t_\t_\t_\t_\t_\t_\t_\t_\n4\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n5\tthem\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n6\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
        try
        {
            var r = CliRunner.Run(null, "parse", "--input-format", "conllu", path);
            Assert.Equal(0, r.ExitCode);
            var lines = r.StdOut.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            Assert.Equal(["1-2", "1", "2", "3", "4", "5", "6"], lines.Select(l => l.Split('\t')[0]));
            Assert.Contains("\tmet\tmeet\tVERB\tVBD\t", r.StdOut, StringComparison.Ordinal);
            Assert.Contains("\tenvoy\tenvoy\tNOUN\tNN\t", r.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_MalformedConllu_ReportsPrl1014WithLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, "1\tHello\t_\n");
        try
        {
            var r = CliRunner.Run(null, "parse", "--input-format", "conllu", path);
            Assert.Equal(3, r.ExitCode);
            Assert.Contains($"error PRL1014: {path}:1:", r.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
