using System.CommandLine;
using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// Entry point of the <c>parley</c> command: builds the command tree and maps outcomes to exit codes.
/// Data goes to stdout, diagnostics and progress to stderr (see <see cref="CliConsole"/>).
/// </summary>
public static class ParleyCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Parley: diplomatic and political news to structured event data (PLOVER/CAMEO).");
        foreach (var command in CommandRegistry.Create())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                CliConsole.Error($"error {Errors.InvalidOption.Code}: {error.Message}");
            }

            CliConsole.Error("Run 'parley --help' for usage.");
            return ExitCodes.Usage;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token).ConfigureAwait(false);
        }
        catch (ParleyException ex)
        {
            CliConsole.Error(ex.Diagnostic.ToString());
            return ex.Error.ExitCode;
        }
        catch (OperationCanceledException)
        {
            CliConsole.Error("cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
