using System.CommandLine;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;

namespace Parley.Cli;

/// <summary><c>parley tokenize [FILE...]</c>: reads documents (any input format; stdin when none) and writes CoNLL-U tokens and sentences to stdout.</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var command = new Command("tokenize", "Split documents into sentences, tokens and words; write CoNLL-U to stdout.");
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var tokenizer = new Tokenizer();
            using var output = CliConsole.OpenOutput();
            var writer = new ConlluWriter(output);
            var code = inputs.Run(
                parse,
                document =>
                {
                    tokenizer.Process(document, cancellationToken);
                    writer.WriteDocument(document);
                },
                output.Flush,
                cancellationToken);
            return Task.FromResult(code);
        });
        return command;
    }
}
