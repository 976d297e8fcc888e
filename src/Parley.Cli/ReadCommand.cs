using System.CommandLine;
using Parley.Core;
using Parley.Readers;

namespace Parley.Cli;

/// <summary>
/// <c>parley read FILE...</c>: reads text, JSONL (and, once registered, HTML and feeds) from files, folders,
/// globs or <c>-</c> (stdin) and prints one JSON object per document per line; diagnostics go to stderr.
/// Exit 0 when every input was read, 1 when some failed, 3 when none could be read.
/// </summary>
internal static class ReadCommand
{
    /// <summary>Gives sentence spans for the <c>sentences</c> field; null leaves the field out. Set by the integrator (tokenizer).</summary>
    public static Func<Document, IReadOnlyList<TextSpan>>? SentenceProvider { get; set; }

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files, folders, globs (data/*.txt, **/*.html) or - for stdin.", Arity = ArgumentArity.OneOrMore };
        var dateOrder = new Option<string>("--date-order") { Description = "Day/month order of all-numeric dates: auto (decide by rules), day-first or month-first.", DefaultValueFactory = _ => "auto" };
        dateOrder.AcceptOnlyFromAmong("auto", "day-first", "month-first");
        var format = new Option<string?>("--format") { Description = "Force the input format instead of detecting it: text, html, jsonl or rss." };
        format.AcceptOnlyFromAmong("text", "html", "jsonl", "rss");
        var anyLanguage = new Option<bool>("--any-language") { Description = "Keep documents that are not in English instead of refusing them (PRL1010)." };
        var command = new Command("read", "Read documents and print one JSON object per document (metadata, paragraphs, text).") { files, dateOrder, format, anyLanguage };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ReaderOptions
            {
                DateOrder = parse.GetValue(dateOrder) switch
                {
                    "day-first" => DateOrder.DayFirst,
                    "month-first" => DateOrder.MonthFirst,
                    _ => DateOrder.Auto,
                },
                Format = parse.GetValue(format),
                AllowAnyLanguage = parse.GetValue(anyLanguage),
            };
            var reader = new DocumentReader(options);
            var writer = new DocumentJsonWriter(SentenceProvider);
            return Task.FromResult(Run(reader, writer, parse.GetValue(files) ?? [], CliConsole.OutputStream, cancellationToken));
        });
        return command;
    }

    /// <summary>Reads every input and writes JSONL to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(DocumentReader reader, DocumentJsonWriter writer, IReadOnlyList<string> inputs, Stream output, CancellationToken cancellationToken)
    {
        int ok = 0, failed = 0;
        var buffered = new BufferedStream(output, 1 << 16); // not disposed: that would close the caller's stream
        foreach (var result in reader.Read(inputs, cancellationToken))
        {
            if (result.Warnings.Count > 0 || result.Document is null)
            {
                buffered.Flush(); // keep stdout and stderr in order on a shared terminal
            }

            foreach (var warning in result.Warnings)
            {
                CliConsole.Warn("warning" + warning.ToString()["error".Length..]);
            }

            if (result.Document is { } document)
            {
                writer.Write(buffered, document);
                ok++;
            }
            else
            {
                CliConsole.Error(result.Diagnostic!.ToString());
                failed++;
            }
        }

        buffered.Flush();
        return failed == 0 ? ExitCodes.Success : ok > 0 ? ExitCodes.PartialFailure : ExitCodes.InputFailure;
    }
}
