using System.CommandLine;
using System.Text.Json;
using Parley.Core;

namespace Parley.Cli;

/// <summary><c>parley errors</c>: prints the error catalogue (code, exit code, name, title), as a table or JSONL.</summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table." };
        var command = new Command("errors", "List the error catalogue: stable PRL codes with their exit codes.") { json };
        command.SetAction(parse =>
        {
            using var output = CliConsole.OpenOutput();
            foreach (var e in Errors.All)
            {
                if (parse.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["code"] = e.Code, ["name"] = e.Name, ["title"] = e.Title, ["exit_code"] = e.ExitCode }));
                }
                else
                {
                    output.WriteLine($"{e.Code}  exit {e.ExitCode,-3}  {e.Name,-26} {e.Title}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
