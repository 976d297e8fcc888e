using System.CommandLine;

namespace Parley.Cli;

/// <summary>The list of subcommands. Each concern adds its command here (one line each).</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create()
    {
        yield return ErrorsCommand.Create();
        yield return TokenizeCommand.Create();
        yield return ParseCommand.Create();

        var eval = EvalTokenizeCommand.CreateEvalGroup();
        eval.Subcommands.Add(PosCommands.CreateEval());
        eval.Subcommands.Add(ParserCommands.CreateEval());
        yield return eval;

        var bench = BenchTokenizeCommand.CreateBenchGroup();
        bench.Subcommands.Add(ParserCommands.CreateBench());
        yield return bench;

        yield return new Command("train", "Train Parley's models from ../shared/corpora, deterministically.") { PosCommands.CreateTrain(), ParserCommands.CreateTrain() };
        yield return ReadCommand.Create();
        yield return new Command("build", "Build Parley's data files from ../shared dictionaries, deterministically.") { ActorCommands.CreateBuild() };
        yield return ActorCommands.CreateActor();
    }
}
