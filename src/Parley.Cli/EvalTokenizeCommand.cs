using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Evaluation;

namespace Parley.Cli;

/// <summary>
/// <c>parley eval tokenize</c>: CoNLL 2018-style tokenisation evaluation (tokens, words, sentences) on UD English
/// EWT test and the GUM news documents, from raw text rebuilt from the gold files.
/// </summary>
internal static class EvalTokenizeCommand
{
    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var gold = new Option<string[]>("--gold") { Description = "Evaluate these CoNLL-U files instead of the default sets (one set per file).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("tokenize", "Tokeniser and sentence splitter: precision, recall and F1 of tokens, words and sentences.") { shared, json, gold };
        command.SetAction(parse =>
        {
            var sets = new List<(string Name, IReadOnlyList<string> Files)>();
            var explicitFiles = parse.GetValue(gold);
            if (explicitFiles is { Length: > 0 })
            {
                foreach (var f in explicitFiles)
                {
                    if (!File.Exists(f))
                    {
                        throw new ParleyException(Errors.InputNotFound, $"Gold file '{f}' does not exist.");
                    }

                    sets.Add((Path.GetFileNameWithoutExtension(f), [f]));
                }
            }
            else
            {
                var root = SharedData.Locate(parse.GetValue(shared));
                var ewt = Path.Combine(root, "corpora", "ud-english-ewt", "en_ewt-ud-test.conllu");
                var gumDir = Path.Combine(root, "corpora", "gum-news");
                var gum = Directory.Exists(gumDir) ? Directory.GetFiles(gumDir, "GUM_news_*.conllu").Order(StringComparer.Ordinal).ToArray() : [];
                if (!File.Exists(ewt) || gum.Length == 0)
                {
                    throw new ParleyException(Errors.DataFile, $"Evaluation data missing under {root}/corpora (en_ewt-ud-test.conllu, gum-news/GUM_news_*.conllu).");
                }

                sets.Add(("ewt-test", [ewt]));
                sets.Add(("gum-news", gum));
            }

            var results = new List<(string Name, int Documents, TokenizationScores Scores, double Seconds)>();
            foreach (var (name, files) in sets)
            {
                var documents = files.SelectMany(ConlluReader.ReadFile).ToList();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var scores = TokenizationEvaluation.Evaluate(documents, Tokenizer.Tokenize);
                results.Add((name, documents.Count, scores, watch.Elapsed.TotalSeconds));
            }

            using var output = CliConsole.OpenOutput();
            if (parse.GetValue(json))
            {
                var payload = results.Select(r => new Dictionary<string, object>
                {
                    ["set"] = r.Name,
                    ["documents"] = r.Documents,
                    ["component"] = Tokenizer.ComponentDescriptor.VersionedName,
                    ["tokens"] = ToJson(r.Scores.Tokens),
                    ["words"] = ToJson(r.Scores.Words),
                    ["sentences"] = ToJson(r.Scores.Sentences),
                }).ToList();
                output.WriteLine(JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                output.WriteLine($"{"set",-10} {"metric",-10} {"gold",8} {"system",8} {"correct",8} {"P",7} {"R",7} {"F1",7}");
                foreach (var r in results)
                {
                    Row(output, r.Name, "tokens", r.Scores.Tokens);
                    Row(output, r.Name, "words", r.Scores.Words);
                    Row(output, r.Name, "sentences", r.Scores.Sentences);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Dictionary<string, object> ToJson(Score s) => new()
    {
        ["gold"] = s.Gold,
        ["system"] = s.System,
        ["correct"] = s.Correct,
        ["precision"] = Math.Round(s.Precision, 4),
        ["recall"] = Math.Round(s.Recall, 4),
        ["f1"] = Math.Round(s.F1, 4),
    };

    private static void Row(TextWriter output, string set, string metric, Score s) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set,-10} {metric,-10} {s.Gold,8} {s.System,8} {s.Correct,8} {s.Precision,7:F4} {s.Recall,7:F4} {s.F1,7:F4}"));
}
