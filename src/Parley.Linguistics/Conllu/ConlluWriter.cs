using System.Globalization;
using Parley.Core;

namespace Parley.Linguistics.Conllu;

/// <summary>
/// Writes a token layer as CoNLL-U: <c># newdoc id</c>, <c># newpar id</c> at each paragraph start,
/// one block per sentence with <c># sent_id = docid-N</c> and <c># text</c>, multiword range lines before
/// their words, and <c>SpaceAfter=No</c> in MISC. Columns other than ID and FORM are <c>_</c> unless
/// <see cref="Columns"/> supplies them, so later components can fill LEMMA, UPOS, HEAD and so on.
/// </summary>
public sealed class ConlluWriter
{
    private readonly TextWriter _output;

    /// <summary>Creates a writer on <paramref name="output"/> (lines end with <c>\n</c>).</summary>
    public ConlluWriter(TextWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>
    /// Optional per-word columns: called with the word's index in <see cref="TokenLayer.Words"/>.
    /// </summary>
    public Func<int, ConlluColumns>? Columns { get; init; }

    /// <summary>Writes a document: its id, paragraphs (for <c># newpar</c>) and token layer.</summary>
    public void WriteDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Write(document.Id, document.Text, document.Get(Layers.Tokens), document.Paragraphs);
    }

    /// <summary>Writes one document's sentences.</summary>
    /// <param name="documentId">Written as <c># newdoc id</c> and used in every <c># sent_id</c>.</param>
    /// <param name="text">The text the layer's spans point into.</param>
    /// <param name="tokens">The token layer.</param>
    /// <param name="paragraphs">Paragraph spans; a <c># newpar</c> line precedes the first sentence of each. Null writes none.</param>
    public void Write(string documentId, string text, TokenLayer tokens, IReadOnlyList<TextSpan>? paragraphs = null)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var o = _output;
        o.Write("# newdoc id = ");
        o.Write(documentId);
        o.Write('\n');
        var paragraph = -1;
        var mwt = 0;
        var words = tokens.Words;
        var mwts = tokens.MultiwordTokens;
        for (var s = 0; s < tokens.Sentences.Count; s++)
        {
            var sentence = tokens.Sentences[s];
            if (paragraphs is not null)
            {
                var p = paragraph;
                while (p + 1 < paragraphs.Count && paragraphs[p + 1].Start <= sentence.Span.Start)
                {
                    p++;
                }

                if (p != paragraph)
                {
                    paragraph = p;
                    o.Write("# newpar id = ");
                    o.Write(documentId);
                    o.Write("-p");
                    o.Write((p + 1).ToString(CultureInfo.InvariantCulture));
                    o.Write('\n');
                }
            }

            o.Write("# sent_id = ");
            o.Write(documentId);
            o.Write('-');
            o.Write((s + 1).ToString(CultureInfo.InvariantCulture));
            o.Write('\n');
            o.Write("# text = ");
            WriteOneLine(o, text.AsSpan(sentence.Span.Start, sentence.Span.Length));
            o.Write('\n');
            for (var w = sentence.FirstWord; w < sentence.EndWord; w++)
            {
                var id = w - sentence.FirstWord + 1;
                while (mwt < mwts.Count && mwts[mwt].FirstWord < w)
                {
                    mwt++;
                }

                if (mwt < mwts.Count && mwts[mwt].FirstWord == w)
                {
                    var m = mwts[mwt];
                    var last = id + (m.LastWord - m.FirstWord);
                    o.Write(id.ToString(CultureInfo.InvariantCulture));
                    o.Write('-');
                    o.Write(last.ToString(CultureInfo.InvariantCulture));
                    o.Write('\t');
                    WriteOneLine(o, text.AsSpan(m.Span.Start, m.Span.Length));
                    o.Write("\t_\t_\t_\t_\t_\t_\t_\t");
                    o.Write(words[m.LastWord].SpaceAfter || !HasTextAfter(text, m.Span.End) ? "_" : "SpaceAfter=No");
                    o.Write('\n');
                }

                WriteWord(o, text, words[w], id, w, InsideMultiword(mwts, mwt, w));
            }

            o.Write('\n');
        }
    }

    private static bool InsideMultiword(IReadOnlyList<MultiwordToken> mwts, int mwt, int w) =>
        mwt < mwts.Count && mwts[mwt].FirstWord <= w && w <= mwts[mwt].LastWord;

    private static bool HasTextAfter(string text, int end) => end < text.Length;

    private void WriteWord(TextWriter o, string text, Word word, int id, int index, bool inMultiword)
    {
        var c = Columns?.Invoke(index) ?? default;
        o.Write(id.ToString(CultureInfo.InvariantCulture));
        o.Write('\t');
        WriteOneLine(o, word.Form);
        o.Write('\t');
        o.Write(Col(c.Lemma));
        o.Write('\t');
        o.Write(Col(c.Upos));
        o.Write('\t');
        o.Write(Col(c.Xpos));
        o.Write('\t');
        o.Write(Col(c.Feats));
        o.Write('\t');
        o.Write(Col(c.Head));
        o.Write('\t');
        o.Write(Col(c.Deprel));
        o.Write('\t');
        o.Write(Col(c.Deps));
        o.Write('\t');
        var noSpace = !inMultiword && !word.SpaceAfter && HasTextAfter(text, word.Span.End);
        var misc = string.IsNullOrEmpty(c.Misc) || c.Misc == "_" ? null : c.Misc;
        if (noSpace && misc is not null)
        {
            o.Write("SpaceAfter=No|");
            o.Write(misc);
        }
        else
        {
            o.Write(noSpace ? "SpaceAfter=No" : misc ?? "_");
        }

        o.Write('\n');
    }

    private static string Col(string? value) => string.IsNullOrEmpty(value) ? "_" : value;

    private static void WriteOneLine(TextWriter o, ReadOnlySpan<char> s)
    {
        if (s.IndexOfAny('\n', '\r', '\t') < 0)
        {
            o.Write(s);
            return;
        }

        foreach (var ch in s)
        {
            o.Write(ch is '\n' or '\r' or '\t' ? ' ' : ch);
        }
    }
}
