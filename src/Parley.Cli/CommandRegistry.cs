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
        yield return EntitiesCommand.Create();

        var eval = EvalTokenizeCommand.CreateEvalGroup();
        eval.Subcommands.Add(PosCommands.CreateEval());
        eval.Subcommands.Add(ParserCommands.CreateEval());
        eval.Subcommands.Add(EvalNerCommand.Create());
        yield return eval;

        var bench = BenchTokenizeCommand.CreateBenchGroup();
        bench.Subcommands.Add(ParserCommands.CreateBench());
        yield return bench;

        yield return new Command("train", "Train Parley's models from ../shared/corpora, deterministically.") { PosCommands.CreateTrain(), ParserCommands.CreateTrain(), TrainNerCommand.Create() };
        yield return ReadCommand.Create();
        yield return new Command("build", "Build Parley's data files from ../shared dictionaries, deterministically.") { ActorCommands.CreateBuild() };
        yield return ActorCommands.CreateActor();
    }
}
