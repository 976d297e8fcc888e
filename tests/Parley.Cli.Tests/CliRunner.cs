using System.Diagnostics;
using System.Text;

namespace Parley.Cli.Tests;

/// <summary>Runs the real <c>./parley</c> launcher (as README users do) and captures its streams.</summary>
internal static class CliRunner
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

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
