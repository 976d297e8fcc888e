using System.Diagnostics;
using System.Text.Json;
using Parley.Cli.Tests;

namespace Parley.Web.Tests;

/// <summary>The <c>keys</c> and <c>serve</c> commands through the real <c>./parley</c> launcher.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-web-cli-").FullName;

    private string Store => Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Keys_CreateListRevoke()
    {
        var made = CliRunner.Run(null, "keys", "create", "wire importer", "--store", Store);
        Assert.True(made.ExitCode == 0, made.StdErr);
        var key = made.StdOut.Trim();
        Assert.Matches("^prl_[0-9a-f]{12}_", key);
        var id = key.Split('_')[1];
        Assert.Contains("cannot be shown again", made.StdErr, StringComparison.Ordinal);

        var list = CliRunner.Run(null, "keys", "list", "--store", Store);
        var row = JsonDocument.Parse(list.StdOut.Trim()).RootElement;
        Assert.Equal(id, row.GetProperty("key_id").GetString());
        Assert.True(row.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(key, list.StdOut, StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.Run(null, "keys", "revoke", id, "--store", Store).ExitCode);
        Assert.False(JsonDocument.Parse(CliRunner.Run(null, "keys", "list", "--store", Store).StdOut.Trim()).RootElement.GetProperty("active").GetBoolean());
        var again = CliRunner.Run(null, "keys", "revoke", id, "--store", Store);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("PRL3001", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ListsItsAddress_AndAnswers()
    {
        var psi = new ProcessStartInfo(Path.Combine(CliRunner.RepoRoot, "parley"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = CliRunner.RepoRoot,
        };
        foreach (var a in new[] { "serve", "--store", Store, "--urls", "http://127.0.0.1:0" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        try
        {
            string? url;
            var read = Task.Run(() =>
            {
                while (p.StandardError.ReadLine() is { } line)
                {
                    if (line.StartsWith("serve: http://", StringComparison.Ordinal))
                    {
                        return line["serve: ".Length..].Split(' ')[0];
                    }
                }

                return null;
            });
            url = await read.WaitAsync(TimeSpan.FromMinutes(4));
            Assert.NotNull(url);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
            Assert.Equal("ready", ready.GetProperty("status").GetString());
            Assert.Contains("<h1>Overview</h1>", await client.GetStringAsync("/"), StringComparison.Ordinal);
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }
}
