using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Reads a plain-text press release as sites publish it (and the evaluation's article format): header
/// lines at the top (<c>Posted:</c>, <c>Date:</c>, <c>Published:</c>, <c>Updated:</c>, <c>Source:</c>,
/// <c>Title:</c>, <c>Author:</c>, <c>By …</c>), a title line, then body paragraphs. Parenthesised header
/// values such as <c>(not shown in excerpt)</c> mean "missing". Captions, credits and the dateline are kept
/// out of the body and recorded in the metadata. One document per file.
/// </summary>
public sealed partial class PlainTextReader : IFormatReader
{
    private static readonly string[] DateKeys = ["published", "publication date", "posted", "date", "pubdate", "updated", "last updated", "modified"];

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "posted", "date", "published", "publication date", "pubdate", "updated", "last updated", "modified",
        "source", "url", "link", "title", "headline", "author", "by", "byline", "language", "lang",
        "tags", "keywords", "category", "section", "dateline", "location", "place", "agency", "subtitle", "id",
    };

    /// <inheritdoc/>
    public string Format => "text";

    /// <inheritdoc/>
    public double Sniff(string path, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".txt" or ".text" or ".md")
        {
            return 0.6;
        }

        var trimmed = head.TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '<' or '{' or '[' ? 0.05 : 0.3;
    }

    /// <inheritdoc/>
    public IEnumerable<ReadResult> Read(DecodedInput input, ReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return [ReadOne(input, options, input.Path == "-" ? "stdin-1" : DocumentIdFromPath(input.Path))];
    }

    /// <summary>Reads one release; <paramref name="id"/> is its document id.</summary>
    public static ReadResult ReadOne(DecodedInput input, ReaderOptions options, string id)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var lines = BodyCleaner.NormalizeNewlines(input.Text).Split('\n');
        var i = 0;
        var headers = new List<KeyValuePair<string, string>>();
        string? title = null;
        var titleHeaderSeen = false;
        string? titleMissing = null;

        SkipBlank(lines, ref i);
        ReadHeaderBlock(lines, ref i, headers);
        SkipBlank(lines, ref i);

        foreach (var (key, value) in headers)
        {
            if (key.Equals("title", StringComparison.OrdinalIgnoreCase) || key.Equals("headline", StringComparison.OrdinalIgnoreCase))
            {
                titleHeaderSeen = true;
                if (IsMissing(value, out var why))
                {
                    titleMissing = why;
                }
                else
                {
                    title ??= value;
                }
            }
        }

        // A title line: short, one line, no final period, followed by a blank line.
        if (!titleHeaderSeen && i < lines.Length)
        {
            var candidate = lines[i].Trim();
            var followedByBlank = i + 1 >= lines.Length || string.IsNullOrWhiteSpace(lines[i + 1]);
            var bodyFollows = lines.Skip(i + 1).Any(l => !string.IsNullOrWhiteSpace(l));
            if (followedByBlank && bodyFollows && LooksLikeTitle(candidate))
            {
                title = candidate;
                i++;
                SkipBlank(lines, ref i);

                // Header lines may follow the title (Title, blank, Posted: …).
                var before = headers.Count;
                ReadHeaderBlock(lines, ref i, headers);
                if (headers.Count > before)
                {
                    SkipBlank(lines, ref i);
                }
            }
        }

        string? url = null;
        string? declaredLanguage = null;
        string? author = null;
        foreach (var (key, value) in headers)
        {
            var k = key.ToLowerInvariant();
            if (k is "source" or "url" or "link" && url is null && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                url = value.Trim();
            }
            else if (k is "language" or "lang" && !IsMissing(value, out _))
            {
                declaredLanguage = value.Trim();
            }
            else if (k is "author" or "by" or "byline" && !IsMissing(value, out _))
            {
                author ??= value.Trim();
            }
        }

        var warnings = new List<Diagnostic>();
        var location = new SourceLocation(input.Path);
        PublicationTime? published = null;
        string? missingReason = null;
        var dateHeader = DateKeys.Select(k => headers.FirstOrDefault(h => h.Key.Equals(k, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(h => h.Key is not null);
        var dateContext = new DateParseContext { Source = DateSource.HeaderLine, Order = options.DateOrder, Url = url, Language = declaredLanguage };
        if (dateHeader.Key is null)
        {
            missingReason = "no date header line (Posted:, Date:, Published:, Updated:)";
        }
        else if (IsMissing(dateHeader.Value, out var why))
        {
            missingReason = $"header '{dateHeader.Key}' gives no date: {why}";
        }
        else if (PublicationDateParser.TryParse(dateHeader.Value, dateContext, out var time, out var failure))
        {
            published = time;
        }
        else
        {
            missingReason = $"header '{dateHeader.Key}: {dateHeader.Value}' not understood: {failure}";
            warnings.Add(new Diagnostic(Errors.InvalidDate, missingReason, location));
        }

        var body = string.Join('\n', lines.Skip(i));
        var paragraphs = BodyCleaner.SplitParagraphs(body);
        var clean = BodyCleaner.Clean(paragraphs, dateContext with { Reference = published?.Date });
        if (clean.Text.Length == 0)
        {
            return ReadResult.Failure(new Diagnostic(Errors.EmptyInput, "The file has no body text after its header lines and title.", location));
        }

        var extra = new List<KeyValuePair<string, string>>(headers);
        author ??= clean.Author;
        if (author is not null && !headers.Any(h => h.Key.Equals("author", StringComparison.OrdinalIgnoreCase)))
        {
            extra.Add(new("Author", author));
        }

        (published, missingReason) = ApplyDateline(clean, published, missingReason, extra);
        if (title is null && titleMissing is not null)
        {
            extra.Add(new("title_missing_reason", titleMissing));
        }

        var metadata = new DocumentMetadata
        {
            Title = title,
            Url = url,
            Language = declaredLanguage is null ? null : new LanguageDecision(declaredLanguage, 1, LanguageGate.DeclaredMethod),
            Encoding = input.Encoding,
            Format = "text",
            Origin = location,
            Extra = extra,
        };
        return ReadResult.Success(BuildDocument(id, clean, metadata, published, missingReason), warnings);
    }

    /// <summary>
    /// The document of a cleaned body (shared with the JSONL reader): the body text and paragraphs, and the
    /// metadata completed with the publication time (or why it is missing), the dateline and the removed blocks.
    /// </summary>
    internal static Document BuildDocument(string id, CleanBody clean, DocumentMetadata metadata, PublicationTime? published, string? missingReason) =>
        new(
            id,
            clean.Text,
            metadata with
            {
                Published = published,
                PublishedMissingReason = published is null ? missingReason : null,
                Dateline = clean.Dateline?.Text,
                DatelinePlace = clean.Dateline?.Place,
                DatelineAgency = clean.Dateline?.Agency,
                Removed = clean.Removed,
            },
            clean.Paragraphs);

    /// <summary>The document id of a file: its name without the extension.</summary>
    public static string DocumentIdFromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrEmpty(name) ? "document" : name;
    }

    /// <summary>Uses the dateline's date when no header date was found, and records a dateline date either way.</summary>
    internal static (PublicationTime? Published, string? MissingReason) ApplyDateline(CleanBody clean, PublicationTime? published, string? missingReason, List<KeyValuePair<string, string>> extra)
    {
        if (published is null && clean.DateLineTime is { } dateLine)
        {
            published = dateLine;
            missingReason = null;
        }

        if (clean.DatelineTime is { } dt)
        {
            extra.Add(new("dateline_date", $"{dt.ToIso()} ({dt.Rule})"));
            if (published is null)
            {
                return (dt, null);
            }
        }
        else if (clean.DatelineDateNote is { } note)
        {
            extra.Add(new("dateline_date", note));
            if (published is null)
            {
                missingReason = (missingReason is null ? "" : missingReason + "; ") + note;
            }
        }

        return (published, missingReason);
    }

    /// <summary>A value wholly in parentheses or brackets (<c>(not shown in excerpt)</c>) or empty means missing; <paramref name="why"/> is its content.</summary>
    internal static bool IsMissing(string value, out string why)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            why = "empty";
            return true;
        }

        if ((v[0] == '(' && v[^1] == ')') || (v[0] == '[' && v[^1] == ']'))
        {
            why = v[1..^1].Trim();
            return true;
        }

        why = "";
        return false;
    }

    private static bool LooksLikeTitle(string line)
    {
        if (line.Length is 0 or > 200 || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 25)
        {
            return false;
        }

        if (line[^1] is '.' or ',' or ';' or ':' && !line.EndsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        var opensWell = char.IsLetterOrDigit(line[0]) || line[0] is '"' or '“' or '‘' or '\'';
        return opensWell && !BodyCleaner.IsDateOnly(line) && BodyCleaner.Removal(line, 0) is null && BodyCleaner.MatchDateline(line) is null;
    }

    private static void SkipBlank(string[] lines, ref int i)
    {
        while (i < lines.Length && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }
    }

    private static void ReadHeaderBlock(string[] lines, ref int i, List<KeyValuePair<string, string>> headers)
    {
        while (i < lines.Length && !string.IsNullOrWhiteSpace(lines[i]))
        {
            var line = lines[i].Trim();
            var m = HeaderRegex().Match(line);
            if (m.Success && KnownKeys.Contains(m.Groups["key"].Value.Trim()))
            {
                headers.Add(new(m.Groups["key"].Value.Trim(), m.Groups["value"].Value.Trim()));
                i++;
                continue;
            }

            var by = ByHeaderRegex().Match(line);
            if (by.Success && headers.Count > 0)
            {
                headers.Add(new("By", by.Groups["name"].Value.Trim()));
                i++;
                continue;
            }

            break;
        }
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?<value>.*)$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^[Bb]y\s+(?<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,4})\s*$")]
    private static partial Regex ByHeaderRegex();
}
