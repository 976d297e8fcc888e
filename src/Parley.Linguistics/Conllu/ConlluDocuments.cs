using System.Text;
using Parley.Core;

namespace Parley.Linguistics.Conllu;

/// <summary>
/// Turns a CoNLL-U document into a Parley <see cref="Document"/> whose text is rebuilt from the token forms
/// (<c>SpaceAfter</c> respected, sentences of a paragraph joined by a space, paragraphs by a blank line) and
/// whose <see cref="TokenLayer"/> keeps the file's tokens, multiword tokens and sentences exactly.
/// </summary>
public static class ConlluDocuments
{
    /// <summary>Versioned name recorded as the token layer's producer.</summary>
    public const string Producer = "conllu-input";

    /// <summary>Converts one CoNLL-U document.</summary>
    public static Document ToDocument(ConlluDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        var paragraphs = new List<TextSpan>();
        var words = new List<Word>();
        var multiword = new List<MultiwordToken>();
        var sentences = new List<Sentence>();
        foreach (var paragraph in document.Paragraphs)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            var paragraphStart = sb.Length;
            foreach (var sentence in paragraph.Sentences)
            {
                if (sb.Length > paragraphStart)
                {
                    sb.Append(' ');
                }

                var sentenceStart = sb.Length;
                var firstWord = words.Count;
                for (var t = 0; t < sentence.Tokens.Count; t++)
                {
                    var token = sentence.Tokens[t];
                    var span = TextSpan.FromLength(sb.Length, token.Form.Length);
                    sb.Append(token.Form);
                    var spaceAfter = token.SpaceAfter && t + 1 < sentence.Tokens.Count;
                    if (spaceAfter)
                    {
                        sb.Append(' ');
                    }

                    AddWords(token, sentence.Words, span, spaceAfter || (token.SpaceAfter && t + 1 == sentence.Tokens.Count), words, multiword);
                }

                sentences.Add(new Sentence(new TextSpan(sentenceStart, sb.Length), firstWord, words.Count - firstWord));
            }

            paragraphs.Add(new TextSpan(paragraphStart, sb.Length));
        }

        var doc = new Document(document.Id, sb.ToString(), new DocumentMetadata { Format = "conllu" }, paragraphs);
        doc.Set(Layers.Tokens, new TokenLayer(words, multiword, sentences, Producer));
        return doc;
    }

    /// <summary>
    /// Words of one surface token. A multiword token's words get their own spans when their forms spell the
    /// token (<c>Kazakhstan’s</c> = <c>Kazakhstan</c> + <c>’s</c>); otherwise each word spans the whole token.
    /// </summary>
    private static void AddWords(ConlluToken token, IReadOnlyList<ConlluWord> sentenceWords, TextSpan span, bool spaceAfter, List<Word> words, List<MultiwordToken> multiword)
    {
        if (!token.IsMultiword)
        {
            words.Add(new Word(span, sentenceWords[token.FirstWord].Form, spaceAfter));
            return;
        }

        var parts = Enumerable.Range(token.FirstWord, token.LastWord - token.FirstWord + 1).Select(i => sentenceWords[i].Form).ToList();
        var spells = string.Concat(parts) == token.Form;
        var start = words.Count;
        var offset = span.Start;
        for (var k = 0; k < parts.Count; k++)
        {
            var wordSpan = spells ? TextSpan.FromLength(offset, parts[k].Length) : span;
            offset += parts[k].Length;
            words.Add(new Word(wordSpan, parts[k], k == parts.Count - 1 && spaceAfter));
        }

        multiword.Add(new MultiwordToken(span, start, words.Count - 1));
    }
}
