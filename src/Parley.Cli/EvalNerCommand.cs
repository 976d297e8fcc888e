using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Tagging;

namespace Parley.Cli;

/// <summary><c>parley eval ner</c>: exact-span F1 per type and micro-averaged on UNER EWT test and GUM's test documents (gold tokens).</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var model = new Option<string?>("--model") { Description = "The NER model file (default: models/ner/en-ner.bin)." };
        var command = new Command("ner", "Named-entity exact-span F1 (PER, ORG, LOC, micro) on UNER EWT test and the GUM test documents, gold tokens, predicted POS.") { shared, model };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            EntityRecognizer recognizer;
            using (var stream = File.OpenRead(parse.GetValue(model) ?? ModelFolder.Locate(Path.Combine("ner", TrainNerCommand.ModelFile))))
            {
                recognizer = EntityRecognizer.Load(stream);
            }

            PosTagger tagger;
            using (var stream = File.OpenRead(ModelFolder.Locate(Path.Combine("pos", PosCommands.TaggerFile))))
            {
                tagger = PosTagger.Load(stream);
            }

            using var output = CliConsole.OpenOutput();
            output.WriteLine("set        type   gold  pred  correct  P       R       F1     (exact span, gold tokens)");
            foreach (var (name, gold) in new[] { ("uner-test", EntityCorpora.UnerTest(dir)), ("gum-test", EntityCorpora.GumTest(dir)) })
            {
                var scores = EntityEvaluation.Evaluate(recognizer, tagger, gold);
                foreach (var type in EntityLabels.Types.Append(EntityEvaluation.Micro))
                {
                    var s = scores[type];
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {type,-5} {s.Gold,5} {s.Predicted,5} {s.Correct,7}  {100 * s.Precision,6:F2}  {100 * s.Recall,6:F2}  {100 * s.F1,6:F2}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
