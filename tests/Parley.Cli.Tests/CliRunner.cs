using System.Diagnostics;
using System.Text;

namespace Parley.Cli.Tests;

/// <summary>Runs the real <c>./parley</c> launcher (as README users do) and captures its streams.</summary>
internal static class CliRunner
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The 30 dev articles as JSONL, one line each, through the shared converter (articles_to_jsonl.py).</summary>
    public static string DevArticlesJsonl()
    {
        var eval = Path.Combine(SharedDir, "eval");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(eval, "articles_to_jsonl.py"));
        psi.ArgumentList.Add(Path.Combine(eval, "diplomatic-dev", "articles"));
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "articles_to_jsonl.py failed: " + stderr);
        return stdout.Result;
    }

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string? stdin, params string[] args) => Run(stdin, null, args);

    public static Result Run(string? stdin, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "parley"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = RepoRoot,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("parley did not finish in 5 minutes: " + string.Join(' ', args));
        }

        return new Result(p.ExitCode, outTask.Result, errTask.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
