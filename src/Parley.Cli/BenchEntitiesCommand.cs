using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Actors;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;

namespace Parley.Cli;

/// <summary>
/// <c>parley bench entities</c>: end-to-end entity throughput on one thread over the NGEC synthetic news stories:
/// tokenise, tag and parse, recognise the mentions, resolve each mention with <see cref="ActorResolver"/>.
/// Reports entities/s and words/s, the time share of each stage, the memory the loaded actor codebook holds
/// (managed heap and working-set growth when it loads) and the peak working set.
/// </summary>
internal static class BenchEntitiesCommand
{
    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var documents = new Option<int>("--documents") { Description = "Number of NGEC synthetic stories to process (default 1000; the corpus has 4,500).", DefaultValueFactory = _ => 1000 };
        var command = new Command("entities", "End-to-end entities per second (tokenise, tag, parse, NER, actor resolution) on one thread; actor codebook memory; peak working set.") { shared, documents };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(documents);
            if (count <= 0)
            {
                throw new ParleyException(Errors.InvalidOption, "--documents must be positive.");
            }

            var dir = SharedData.Locate(parse.GetValue(shared));
            var texts = EntityCorpora.NgecTexts(dir).Take(count).ToList();
            using var me = Process.GetCurrentProcess();

            // the actor codebook alone: managed heap and working set before and after loading it
            var heap0 = GC.GetTotalMemory(forceFullCollection: true);
            me.Refresh();
            var ws0 = me.WorkingSet64;
            var sw = Stopwatch.StartNew();
            var actors = ActorResolver.Load();
            var actorLoad = sw.Elapsed.TotalMilliseconds;
            var heap1 = GC.GetTotalMemory(forceFullCollection: true);
            me.Refresh();
            var ws1 = me.WorkingSet64;

            sw.Restart();
            var models = new LinguisticModels(ModelFolder.Root());
            _ = models.Tagger;
            _ = models.Parser;
            _ = models.Entities;
            var modelLoad = sw.Elapsed.TotalMilliseconds;
            var tokenizer = new Tokenizer();
            var syntax = new SyntaxAnnotator(models);
            var tagger = new EntityTagger(models);

            // warm-up (JIT) on a few stories, then the timed run on this thread
            foreach (var text in texts.Take(20))
            {
                Run(text, "warm", tokenizer, syntax, tagger, actors, new double[4]);
            }

            var stages = new double[4];
            long words = 0, entities = 0, resolved = 0;
            var cpu0 = me.TotalProcessorTime;
            sw.Restart();
            for (var i = 0; i < texts.Count; i++)
            {
                var (w, e, r) = Run(texts[i], "ngec-" + i.ToString(CultureInfo.InvariantCulture), tokenizer, syntax, tagger, actors, stages);
                words += w;
                entities += e;
                resolved += r;
            }

            var seconds = sw.Elapsed.TotalSeconds;
            me.Refresh();
            var cpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
            using var output = CliConsole.OpenOutput();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents            {texts.Count} (NGEC synthetic stories)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"words                {words}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entities             {entities} ({resolved} resolved to an actor, {100.0 * resolved / Math.Max(1, entities):F1}%)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput           {entities / seconds:F0} entities/s, {words / seconds:F0} words/s (one thread, wall clock); {entities / cpu:F0} entities per CPU-second"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time shares          tokenise {100 * stages[0] / seconds:F1}%, tag+parse {100 * stages[1] / seconds:F1}%, NER {100 * stages[2] / seconds:F1}%, actor resolution {100 * stages[3] / seconds:F1}%"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actor codebook       load {actorLoad:F0} ms, managed heap +{(heap1 - heap0) / (1024.0 * 1024):F1} MiB, working set +{(ws1 - ws0) / (1024.0 * 1024):F1} MiB, {actors.PhraseCount} phrases"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"models load          {modelLoad:F0} ms (tagger, parser, NER)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set     {me.PeakWorkingSet64 / (1024 * 1024)} MiB"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (int Words, int Entities, int Resolved) Run(string text, string id, Tokenizer tokenizer, SyntaxAnnotator syntax, EntityTagger tagger, ActorResolver actors, double[] stages)
    {
        var t0 = Stopwatch.GetTimestamp();
        var document = new Document(id, text, new DocumentMetadata());
        tokenizer.Process(document, CancellationToken.None);
        var tokens = document.Get(Layers.Tokens);
        var t1 = Stopwatch.GetTimestamp();
        var layer = syntax.Annotate(tokens);
        var t2 = Stopwatch.GetTimestamp();
        var mentions = tagger.Annotate(tokens, layer).Mentions;
        var t3 = Stopwatch.GetTimestamp();
        var resolved = 0;
        foreach (var m in mentions)
        {
            resolved += actors.Resolve(document.Slice(m.Span)) is null ? 0 : 1;
        }

        var t4 = Stopwatch.GetTimestamp();
        stages[0] += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
        stages[1] += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
        stages[2] += Stopwatch.GetElapsedTime(t2, t3).TotalSeconds;
        stages[3] += Stopwatch.GetElapsedTime(t3, t4).TotalSeconds;
        return (tokens.Words.Count, mentions.Count, resolved);
    }
}
