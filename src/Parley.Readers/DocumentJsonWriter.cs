using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Writes a read document as one line of JSON (the output of <c>parley read</c>), keys in a fixed order:
/// <c>id, format, title, url, published, published_missing_reason, language, encoding, dateline, removed,
/// extra, origin, text, paragraphs</c> and, when a sentence provider is given, <c>sentences</c>. Quotes and
/// non-Latin letters are written as they are (relaxed escaping), so the output stays readable.
/// </summary>
public sealed class DocumentJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Func<Document, IReadOnlyList<TextSpan>>? _sentences;

    /// <summary>Creates a writer.</summary>
    /// <param name="sentences">Gives a document's sentence spans (the tokenizer); without it, <c>sentences</c> is left out.</param>
    public DocumentJsonWriter(Func<Document, IReadOnlyList<TextSpan>>? sentences = null)
    {
        _sentences = sentences;
    }

    /// <summary>The document as one JSON line (without the newline).</summary>
    public string Serialize(Document document)
    {
        using var buffer = new MemoryStream();
        Write(buffer, document, newline: false);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the document as one JSON line followed by <c>\n</c> to <paramref name="output"/> (UTF-8).</summary>
    public void Write(Stream output, Document document, bool newline = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        var m = document.Metadata;
        using (var w = new Utf8JsonWriter(output, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", document.Id);
            w.WriteString("format", m.Format);
            WriteNullable(w, "title", m.Title);
            WriteNullable(w, "url", m.Url);
            if (m.Published is { } p)
            {
                w.WriteStartObject("published");
                w.WriteString("value", p.ToIso());
                w.WriteString("precision", p.Precision.ToString().ToLowerInvariant());
                w.WriteString("source", SnakeCase(p.Source.ToString()));
                w.WriteString("raw", p.Raw);
                w.WriteString("rule", p.Rule);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("published");
                WriteNullable(w, "published_missing_reason", m.PublishedMissingReason);
            }

            if (m.Language is { } lang)
            {
                w.WriteStartObject("language");
                w.WriteString("code", lang.Code);
                w.WriteNumber("confidence", Math.Round(lang.Confidence, 2));
                w.WriteString("method", lang.Method);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("language");
            }

            if (m.Encoding is { } enc)
            {
                w.WriteStartObject("encoding");
                w.WriteString("name", enc.Name);
                w.WriteString("method", enc.Method);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("encoding");
            }

            if (m.Dateline is { } dateline)
            {
                w.WriteStartObject("dateline");
                w.WriteString("text", dateline);
                WriteNullable(w, "place", m.DatelinePlace);
                WriteNullable(w, "agency", m.DatelineAgency);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("dateline");
            }

            w.WriteStartArray("removed");
            foreach (var r in m.Removed)
            {
                w.WriteStartObject();
                w.WriteString("kind", r.Kind);
                w.WriteString("text", r.Text);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("extra");
            foreach (var (key, value) in m.Extra)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            if (m.Origin is { } origin)
            {
                w.WriteStartObject("origin");
                WriteNullable(w, "path", origin.Path);
                if (origin.Line is { } line)
                {
                    w.WriteNumber("line", line);
                }
                else
                {
                    w.WriteNull("line");
                }

                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("origin");
            }

            w.WriteString("text", document.Text);
            w.WriteStartArray("paragraphs");
            foreach (var span in document.Paragraphs)
            {
                WriteSpan(w, span, null);
            }

            w.WriteEndArray();
            if (_sentences is not null)
            {
                w.WriteStartArray("sentences");
                foreach (var span in _sentences(document))
                {
                    WriteSpan(w, span, document.Slice(span));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        if (newline)
        {
            output.WriteByte((byte)'\n');
        }
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan span, string? text)
    {
        w.WriteStartObject();
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        if (text is not null)
        {
            w.WriteString("text", text);
        }

        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
