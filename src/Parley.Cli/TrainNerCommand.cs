using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Tagging;

namespace Parley.Cli;

/// <summary><c>parley train ner</c>: trains the named-entity recogniser on UNER EWT dev and GUM's training documents.</summary>
internal static class TrainNerCommand
{
    public const string DefaultModelDir = "models/ner";
    public const string ModelFile = "en-ner.bin";

    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var output = new Option<string>("--out") { Description = "Folder to write the model into.", DefaultValueFactory = _ => DefaultModelDir };
        var iterations = new Option<int>("--iterations") { Description = "Training passes of each run.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Training runs with different shuffles whose weights are averaged.", DefaultValueFactory = _ => 4 };
        var gumWeight = new Option<float>("--gum-weight") { Description = "Instance weight of the GUM sentences (UNER's are 1).", DefaultValueFactory = _ => 0.5f };
        var command = new Command("ner", "Train the named-entity recogniser (PER/ORG/LOC) on UNER EWT dev and GUM's named mentions (not its test/dev documents).") { shared, output, iterations, seed, runs, gumWeight };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            var sw = Stopwatch.StartNew();
            PosTagger tagger;
            using (var stream = File.OpenRead(ModelFolder.Locate(Path.Combine("pos", PosCommands.TaggerFile))))
            {
                tagger = PosTagger.Load(stream);
            }

            // GUM is in the shipped tagger's training data: tag it with a tagger trained on EWT train alone, so that its
            // POS features are as noisy as they are on unseen text (UNER dev is EWT dev, unseen by both taggers)
            var ewtOnly = PosTagger.Train(AnnotatedCorpus.Load(Path.Combine(dir, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu")), iterations: 5, seed: parse.GetValue(seed));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train ner: held-out POS tagger for GUM trained in {sw.Elapsed.TotalSeconds:F0}s"));
            var weight = parse.GetValue(gumWeight);
            var sentences = EntityCorpora.UnerDev(dir);
            sentences.AddRange(EntityCorpora.GumTrain(dir).Select(s => s with { XPos = ewtOnly.Tag(s.Forms).XPos, Weight = weight }));
            var unlabelled = EntityCorpora.Unlabelled(dir);
            CliConsole.Info($"train ner: {sentences.Count} sentences, {sentences.Sum(s => s.Forms.Length)} words, {sentences.Sum(s => s.Spans.Count)} mentions; casing profile from {unlabelled.Count} more sentences");
            var model = EntityRecognizer.Train(sentences, tagger, unlabelled, dir, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(runs), progress: (it, acc) =>
                CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train ner: pass {it}, training label accuracy {acc:P2}, {sw.Elapsed.TotalSeconds:F0}s")));
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, ModelFile);
            using (var stream = File.Create(path))
            {
                model.Save(stream);
            }

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train ner: {model.FeatureCount} features, {new FileInfo(path).Length / 1024} KiB → {path} in {sw.Elapsed.TotalSeconds:F0}s"));
            return ExitCodes.Success;
        });
        return command;
    }
}
