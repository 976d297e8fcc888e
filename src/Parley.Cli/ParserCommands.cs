using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Evaluation;
using Parley.Linguistics.Parsing;
using Parley.Linguistics.Tagging;

namespace Parley.Cli;

/// <summary><c>parley train parser</c> and <c>parley eval parser</c>.</summary>
internal static class ParserCommands
{
    public const string ParserFile = "en-parser.bin";

    public static Command CreateTrain()
    {
        var shared = SharedData.CreateOption();
        var output = new Option<string>("--out") { Description = "Folder to write the parser model into.", DefaultValueFactory = _ => "models/parser" };
        var iterations = new Option<int>("--iterations") { Description = "Training passes.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed for shuffling and exploration.", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the training tags (0: gold tags).", DefaultValueFactory = _ => 5 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights below this magnitude (model size against accuracy).", DefaultValueFactory = _ => 1.0f };
        var templates = new Option<string?>("--templates") { Description = "Feature templates to train with: 'all' (the default), 'compact', or a comma-separated list of template numbers (ranges as 20-32; a leading '-' on an item removes it from all)." };
        var tagsCache = new Option<string?>("--tags-cache") { Description = "File keeping the jackknifed training tags between runs (written when absent, read when present; for comparing parser settings: the tagging takes most of a training)." };
        var command = new Command("parser", "Train the dependency parser on UD EWT train and GUM (not its test/dev documents), with jackknifed POS tags.") { shared, output, iterations, seed, folds, prune, templates, tagsCache };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            var active = ParseTemplates(parse.GetValue(templates));
            var sw = Stopwatch.StartNew();
            var sentences = TrainingSets.Train(dir);
            CliConsole.Info($"train parser: {sentences.Count} sentences, {sentences.Sum(s => s.Forms.Length)} words");
            var (xpos, upos) = CachedJackknife(parse.GetValue(tagsCache), sentences, parse.GetValue(folds), parse.GetValue(seed));
            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train parser: training tags ready ({parse.GetValue(folds)} folds) in {sw.Elapsed.TotalSeconds:F0}s"));
            var parser = DependencyParser.Train(sentences, xpos, upos, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(prune), progress: (it, acc) =>
                CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train parser: pass {it}, heads right while training {acc:P2}, {sw.Elapsed.TotalSeconds:F0}s")), active);
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var path = Path.Combine(outDir, ParserFile);
            using (var stream = File.Create(path))
            {
                parser.Save(stream);
            }

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"train parser: {parser.Labels.Count} labels, {parser.FeatureCount} features, {new FileInfo(path).Length / 1024} KiB -> {path} in {sw.Elapsed.TotalSeconds:F0}s"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The template numbers named by a <c>--templates</c> value: null or "all" for every template, "compact" for
    /// <see cref="DependencyParser.CompactTemplates"/>, else numbers and ranges ("1-16,20"; a range
    /// takes the templates that exist in it), or removals from all ("-60-65,-91-96"). PRL3001 for anything else.
    /// </summary>
    internal static IReadOnlyList<int> ParseTemplates(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim() == "all")
        {
            return DependencyParser.AllTemplates;
        }

        if (spec.Trim() == "compact")
        {
            return DependencyParser.CompactTemplates;
        }

        var items = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var removing = items.All(i => i.StartsWith('-'));
        if (!removing && items.Any(i => i.StartsWith('-')))
        {
            throw new ParleyException(Errors.InvalidOption, $"--templates '{spec}': either list templates or remove them ('-N'), not both.");
        }

        var named = new SortedSet<int>();
        foreach (var item in items)
        {
            var body = removing ? item[1..] : item;
            var dash = body.IndexOf('-', StringComparison.Ordinal);
            if (!int.TryParse(dash < 0 ? body : body[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(dash < 0 ? body : body[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from)
            {
                throw new ParleyException(Errors.InvalidOption, $"--templates '{spec}': '{item}' is not a template number or range.");
            }

            if (dash < 0 && !DependencyParser.AllTemplates.Contains(from))
            {
                throw new ParleyException(Errors.InvalidOption, $"--templates '{spec}': there is no template {from} (templates: {string.Join(',', DependencyParser.AllTemplates)}).");
            }

            for (var t = from; t <= to; t++)
            {
                if (DependencyParser.AllTemplates.Contains(t))
                {
                    named.Add(t);
                }
            }
        }

        var result = removing ? DependencyParser.AllTemplates.Where(t => !named.Contains(t)).ToList() : named.ToList();
        if (result.Count == 0)
        {
            throw new ParleyException(Errors.InvalidOption, $"--templates '{spec}' leaves no template.");
        }

        return result;
    }

    /// <summary>
    /// <see cref="Jackknife"/>, kept in <paramref name="cache"/> when one is named: one line per sentence (its XPOS,
    /// a tab, its UPOS, space-separated), after a first line naming the folds, seed and word count it was made
    /// for; a cache made for other settings or data is an error (PRL3001), never silently reused.
    /// </summary>
    private static (List<string[]> XPos, List<string[]> UPos) CachedJackknife(string? cache, List<AnnotatedSentence> sentences, int folds, int seed)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"folds={folds} seed={seed} sentences={sentences.Count} words={sentences.Sum(s => s.Forms.Length)}");
        if (cache is null)
        {
            return Jackknife(sentences, folds, seed);
        }

        if (File.Exists(cache))
        {
            var lines = File.ReadAllLines(cache);
            if (lines.Length != sentences.Count + 1 || lines[0] != header)
            {
                throw new ParleyException(Errors.InvalidOption, $"--tags-cache {cache}: made for other settings or data (expected '{header}'); delete it to rebuild.");
            }

            var xs = new List<string[]>(sentences.Count);
            var us = new List<string[]>(sentences.Count);
            for (var i = 0; i < sentences.Count; i++)
            {
                var parts = lines[i + 1].Split('\t');
                var x = parts[0].Split(' ');
                var u = parts.Length == 2 ? parts[1].Split(' ') : [];
                if (x.Length != sentences[i].Forms.Length || u.Length != x.Length)
                {
                    throw new ParleyException(Errors.InvalidOption, $"--tags-cache {cache}: line {i + 2} does not match its sentence; delete the file to rebuild.");
                }

                xs.Add(x);
                us.Add(u);
            }

            return (xs, us);
        }

        var (xpos, upos) = Jackknife(sentences, folds, seed);
        File.WriteAllLines(cache, xpos.Select((x, i) => string.Join(' ', x) + "\t" + string.Join(' ', upos[i])).Prepend(header));
        return (xpos, upos);
    }

    /// <summary>Tags each fold with a tagger trained on the other folds (gold tags when <paramref name="folds"/> is below 2).</summary>
    private static (List<string[]> XPos, List<string[]> UPos) Jackknife(List<AnnotatedSentence> sentences, int folds, int seed)
    {
        var xpos = sentences.Select(s => s.XPos).ToList();
        var upos = sentences.Select(s => s.UPos).ToList();
        if (folds < 2)
        {
            return (xpos, upos);
        }

        for (var f = 0; f < folds; f++)
        {
            var train = sentences.Where((_, i) => i % folds != f).ToList();
            var tagger = PosTagger.Train(train, seed: seed);
            for (var i = f; i < sentences.Count; i += folds)
            {
                var (u, x) = tagger.Tag(sentences[i].Forms);
                xpos[i] = x;
                upos[i] = u;
            }
        }

        return (xpos, upos);
    }

    /// <summary>The shipped parser model folder (<c>models/parser</c>).</summary>
    public static string LocateModels() => Path.GetDirectoryName(ModelFolder.Locate(Path.Combine("parser", ParserFile)))!;

    public static Command CreateEval()
    {
        var shared = SharedData.CreateOption();
        var model = new Option<string>("--model") { Description = "Folder with the parser model.", DefaultValueFactory = _ => LocateModels() };
        var posModel = new Option<string>("--pos-model") { Description = "Folder with the POS model.", DefaultValueFactory = _ => PosCommands.LocateModels() };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Parse with gold POS tags instead of predicted ones." };
        var sets = new Option<string[]>("--set") { Description = "Evaluation sets: ewt-dev, ewt-test, gum-dev, gum-test.", DefaultValueFactory = _ => ["ewt-test", "gum-test"], AllowMultipleArgumentsPerToken = true };
        var fromRaw = new Option<bool>("--from-raw") { Description = "Also evaluate end to end from raw text (Parley's tokeniser, tagger and parser; CoNLL 2018 alignment)." };
        var decodeTemplates = new Option<string?>("--templates") { Description = "Diagnostic: score only these of the model's feature templates at decoding (same syntax as 'train parser --templates'; no retraining)." };
        var ablate = new Option<bool>("--ablate") { Description = "Diagnostic: for each feature template, the scores with that template dropped at decoding (no retraining), least harmful first." };
        var command = new Command("parser", "UAS and LAS on gold tokenisation (CoNLL 2018 style: LAS on universal relations; punctuation included).") { shared, model, posModel, goldTags, sets, fromRaw, decodeTemplates, ablate };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            PosTagger tagger;
            DependencyParser parser;
            using (var stream = File.OpenRead(Path.Combine(parse.GetValue(posModel)!, PosCommands.TaggerFile)))
            {
                tagger = PosTagger.Load(stream);
            }

            var load = Stopwatch.StartNew();
            using (var stream = File.OpenRead(Path.Combine(parse.GetValue(model)!, ParserFile)))
            {
                parser = DependencyParser.Load(stream);
            }

            CliConsole.Info(string.Create(CultureInfo.InvariantCulture, $"eval parser: model loaded in {load.ElapsedMilliseconds} ms"));
            if (parse.GetValue(decodeTemplates) is { } spec)
            {
                parser = parser.WithTemplates(ParseTemplates(spec));
            }

            using var output = CliConsole.OpenOutput();
            output.WriteLine("set        words   UAS      LAS      LAS(full labels)");
            foreach (var set in parse.GetValue(sets)!)
            {
                var gold = TrainingSets.Named(dir, set);
                var tags = gold.Select(s => parse.GetValue(goldTags) ? (s.UPos, s.XPos) : tagger.Tag(s.Forms)).ToList();
                var (n, uas, las, full) = Score(parser, gold, tags);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set,-10} {n,6}  {100.0 * uas / n,6:F2}%  {100.0 * las / n,6:F2}%  {100.0 * full / n,6:F2}%"));
                if (parse.GetValue(ablate))
                {
                    var rows = parser.Templates.Select(t =>
                    {
                        var (_, u, l, _) = Score(parser.WithTemplates(parser.Templates.Where(o => o != t)), gold, tags);
                        return (Template: t, Uas: u, Las: l);
                    }).OrderByDescending(r => r.Las).ThenByDescending(r => r.Uas).ThenBy(r => r.Template).ToList();
                    output.WriteLine("  without   UAS      LAS      LAS change");
                    foreach (var r in rows)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Template,7}  {100.0 * r.Uas / n,6:F2}%  {100.0 * r.Las / n,6:F2}%  {100.0 * (r.Las - las) / n,+6:F2}"));
                    }
                }
            }

            if (parse.GetValue(fromRaw))
            {
                var models = new LinguisticModels(ModelFolder.Root());
                var annotator = new SyntaxAnnotator(models);
                output.WriteLine();
                output.WriteLine("end to end from raw text (F1)");
                output.WriteLine("set        tokens   words    sentences UPOS     UAS      LAS");
                foreach (var set in parse.GetValue(sets)!)
                {
                    var documents = TrainingSets.Files(dir, set).SelectMany(ConlluReader.ReadFile);
                    var e = TokenizationEvaluation.EvaluateEndToEnd(documents, Tokenizer.Tokenize, layer => annotator.Annotate(layer));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set,-10} {100 * e.Tokenization.Tokens.F1,6:F2}%  {100 * e.Tokenization.Words.F1,6:F2}%  {100 * e.Tokenization.Sentences.F1,6:F2}%   {100 * e.UPos.F1,6:F2}%  {100 * e.Uas.F1,6:F2}%  {100 * e.Las.F1,6:F2}%"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Words, correct heads, correct heads and universal relations, correct heads and full relations.</summary>
    private static (long Words, long Uas, long Las, long Full) Score(DependencyParser parser, List<AnnotatedSentence> gold, List<(string[] U, string[] X)> tags)
    {
        long n = 0, uas = 0, las = 0, full = 0;
        for (var k = 0; k < gold.Count; k++)
        {
            var s = gold[k];
            var (heads, rels) = parser.Parse(s.Forms, tags[k].X, tags[k].U);
            for (var i = 0; i < s.Forms.Length; i++)
            {
                n++;
                if (heads[i] == s.Heads[i])
                {
                    uas++;
                    las += rels[i].Split(':')[0] == s.DepRels[i].Split(':')[0] ? 1 : 0;
                    full += rels[i] == s.DepRels[i] ? 1 : 0;
                }
            }
        }

        return (n, uas, las, full);
    }

    public static Command CreateBench()
    {
        var shared = SharedData.CreateOption();
        var words = new Option<int>("--words") { Description = "Approximate number of words to tag and parse.", DefaultValueFactory = _ => 300_000 };
        var decodeTemplates = new Option<string?>("--templates") { Description = "Diagnostic: score only these of the model's feature templates (as in 'eval parser --templates')." };
        var command = new Command("parse", "Speed of the tagger and the parser on one core (gold tokenisation), model load times, peak memory.") { shared, words, decodeTemplates };
        command.SetAction(parse =>
        {
            var dir = SharedData.Locate(parse.GetValue(shared));
            var sentences = TrainingSets.Named(dir, "ewt-test").Concat(TrainingSets.Named(dir, "ewt-dev")).Concat(TrainingSets.Named(dir, "gum-test")).ToList();
            var input = new List<AnnotatedSentence>();
            var total = 0;
            while (total < parse.GetValue(words))
            {
                foreach (var s in sentences)
                {
                    input.Add(s);
                    total += s.Forms.Length;
                }
            }

            var sw = Stopwatch.StartNew();
            PosTagger tagger;
            using (var stream = new BufferedStream(File.OpenRead(Path.Combine(PosCommands.LocateModels(), PosCommands.TaggerFile)), 1 << 20))
            {
                tagger = PosTagger.Load(stream);
            }

            var tagLoad = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            DependencyParser parser;
            using (var stream = new BufferedStream(File.OpenRead(Path.Combine(LocateModels(), ParserFile)), 1 << 20))
            {
                parser = DependencyParser.Load(stream);
            }

            var parseLoad = sw.Elapsed.TotalMilliseconds;
            if (parse.GetValue(decodeTemplates) is { } spec)
            {
                parser = parser.WithTemplates(ParseTemplates(spec));
            }

            // Warm-up (JIT), then timed runs on this thread only.
            foreach (var s in sentences.Take(500))
            {
                var (u, x) = tagger.Tag(s.Forms);
                parser.Parse(s.Forms, x, u);
            }

            var tags = new List<(string[] U, string[] X)>(input.Count);
            using var me = Process.GetCurrentProcess();
            var cpu0 = me.TotalProcessorTime;
            sw.Restart();
            foreach (var s in input)
            {
                tags.Add(tagger.Tag(s.Forms));
            }

            var tagSeconds = sw.Elapsed.TotalSeconds;
            me.Refresh();
            var cpu1 = me.TotalProcessorTime;
            sw.Restart();
            for (var i = 0; i < input.Count; i++)
            {
                parser.Parse(input[i].Forms, tags[i].X, tags[i].U);
            }

            var parseSeconds = sw.Elapsed.TotalSeconds;
            me.Refresh();
            var cpu2 = me.TotalProcessorTime;
            using var output = CliConsole.OpenOutput();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"words                {total}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger load          {tagLoad:F0} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser load          {parseLoad:F0} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagging              {total / tagSeconds:F0} words/s (one thread, wall clock); {total / (cpu1 - cpu0).TotalSeconds:F0} words per CPU-second"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parsing              {total / parseSeconds:F0} words/s (one thread, tags given, wall clock); {total / (cpu2 - cpu1).TotalSeconds:F0} words per CPU-second"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set     {me.PeakWorkingSet64 / (1024 * 1024)} MiB"));
            return ExitCodes.Success;
        });
        return command;
    }
}
