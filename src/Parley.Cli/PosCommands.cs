using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Linguistics.Tagging;

namespace Parley.Cli;

/// <summary><c>parley train pos</c> and <c>parley eval pos</c>.</summary>
internal static class PosCommands
{
    public const string DefaultModelDir = "models/pos";
    public const string TaggerFile = "en-pos.bin";
    public const string MorphologyFile = "en-morph.bin";

    /// <summary>The shipped POS model folder (<c>models/pos</c>).</summary>
    public static string LocateModels() => Path.GetDirectoryName(ModelFolder.Locate(Path.Combine("pos", TaggerFile)))!;

    public static Command CreateTrain()
    {
        var shared = SharedData.CreateOption();
        var output = new Option<string>("--out") { Description = "Folder to write the tagger and morphology files into.", DefaultValueFactory = _ => DefaultModelDir };
        var iterations = new Option<int>("--iterations") { Description = "Training passes.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("pos", "Train the POS tagger on UD EWT train and GUM (not its test/dev documents).") { shared, output, iterations, seed };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            var sw = Stopwatch.StartNew();
            var sentences = TrainingSets.Train(dir);
            CliConsole.Info($"train pos: {sentences.Count} sentences, {sentences.Sum(s => s.Forms.Length)} words");
            var tagger = PosTagger.Train(sentences, parse.GetValue(iterations), parse.GetValue(seed), progress: (it, acc) =>
                CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train pos: pass {it}, training accuracy {acc:P2}, {sw.Elapsed.TotalSeconds:F0}s")));
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, TaggerFile);
            using (var stream = File.Create(path))
            {
                tagger.Save(stream);
            }

            var morphology = Morphology.Train(sentences);
            using (var stream = File.Create(Path.Combine(outDir, MorphologyFile)))
            {
                morphology.Save(stream);
            }

            CliConsole.Info($"train pos: morphology lexicon of {morphology.Count} entries");

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train pos: {tagger.LabelCount} labels, {tagger.FeatureCount} features, {new FileInfo(path).Length / 1024} KiB → {path} in {sw.Elapsed.TotalSeconds:F0}s"));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateEval()
    {
        var shared = SharedData.CreateOption();
        var model = new Option<string>("--model") { Description = "Folder with the tagger and morphology files.", DefaultValueFactory = _ => LocateModels() };
        var sets = new Option<string[]>("--set") { Description = "Evaluation sets: ewt-dev, ewt-test, gum-dev, gum-test.", DefaultValueFactory = _ => ["ewt-test", "gum-test"], AllowMultipleArgumentsPerToken = true };
        var command = new Command("pos", "POS accuracy (UPOS, XPOS, both) on gold tokenisation.") { shared, model, sets };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            var modelDir = parse.GetValue(model)!;
            PosTagger tagger;
            Morphology morphology;
            using (var stream = File.OpenRead(Path.Combine(modelDir, TaggerFile)))
            {
                tagger = PosTagger.Load(stream);
            }

            using (var stream = File.OpenRead(Path.Combine(modelDir, MorphologyFile)))
            {
                morphology = Morphology.Load(stream);
            }

            using var output = CliConsole.OpenOutput();
            output.WriteLine("set        words   UPOS     XPOS     both     Lemma    Feats   (predicted tags, gold tokens)");
            foreach (var set in parse.GetValue(sets)!)
            {
                var gold = TrainingSets.Named(dir, set);
                long n = 0, u = 0, x = 0, b = 0, l = 0, f = 0;
                foreach (var s in gold)
                {
                    var (up, xp) = tagger.Tag(s.Forms);
                    for (var i = 0; i < s.Forms.Length; i++)
                    {
                        n++;
                        var okU = up[i] == s.UPos[i];
                        var okX = xp[i] == s.XPos[i];
                        u += okU ? 1 : 0;
                        x += okX ? 1 : 0;
                        b += okU && okX ? 1 : 0;
                        l += morphology.Lemma(s.Forms[i], up[i], xp[i]) == s.Lemmas[i] ? 1 : 0;
                        f += morphology.Feats(s.Forms[i], xp[i]) == s.Feats[i] ? 1 : 0;
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set,-10} {n,6}  {100.0 * u / n,6:F2}%  {100.0 * x / n,6:F2}%  {100.0 * b / n,6:F2}%  {100.0 * l / n,6:F2}%  {100.0 * f / n,6:F2}%"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
