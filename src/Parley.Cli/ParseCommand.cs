using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Linguistics;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Parsing;

namespace Parley.Cli;

/// <summary>
/// <c>parley parse [FILE...]</c>: tokenises, tags, lemmatises and parses documents and writes full CoNLL-U
/// (UPOS, XPOS, LEMMA, FEATS, HEAD, DEPREL). With <c>--input-format conllu</c> it keeps the file's tokens,
/// multiword tokens and sentences and predicts the other columns.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var inputFormat = new Option<string>("--input-format") { Description = "text: any document format, tokenised by Parley; conllu: keep the given tokenisation.", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "conllu");
        var command = new Command("parse", "Tag, lemmatise and parse documents; write CoNLL-U to stdout.") { inputFormat };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: true);
        command.SetAction((parse, cancellationToken) =>
        {
            var annotator = new SyntaxAnnotator(new LinguisticModels(ModelFolder.Root()));
            var tokenizer = new Tokenizer();
            using var output = CliConsole.OpenOutput();
            void Write(Document document)
            {
                if (!document.TryGet(Layers.Tokens, out _))
                {
                    tokenizer.Process(document, cancellationToken);
                }

                annotator.Process(document, cancellationToken);
                var syntax = document.Get(Layers.Syntax);
                var sentenceStart = SentenceStarts(document.Get(Layers.Tokens));
                new ConlluWriter(output) { Columns = i => Columns(syntax, sentenceStart, i) }.WriteDocument(document);
            }

            if (parse.GetValue(inputFormat) == "conllu")
            {
                return Task.FromResult(DocumentInputs.RunAnnotatedFiles(
                    parse.GetValue<string[]>("files") ?? [],
                    (reader, path) =>
                    {
                        var id = path == "-" ? "stdin" : Path.GetFileNameWithoutExtension(path);
                        foreach (var d in ConlluReader.Read(reader, id, path))
                        {
                            Write(ConlluDocuments.ToDocument(d));
                        }
                    },
                    output.Flush));
            }

            return Task.FromResult(inputs.Run(parse, Write, output.Flush, cancellationToken));
        });
        return command;
    }

    private static int[] SentenceStarts(TokenLayer tokens)
    {
        var start = new int[tokens.Words.Count];
        foreach (var s in tokens.Sentences)
        {
            for (var w = s.FirstWord; w < s.EndWord; w++)
            {
                start[w] = s.FirstWord;
            }
        }

        return start;
    }

    private static ConlluColumns Columns(SyntaxLayer syntax, int[] sentenceStart, int word)
    {
        var head = syntax.Heads[word] < 0 ? 0 : syntax.Heads[word] - sentenceStart[word] + 1;
        return new ConlluColumns(
            Lemma: syntax.Lemmas[word],
            Upos: syntax.UPos[word],
            Xpos: syntax.XPos[word],
            Feats: syntax.Feats[word],
            Head: head.ToString(CultureInfo.InvariantCulture),
            Deprel: syntax.Relations[word]);
    }
}
