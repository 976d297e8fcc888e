using System.Globalization;

namespace Parley.Linguistics.Conllu;

/// <summary>
/// Reads gold CoNLL-U files (UD EWT, GUM): documents at <c># newdoc</c>, paragraphs at <c># newpar</c>,
/// <c># sent_id</c>, <c># text</c>, word lines, multiword range lines and <c>SpaceAfter=No</c>. Empty nodes
/// (<c>8.1</c>) are skipped. A sentence before any <c># newdoc</c> or <c># newpar</c> opens one implicitly.
/// </summary>
public static class ConlluReader
{
    /// <summary>Reads a file (UTF-8).</summary>
    public static IReadOnlyList<ConlluDocument> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Reads CoNLL-U text.</summary>
    /// <param name="reader">The input.</param>
    /// <param name="defaultDocId">Id for a document without <c># newdoc id</c>.</param>
    /// <param name="sourcePath">The file named in errors (defaults to <paramref name="defaultDocId"/>).</param>
    /// <exception cref="Core.ParleyException">PRL1014, naming the file and line, when a line is not valid CoNLL-U.</exception>
    public static IReadOnlyList<ConlluDocument> Read(TextReader reader, string defaultDocId = "doc", string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<ConlluDocument>();
        string? docId = null;
        var paragraphs = new List<ConlluParagraph>();
        var sentences = new List<ConlluSentence>();
        string? sentId = null;
        string? text = null;
        var tokens = new List<ConlluToken>();
        var words = new List<ConlluWord>();
        var rangeEnd = 0;
        var lineNo = 0;

        void FlushSentence()
        {
            if (words.Count > 0 || tokens.Count > 0)
            {
                sentences.Add(new ConlluSentence(sentId, text, tokens.ToArray(), words.ToArray()));
            }

            tokens.Clear();
            words.Clear();
            sentId = null;
            text = null;
            rangeEnd = 0;
        }

        void FlushParagraph()
        {
            if (sentences.Count > 0)
            {
                paragraphs.Add(new ConlluParagraph(sentences.ToArray()));
                sentences.Clear();
            }
        }

        void FlushDocument()
        {
            FlushParagraph();
            if (paragraphs.Count > 0)
            {
                documents.Add(new ConlluDocument(docId ?? $"{defaultDocId}-{documents.Count + 1}", paragraphs.ToArray()));
                paragraphs.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                FlushSentence();
                continue;
            }

            if (line[0] == '#')
            {
                if (words.Count == 0 && TryComment(line, "newdoc", out var value))
                {
                    FlushDocument();
                    docId = value.Length > 0 ? value : null;
                }
                else if (words.Count == 0 && TryComment(line, "newpar", out _))
                {
                    FlushParagraph();
                }
                else if (TryComment(line, "sent_id", out value))
                {
                    sentId = value;
                }
                else if (TryComment(line, "text", out value))
                {
                    text = value;
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new Core.ParleyException(Core.Errors.InvalidAnnotatedInput, $"expected 10 tab-separated columns, found {cols.Length}", new Core.SourceLocation(sourcePath ?? defaultDocId, lineNo));
            }

            var id = cols[0];
            var spaceAfter = !cols[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                var a = int.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture);
                var b = int.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture);
                tokens.Add(new ConlluToken(cols[1], words.Count, words.Count + (b - a), spaceAfter));
                rangeEnd = b;
                continue;
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var n = int.Parse(id, CultureInfo.InvariantCulture);
            words.Add(new ConlluWord(n, cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9]));
            if (n > rangeEnd)
            {
                tokens.Add(new ConlluToken(cols[1], words.Count - 1, words.Count - 1, spaceAfter));
            }
        }

        FlushSentence();
        FlushDocument();
        return documents;
    }

    private static bool TryComment(string line, string key, out string value)
    {
        value = string.Empty;
        var body = line.AsSpan(1).Trim();
        if (!body.StartsWith(key, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = body[key.Length..];
        if (rest.Length > 0 && rest[0] is not ' ' and not '=' and not '\t')
        {
            return false;
        }

        rest = rest.TrimStart();
        if (key is "newdoc" or "newpar" && rest.StartsWith("id", StringComparison.Ordinal))
        {
            rest = rest[2..].TrimStart();
        }

        if (rest.StartsWith('='))
        {
            rest = rest[1..].Trim();
        }

        value = rest.ToString();
        return true;
    }
}
