namespace Parley.Cli.Tests;

/// <summary>
/// Golden files pin output formats (our contract with users). Set PARLEY_UPDATE_GOLDEN=1 to rewrite them
/// after an intended change, then review the diff.
/// </summary>
internal static class GoldenFile
{
    /// <summary>Compares <paramref name="actual"/> with <c>tests/<paramref name="project"/>/Golden/<paramref name="name"/></c>.</summary>
    public static void AssertMatches(string name, string actual, string project = "Parley.Cli.Tests")
    {
        var path = Path.Combine(CliRunner.RepoRoot, "tests", project, "Golden", name);
        if (Environment.GetEnvironmentVariable("PARLEY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run with PARLEY_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs at line {line + 1}:\n expected: {(line < e.Length ? e[line] : "<end>")}\n actual:   {(line < a.Length ? a[line] : "<end>")}");
        }
    }
}
