using System.CommandLine;
using Parley.Core;
using Parley.Linguistics;
using Parley.Readers;

namespace Parley.Cli;

/// <summary>
/// <c>parley read FILE...</c>: reads text, HTML, JSONL and RSS/Atom from files, folders, globs or <c>-</c>
/// (stdin) and prints one JSON object per document per line (metadata, paragraphs, sentences with offsets);
/// diagnostics go to stderr. Exit 0 when every input was read, 1 when some failed, 3 when none could be read.
/// </summary>
internal static class ReadCommand
{
    /// <summary>Sentence spans from the rule-based tokeniser.</summary>
    public static IReadOnlyList<TextSpan> Sentences(Document document) =>
        Tokenizer.Tokenize(document.Text, document.Paragraphs).Sentences.Select(s => s.Span).ToList();

    public static Command Create()
    {
        var command = new Command("read", "Read documents and print one JSON object per document (metadata, paragraphs, sentences).");
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: false);
        command.SetAction((parse, cancellationToken) =>
        {
            var writer = new DocumentJsonWriter(Sentences);
            var output = new BufferedStream(CliConsole.OutputStream, 1 << 16); // not disposed: that would close stdout
            var code = inputs.Run(parse, document => writer.Write(output, document), output.Flush, cancellationToken);
            output.Flush();
            return Task.FromResult(code);
        });
        return command;
    }
}
