using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;

namespace Parley.Cli;

/// <summary><c>parley tokenize [FILE]</c>: tokenises a UTF-8 text file (or stdin) and writes CoNLL-U to stdout.</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Input text file; stdin when absent or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("tokenize", "Split text into sentences, tokens and words; write CoNLL-U to stdout.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var document = LoadDocument(path);
            new Tokenizer().Process(document, CancellationToken.None);
            using var output = CliConsole.OpenOutput();
            new ConlluWriter(output).WriteDocument(document);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads the input as plain UTF-8 text with blank-line paragraphs. The integrator swaps in the real readers here.</summary>
    private static Document LoadDocument(string? path)
    {
        string text;
        string id;
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            text = stdin.ReadToEnd();
            id = "stdin";
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new ParleyException(Errors.InputNotFound, $"Input file '{path}' does not exist.");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
            id = Path.GetFileNameWithoutExtension(path);
        }

        return new Document(id, text, new DocumentMetadata(), Document.DefaultParagraphs(text));
    }
}
