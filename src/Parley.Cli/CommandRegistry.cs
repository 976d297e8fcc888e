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
        yield return TimexCommands.CreateTimex();
        yield return ActorsCommand.Create();
        yield return CodeCommand.Create();
        yield return CodeCommand.CreateCalendar();
        yield return IngestCommand.Create();
        yield return QueryCommands.CreateQuery();
        yield return QueryCommands.CreateExport();
        yield return ServeCommands.CreateServe();
        yield return ServeCommands.CreateKeys();

        yield return new Command("eval", "Evaluate components against gold data in the shared folder.")
        {
            EvalTokenizeCommand.Create(),
            PosCommands.CreateEval(),
            ParserCommands.CreateEval(),
            EvalNerCommand.Create(),
            PlaceCommands.CreateEval(),
            ActorEvalCommands.CreateEval(),
            TimexCommands.CreateEval(),
            EvalCorefCommand.Create(),
        };
        yield return new Command("bench", "Measure the speed and memory of components.")
        {
            BenchTokenizeCommand.Create(),
            ParserCommands.CreateBench(),
            PlaceCommands.CreateBench(),
            ActorEvalCommands.CreateBench(),
            TimexCommands.CreateBench(),
            BenchEntitiesCommand.Create(),
            BenchCodeCommand.Create(),
            BenchStoreCommands.CreateIngest(),
            BenchStoreCommands.CreateDyad(),
            BenchWebCommand.Create(),
        };

        yield return new Command("train", "Train Parley's models from ../shared/corpora, deterministically.") { PosCommands.CreateTrain(), ParserCommands.CreateTrain(), TrainNerCommand.Create() };
        yield return ReadCommand.Create();
        yield return new Command("build", "Build Parley's data files from ../shared dictionaries, deterministically.") { ActorCommands.CreateBuild(), PlaceCommands.CreateBuild() };
        yield return ActorCommands.CreateActor();
        yield return PlaceCommands.CreatePlace();
    }
}
