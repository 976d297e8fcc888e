using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Reads JSON Lines: one record per line, <c>{"id","title","text","published","url","language"}</c>.
/// A line that is not a JSON object fails with PRL1006 naming the file and line; a record without a
/// string <c>text</c>, or with a known field that is not a string, fails with PRL1007; the other lines are
/// still read. Blank lines are skipped. Missing ids become <c>&lt;file&gt;-&lt;line&gt;</c>.
/// </summary>
public sealed partial class JsonlReader : IFormatReader
{
    private static readonly string[] StringFields = ["id", "title", "text", "published", "url", "language"];

    /// <inheritdoc/>
    public string Format => "jsonl";

    /// <inheritdoc/>
    public double Sniff(string path, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var trimmed = head.TrimStart();
        var startsObject = trimmed.Length > 0 && trimmed[0] == '{' && FirstKeyRegex().IsMatch(trimmed[..Math.Min(trimmed.Length, 200)]);
        if (ext is ".jsonl" or ".ndjson")
        {
            return 0.95;
        }

        if (startsObject)
        {
            return ext == ".json" ? 0.8 : 0.7;
        }

        return 0;
    }

    /// <inheritdoc/>
    public IEnumerable<ReadResult> Read(DecodedInput input, ReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var stem = input.Path == "-" ? "stdin" : PlainTextReader.DocumentIdFromPath(input.Path);
        var text = input.Text;
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsMemory(position, end - position);
            position = end + 1;
            lineNumber++;
            if (line.Span.IsWhiteSpace())
            {
                continue;
            }

            yield return ReadRecord(input, options, stem, lineNumber, line);
        }
    }

    private static ReadResult ReadRecord(DecodedInput input, ReaderOptions options, string stem, int lineNumber, ReadOnlyMemory<char> line)
    {
        var location = new SourceLocation(input.Path, lineNumber);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return ReadResult.Failure(new Diagnostic(Errors.InvalidJsonLine, $"the line is not valid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')}).", location));
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Failure(new Diagnostic(Errors.InvalidJsonLine, $"the line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.", location));
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            var extra = new List<KeyValuePair<string, string>>();
            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(StringFields, property.Name) >= 0)
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        fields[property.Name] = property.Value.GetString();
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        fields[property.Name] = null;
                    }
                    else
                    {
                        var idHint = fields.GetValueOrDefault("id");
                        return ReadResult.Failure(new Diagnostic(Errors.InvalidRecord, $"field '{property.Name}' is a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}, expected a string.", location with { RecordId = idHint }));
                    }
                }
                else
                {
                    extra.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
                }
            }

            var id = fields.GetValueOrDefault("id") is { Length: > 0 } given ? given : $"{stem}-{lineNumber}";
            location = location with { RecordId = id };
            var body = fields.GetValueOrDefault("text");
            if (body is null)
            {
                return ReadResult.Failure(new Diagnostic(Errors.InvalidRecord, "the record has no 'text' field.", location));
            }

            if (string.IsNullOrWhiteSpace(body))
            {
                return ReadResult.Failure(new Diagnostic(Errors.InvalidRecord, "the record's 'text' is empty.", location));
            }

            var url = fields.GetValueOrDefault("url") is { Length: > 0 } u ? u.Trim() : null;
            var declared = fields.GetValueOrDefault("language") is { Length: > 0 } l ? l.Trim() : null;
            var title = fields.GetValueOrDefault("title") is { Length: > 0 } t && !PlainTextReader.IsMissing(t, out _) ? t.Trim() : null;
            var warnings = new List<Diagnostic>();
            var dateContext = new DateParseContext { Source = DateSource.RecordField, Order = options.DateOrder, Url = url, Language = declared };
            PublicationTime? published = null;
            string? missingReason = null;
            var rawDate = fields.GetValueOrDefault("published");
            if (string.IsNullOrWhiteSpace(rawDate))
            {
                missingReason = "the record has no 'published' value";
            }
            else if (PublicationDateParser.TryParse(rawDate, dateContext, out var time, out var failure))
            {
                published = time;
            }
            else
            {
                missingReason = $"'published' value '{rawDate}' not understood: {failure}";
                warnings.Add(new Diagnostic(Errors.InvalidDate, missingReason, location));
            }

            var clean = BodyCleaner.Clean(BodyCleaner.SplitParagraphs(body), dateContext with { Reference = published?.Date });
            if (clean.Text.Length == 0)
            {
                return ReadResult.Failure(new Diagnostic(Errors.InvalidRecord, "the record's 'text' holds no body once captions and credits are removed.", location));
            }

            if (clean.Author is not null)
            {
                extra.Add(new("Author", clean.Author));
            }

            (published, missingReason) = PlainTextReader.ApplyDateline(clean, published, missingReason, extra);
            var metadata = new DocumentMetadata
            {
                Title = title,
                Url = url,
                Language = declared is null ? null : new LanguageDecision(declared, 1, LanguageGate.DeclaredMethod),
                Encoding = input.Encoding,
                Format = "jsonl",
                Origin = location,
                Extra = extra,
            };
            return ReadResult.Success(PlainTextReader.BuildDocument(id, clean, metadata, published, missingReason), warnings);
        }
    }

    [GeneratedRegex(@"^\{\s*(?:""[^""\\]{1,60}""\s*:|\}\s*$)")]
    private static partial Regex FirstKeyRegex();
}
