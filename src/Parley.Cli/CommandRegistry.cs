using System.CommandLine;

namespace Parley.Cli;

/// <summary>The list of subcommands. Each concern adds its command here (one line each).</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create()
    {
        yield return ErrorsCommand.Create();
        yield return new Command("train", "Train Parley's models from ../shared/corpora, deterministically.") { PosCommands.CreateTrain(), ParserCommands.CreateTrain() };
        yield return new Command("eval", "Measure accuracy on held-out data.") { PosCommands.CreateEval(), ParserCommands.CreateEval() };
        yield return new Command("bench", "Measure speed and memory.") { ParserCommands.CreateBench() };
    }
}
