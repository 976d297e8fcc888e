using System.CommandLine;

namespace Parley.Cli;

/// <summary>The list of subcommands. Each concern adds its command here (one line each).</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create()
    {
        yield return ErrorsCommand.Create();
        yield return ReadCommand.Create();
    }
}
