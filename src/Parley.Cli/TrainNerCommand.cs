using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Actors;
using Parley.Core;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Tagging;

namespace Parley.Cli;

/// <summary><c>parley train ner</c>: trains the named-entity recogniser on UNER EWT dev and GUM's training documents.</summary>
internal static class TrainNerCommand
{
    public const string DefaultModelDir = "models/ner";
    public const string ModelFile = "en-ner.bin";

    // the O penalties a tuning run compares (the model is trained once per fold, decoded with each)
    private static readonly float[] Penalties = [0f, 4f, 8f, 12f, 16f, 24f];

    // each penalty decoded sentence by sentence only, and with the one-sense-per-document repair
    private static readonly (float Penalty, DocumentConsistency Consistency)[] Variants = [.. Penalties.SelectMany(p => Enum.GetValues<DocumentConsistency>().Select(c => (p, c)))];

    private static string VariantName(float penalty, DocumentConsistency consistency) => string.Create(CultureInfo.InvariantCulture, $"{penalty}{consistency switch { DocumentConsistency.SameWords => "+doc", DocumentConsistency.PartialNames => "+part", DocumentConsistency.Acronyms => "+acr", _ => "" }}");

    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var output = new Option<string>("--out") { Description = "Folder to write the model into.", DefaultValueFactory = _ => DefaultModelDir };
        var iterations = new Option<int>("--iterations") { Description = "Training passes of each run.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Training runs with different shuffles whose weights are averaged.", DefaultValueFactory = _ => 4 };
        var gumWeight = new Option<float>("--gum-weight") { Description = "Instance weight of the GUM sentences (UNER's are 1).", DefaultValueFactory = _ => 0.5f };
        var tune = new Option<bool>("--tune") { Description = "Tuning run: train without the held-out fifth of UNER dev (every 5th document), report F1 on it and on GUM's dev documents, write no model." };
        var folds = new Option<int>("--folds") { Description = "With --tune: 1 holds out every 5th UNER dev document; 5 cross-validates over the five document folds (counts summed).", DefaultValueFactory = _ => 1 };
        var dump = new Option<string?>("--dump") { Description = "With --tune: write the held-out UNER sentences (word, gold tag, predicted tag) to this file." };
        var outsidePenalty = new Option<float>("--outside-penalty") { Description = "Penalty on the label O when decoding (stored in the model; chosen with --tune).", DefaultValueFactory = _ => 0f };
        var extended = new Option<bool>("--extended") { Description = "The extended feature set (actor-data name lists, word classes, document profile; model format 3): --features actors,classes,document." };
        var features = new Option<string?>("--features") { Description = "Feature groups beyond the original set, comma-separated: actors (actor-data name lists and name-ending words), classes (word classes), document (document profile). Without it or --extended: the original features (model format 1)." };
        var selfTrain = new Option<float>("--self-train") { Description = "Self-training: a first model labels UD EWT train (constrained by its gold POS) and the final model also learns from those sentences with this instance weight (0: off, the default; see models/README.md).", DefaultValueFactory = _ => 0f };
        var command = new Command("ner", "Train the named-entity recogniser (PER/ORG/LOC) on UNER EWT dev and GUM's named mentions (not its test/dev documents).") { shared, output, iterations, seed, runs, gumWeight, tune, folds, dump, outsidePenalty, extended, features, selfTrain };
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
            var gum = EntityCorpora.GumTrain(dir).Select(s => s with { XPos = ewtOnly.Tag(s.Forms).XPos, Weight = weight }).ToList();
            var unlabelled = EntityCorpora.Unlabelled(dir);
            var uner = EntityCorpora.UnerDev(dir);
            var actors = ActorResolver.LocateData();
            var featureSet = parse.GetValue(extended) ? EntityFeatures.Extended : ParseFeatures(parse.GetValue(features));
            var selfWeight = parse.GetValue(selfTrain);
            var ewtTrainPath = Path.Combine(dir, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu");
            IReadOnlyList<ConlluDocument> ewtTrain = selfWeight > 0 ? ConlluReader.ReadFile(ewtTrainPath) : [];

            // the unannotated text begins with EWT train's sentences (TrainingSets.Train): with self-training they are
            // training sentences, so the word profiles must not count them twice
            var unlabelledBesideEwt = unlabelled.Skip(ewtTrain.Sum(d => d.Sentences.Count())).ToList();
            EntityRecognizer TrainOn(List<EntitySentence> sentences)
            {
                EntityRecognizer TrainStage(List<EntitySentence> data, List<IReadOnlyList<string>> text)
                {
                    CliConsole.Info($"train ner: {data.Count} sentences, {data.Sum(s => s.Forms.Length)} words, {data.Sum(s => s.Spans.Count)} mentions; casing profile from {text.Count} more sentences");
                    return EntityRecognizer.Train(data, tagger, text, dir, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(runs), features: featureSet, progress: (it, acc) =>
                        CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train ner: pass {it}, training label accuracy {acc:P2}, {sw.Elapsed.TotalSeconds:F0}s")), actorsRoot: actors);
                }

                var first = TrainStage(sentences, unlabelled);
                if (selfWeight <= 0)
                {
                    return first;
                }

                var pseudo = EntitySelfTraining.Label(first, tagger, ewtTrain, selfWeight);
                CliConsole.Info($"train ner: self-training on {pseudo.Count} EWT train sentences labelled by the first model ({pseudo.Sum(s => s.Spans.Count)} mentions, weight {selfWeight.ToString(CultureInfo.InvariantCulture)})");
                return TrainStage([.. sentences, .. pseudo], unlabelledBesideEwt);
            }

            if (parse.GetValue(tune))
            {
                var foldCount = parse.GetValue(folds);
                if (foldCount is not 1 and not 5)
                {
                    throw new ParleyException(Errors.InvalidOption, "--folds must be 1 or 5.");
                }

                var gumDev = EntityCorpora.GumDev(dir);
                var totals = new Dictionary<string, SpanScore>(StringComparer.Ordinal);
                foreach (var fold in foldCount == 1 ? [4] : Enumerable.Range(0, 5))
                {
                    var (train, held) = EntityCorpora.SplitTuning(uner, fold);
                    var foldModel = TrainOn([.. train, .. gum]);
                    if (parse.GetValue(dump) is { } dumpPath)
                    {
                        using var writer = new StreamWriter(dumpPath, append: fold > 0);
                        var heldDocuments = EntityDocument.ForSentences(held);
                        foreach (var (sentence, heldDocument) in held.Zip(heldDocuments))
                        {
                            var predicted = foldModel.TagIob2(sentence.Forms, tagger.Tag(sentence.Forms).XPos, heldDocument);
                            for (var i = 0; i < sentence.Forms.Length; i++)
                            {
                                writer.Write($"{sentence.Forms[i]}\t{sentence.Tags[i]}\t{predicted[i]}\n");
                            }

                            writer.Write('\n');
                        }
                    }

                    foreach (var (penalty, consistency) in Variants)
                    {
                        foreach (var (name, gold, posTagger) in new[] { ("uner-tune", held, tagger), ("gum-dev", gumDev, ewtOnly) })
                        {
                            foreach (var (type, s) in EntityEvaluation.Evaluate(foldModel.WithOutsidePenalty(penalty), posTagger, gold, consistency))
                            {
                                foreach (var key in new[] { $"{VariantName(penalty, consistency)} {name} {type}", $"{VariantName(penalty, consistency)} both {type}" })
                                {
                                    var t = totals.GetValueOrDefault(key);
                                    totals[key] = new SpanScore(t.Gold + s.Gold, t.Predicted + s.Predicted, t.Correct + s.Correct);
                                }
                            }
                        }
                    }
                }

                using var report = CliConsole.OpenOutput();
                report.WriteLine($"O-penalty (+doc: one sense per document; +part: and partial person names) set        type   gold  pred  correct  P       R       F1     (tuning: held-out UNER dev documents, {foldCount} fold(s); GUM dev documents)");
                foreach (var penalty in Variants.Select(v => VariantName(v.Penalty, v.Consistency)))
                {
                    foreach (var name in new[] { "uner-tune", "gum-dev", "both" })
                    {
                        foreach (var type in EntityLabels.Types.Append(EntityEvaluation.Micro))
                        {
                            var s = totals[$"{penalty} {name} {type}"];
                            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{penalty,9} {name,-10} {type,-5} {s.Gold,5} {s.Predicted,5} {s.Correct,7}  {100 * s.Precision,6:F2}  {100 * s.Recall,6:F2}  {100 * s.F1,6:F2}"));
                        }
                    }
                }

                return ExitCodes.Success;
            }

            var model = TrainOn([.. uner, .. gum]).WithOutsidePenalty(parse.GetValue(outsidePenalty));
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

    /// <summary>The feature groups named by <c>--features</c> (null or empty: none).</summary>
    /// <exception cref="ParleyException">PRL3001 for an unknown group name.</exception>
    internal static EntityFeatures ParseFeatures(string? names)
    {
        var result = EntityFeatures.Original;
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= name switch
            {
                "actors" => EntityFeatures.ActorLists,
                "classes" => EntityFeatures.WordClasses,
                "document" => EntityFeatures.DocumentProfile,
                _ => throw new ParleyException(Errors.InvalidOption, $"Unknown feature group '{name}' for --features; use actors, classes or document."),
            };
        }

        return result;
    }
}
