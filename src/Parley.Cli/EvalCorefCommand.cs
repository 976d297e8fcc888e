using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Actors;
using Parley.Actors.Documents;
using Parley.Core;
using Parley.Linguistics.Parsing;

namespace Parley.Cli;

/// <summary><c>parley eval coref</c>: document actor resolution accuracy on the hand-annotated releases of <c>data/eval-coref</c>.</summary>
internal static class EvalCorefCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The evaluation folder (default: data/eval-coref): releases as .txt and gold.tsv." };
        var verbose = new Option<bool>("--verbose") { Description = "List every expectation with the system's answer, not only the errors." };
        var command = new Command("coref", "Accuracy of document actor mentions (names, titles, Mr./Ms. Surname, pronouns, the minister, the X side, both countries) against hand-annotated releases.") { data, verbose };
        command.SetAction((parse, cancellationToken) =>
        {
            var dir = parse.GetValue(data) ?? CorefEvaluation.LocateSet();
            var gold = CorefEvaluation.LoadGold(Path.Combine(dir, "gold.tsv"));
            var pipeline = ActorsCommand.CreatePipeline(new LinguisticModels(ModelFolder.Root()), ActorResolver.Load());
            var documents = new Dictionary<string, (string Text, ActorLayer Layer)>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var document = new Document(id, File.ReadAllText(file, Encoding.UTF8), new DocumentMetadata());
                pipeline.Process(document, cancellationToken);
                documents[id] = (document.Text, document.Get(Layers.Actors));
            }

            var verdicts = CorefEvaluation.Score(documents, gold);
            using var output = CliConsole.OpenOutput();
            foreach (var v in verdicts.Where(v => parse.GetValue(verbose) || !v.Correct))
            {
                var expected = $"{(v.Gold.Countries.Count == 0 ? "-" : string.Join('+', v.Gold.Countries))}/{v.Gold.Sector ?? "*"}{(v.Gold.Person is null ? "" : "/" + v.Gold.Person)}";
                output.WriteLine($"{(v.Correct ? "ok   " : "WRONG")} {v.Gold.Document,-8} {v.Gold.Mention} #{v.Gold.Occurrence}: expected {expected}, got {v.Predicted}");
            }

            var correct = verdicts.Count(v => v.Correct);
            var found = verdicts.Count(v => v.Found);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents {documents.Count}, expected mentions {verdicts.Count}, found {found}, correct {correct}, accuracy {100.0 * correct / Math.Max(1, verdicts.Count):F1}%"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
