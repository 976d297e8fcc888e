using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Evaluation;

namespace Parley.Cli;

/// <summary>
/// <c>parley bench tokenize</c>: tokenises a large text built from the corpora's raw texts on one thread and
/// reports tokens/s, MB/s, peak working set and allocated bytes.
/// </summary>
internal static class BenchTokenizeCommand
{
    public static Command Create()
    {
        var shared = SharedData.CreateOption();
        var megabytes = new Option<int>("--megabytes") { Description = "Size of the input in millions of characters, about MB of UTF-8 English text (default 20).", DefaultValueFactory = _ => 20 };
        var command = new Command("tokenize", "Tokeniser throughput on one thread.") { shared, megabytes };
        command.SetAction(parse =>
        {
            var mb = parse.GetValue(megabytes);
            if (mb is <= 0 or > 500)
            {
                throw new ParleyException(Errors.InvalidOption, "--megabytes must be between 1 and 500.");
            }

            var root = SharedData.Locate(parse.GetValue(shared));
            var files = new List<string>();
            var ewtDir = Path.Combine(root, "corpora", "ud-english-ewt");
            var gumDir = Path.Combine(root, "corpora", "gum-news");
            if (Directory.Exists(ewtDir))
            {
                files.AddRange(Directory.GetFiles(ewtDir, "*.conllu").Order(StringComparer.Ordinal));
            }

            if (Directory.Exists(gumDir))
            {
                files.AddRange(Directory.GetFiles(gumDir, "*.conllu").Order(StringComparer.Ordinal));
            }

            if (files.Count == 0)
            {
                throw new ParleyException(Errors.DataFile, $"No CoNLL-U corpora under {root}/corpora.");
            }

            var pieces = new List<string>();
            foreach (var f in files)
            {
                foreach (var d in ConlluReader.ReadFile(f))
                {
                    pieces.Add(TokenizationEvaluation.BuildText(d).Text);
                }
            }

            var target = (long)mb * 1024 * 1024;
            var sb = new StringBuilder((int)Math.Min(int.MaxValue / 4, target + 100_000));
            while (sb.Length < target)
            {
                foreach (var p in pieces)
                {
                    sb.Append(p).Append("\n\n");
                    if (sb.Length >= target)
                    {
                        break;
                    }
                }
            }

            var text = sb.ToString();
            sb = null;
            var paragraphs = Document.DefaultParagraphs(text);
            var utf8Bytes = Encoding.UTF8.GetByteCount(text);

            // warm-up on a slice
            var warm = text[..Math.Min(text.Length, 2_000_000)];
            Tokenizer.Tokenize(warm, Document.DefaultParagraphs(warm));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var layer = Tokenizer.Tokenize(text, paragraphs);
            watch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var seconds = watch.Elapsed.TotalSeconds;
            var tokens = layer.Words.Count - layer.MultiwordTokens.Count;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            using var output = CliConsole.OpenOutput();
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(ci, $"component        {Tokenizer.ComponentDescriptor.VersionedName}"));
            output.WriteLine(string.Create(ci, $"input            {utf8Bytes / 1048576.0:F1} MB UTF-8, {text.Length:N0} chars, {paragraphs.Count:N0} paragraphs"));
            output.WriteLine(string.Create(ci, $"output           {tokens:N0} tokens, {layer.Words.Count:N0} words, {layer.Sentences.Count:N0} sentences"));
            output.WriteLine(string.Create(ci, $"time             {seconds:F3} s (one thread, after warm-up)"));
            output.WriteLine(string.Create(ci, $"throughput       {tokens / seconds:N0} tokens/s, {utf8Bytes / 1048576.0 / seconds:F1} MB/s"));
            output.WriteLine(string.Create(ci, $"allocated        {allocated / 1048576.0:F1} MB during the run"));
            output.WriteLine(string.Create(ci, $"peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MB (process, includes the input and the corpora read)"));
            return ExitCodes.Success;
        });
        return command;
    }
}
