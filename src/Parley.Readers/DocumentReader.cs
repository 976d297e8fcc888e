using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Readers;

/// <summary>The format readers Parley knows, in tie-break order. Add a reader with one line here.</summary>
public static class ReaderRegistry
{
    /// <summary>A fresh list of every available reader.</summary>
    public static IReadOnlyList<IFormatReader> CreateDefault() =>
    [
        new JsonlReader(),
        new HtmlReader(),
        new FeedReader(),
        new PlainTextReader(),
    ];
}

/// <summary>
/// Reads inputs — files, folders (recursively), globs (<c>data/*.txt</c>, <c>**/*.html</c>) and <c>-</c> for
/// stdin — in a stable sorted order, and yields one <see cref="ReadResult"/> per document, lazily, so a large
/// batch streams. For each file: missing → PRL1001, larger than <see cref="ReaderOptions.MaxInputBytes"/>
/// (checked from the file length before reading) → PRL1004, binary → PRL1003, empty → PRL1002, then the
/// bytes are decoded, a reader is picked by <see cref="IFormatReader.Sniff"/> (or forced by
/// <see cref="ReaderOptions.Format"/>), and each document passes the language check (PRL1010). A glob or
/// folder matching nothing → PRL1012. One bad file never stops the others.
/// </summary>
public sealed class DocumentReader
{
    private static readonly HashSet<string> FolderExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "", ".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom",
    };

    private readonly Func<Stream> _openStdin;

    /// <summary>Creates an orchestrator.</summary>
    /// <param name="options">Reader options; defaults when null.</param>
    /// <param name="readers">The format readers to choose from; <see cref="ReaderRegistry.CreateDefault"/> when null.</param>
    /// <param name="openStdin">Opens standard input (tests pass a memory stream); the console's stdin when null.</param>
    /// <exception cref="ParleyException">PRL3001 when <see cref="ReaderOptions.Format"/> names no available reader.</exception>
    public DocumentReader(ReaderOptions? options = null, IEnumerable<IFormatReader>? readers = null, Func<Stream>? openStdin = null)
    {
        Options = options ?? new ReaderOptions();
        Readers = readers?.ToArray() ?? ReaderRegistry.CreateDefault();
        _openStdin = openStdin ?? Console.OpenStandardInput;
        if (Readers.Count == 0)
        {
            throw new ParleyException(Errors.InvalidOption, "No format reader is available.");
        }

        if (Options.Format is { } format && FindForced(format) is null)
        {
            throw new ParleyException(Errors.InvalidOption, $"No reader for format '{format}'; available: {string.Join(", ", Readers.Select(r => r.Format))}.");
        }
    }

    /// <summary>The options in force.</summary>
    public ReaderOptions Options { get; }

    /// <summary>The readers chosen from, in tie-break order.</summary>
    public IReadOnlyList<IFormatReader> Readers { get; }

    /// <summary>Reads every input in order; each input expands to files in ordinal path order.</summary>
    public IEnumerable<ReadResult> Read(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (path, error) in Expand(input))
            {
                if (error is not null)
                {
                    yield return ReadResult.Failure(error);
                    continue;
                }

                if (path is null || (path != "-" && !seen.Add(Path.GetFullPath(path))))
                {
                    continue;
                }

                foreach (var result in ReadPath(path, cancellationToken))
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>Reads one file path (or <c>-</c>) without expansion.</summary>
    public IEnumerable<ReadResult> ReadPath(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var location = new SourceLocation(path);
        byte[] bytes;
        if (path == "-")
        {
            bytes = ReadStdin(out var tooLarge);
            if (tooLarge)
            {
                return [ReadResult.Failure(new Diagnostic(Errors.InputTooLarge, $"standard input is larger than the maximum of {Options.MaxInputBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.", location))];
            }
        }
        else
        {
            FileInfo info;
            try
            {
                info = new FileInfo(path);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return [ReadResult.Failure(new Diagnostic(Errors.InputNotFound, $"invalid path: {ex.Message}", location))];
            }

            if (!info.Exists)
            {
                return [ReadResult.Failure(new Diagnostic(Errors.InputNotFound, "no such file.", location))];
            }

            if (info.Length > Options.MaxInputBytes)
            {
                return [ReadResult.Failure(new Diagnostic(Errors.InputTooLarge, string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length:N0} bytes, more than the maximum of {Options.MaxInputBytes:N0} bytes; it was not read."), location))];
            }

            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return [ReadResult.Failure(new Diagnostic(Errors.InputNotFound, $"the file cannot be opened: {ex.Message}", location))];
            }
        }

        return ReadBytes(bytes, path, cancellationToken);
    }

    /// <summary>Decodes and reads bytes that came from <paramref name="path"/> (also usable for uploads).</summary>
    public IEnumerable<ReadResult> ReadBytes(byte[] bytes, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(path);
        if (bytes.LongLength > Options.MaxInputBytes)
        {
            return [ReadResult.Failure(new Diagnostic(Errors.InputTooLarge, string.Create(CultureInfo.InvariantCulture, $"the input is {bytes.LongLength:N0} bytes, more than the maximum of {Options.MaxInputBytes:N0} bytes."), new SourceLocation(path)))];
        }

        var decoded = TextDecoder.Decode(bytes, path);
        return decoded.Input is null ? [ReadResult.Failure(decoded.Diagnostic!)] : ReadDecoded(decoded.Input, cancellationToken);
    }

    /// <summary>Reads decoded input with the chosen reader and applies the language check to each document.</summary>
    public IEnumerable<ReadResult> ReadDecoded(DecodedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = SelectReader(input.Path, input.Text.AsSpan(0, Math.Min(input.Text.Length, 4096)));
        using var results = reader.Read(input, Options, cancellationToken).GetEnumerator();
        while (true)
        {
            ReadResult result;
            var failed = false;
            try
            {
                if (!results.MoveNext())
                {
                    yield break;
                }

                result = results.Current;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = ReadResult.Failure(new Diagnostic(Errors.Internal, $"the {reader.Format} reader failed unexpectedly: {ex.GetType().Name}: {ex.Message}", new SourceLocation(input.Path)));
                failed = true;
            }

            yield return failed ? result : LanguageGate.Apply(result, Options);
            if (failed)
            {
                yield break;
            }
        }
    }

    /// <summary>The reader for an input: the forced format, else the best <see cref="IFormatReader.Sniff"/> score (ties: earlier reader), else plain text.</summary>
    public IFormatReader SelectReader(string path, ReadOnlySpan<char> head)
    {
        if (Options.Format is { } format)
        {
            return FindForced(format)!;
        }

        IFormatReader? best = null;
        var bestScore = 0.0;
        foreach (var reader in Readers)
        {
            var score = reader.Sniff(path, head);
            if (score > bestScore)
            {
                (best, bestScore) = (reader, score);
            }
        }

        return best ?? Readers.FirstOrDefault(r => r.Format == "text") ?? Readers[0];
    }

    /// <summary>Expands one command-line input into file paths (or <c>-</c>), or a diagnostic.</summary>
    public static IEnumerable<(string? Path, Diagnostic? Error)> Expand(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input == "-")
        {
            return [("-", null)];
        }

        if (File.Exists(input))
        {
            return [(input, null)];
        }

        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(f => FolderExtensions.Contains(Path.GetExtension(f)) && !IsHidden(Path.GetRelativePath(input, f)))
                .Order(StringComparer.Ordinal)
                .Select(f => ((string?)f, (Diagnostic?)null))
                .ToList();
            return files.Count > 0
                ? files
                : [(null, new Diagnostic(Errors.NoInputMatched, "the folder holds no text, HTML, JSONL or feed file.", new SourceLocation(input)))];
        }

        if (input.AsSpan().IndexOfAny("*?[") >= 0)
        {
            var matches = Glob(input);
            return matches.Count > 0
                ? matches.Select(f => ((string?)f, (Diagnostic?)null))
                : [(null, new Diagnostic(Errors.NoInputMatched, "the pattern matched no file.", new SourceLocation(input)))];
        }

        return [(null, new Diagnostic(Errors.InputNotFound, "no such file or folder.", new SourceLocation(input)))];
    }

    /// <summary>Files matching a glob: <c>*</c> and <c>?</c> within a path segment, <c>[abc]</c> classes, <c>**</c> for any depth. Sorted ordinally.</summary>
    public static IReadOnlyList<string> Glob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var baseCount = 0;
        while (baseCount < segments.Length - 1 && segments[baseCount].AsSpan().IndexOfAny("*?[") < 0)
        {
            baseCount++;
        }

        var baseDir = string.Join('/', segments.Take(baseCount));
        if (normalized.StartsWith('/') && baseDir.Length == 0)
        {
            baseDir = "/";
        }

        var searchDir = baseDir.Length == 0 ? "." : baseDir;
        if (!Directory.Exists(searchDir))
        {
            return [];
        }

        var rest = segments.Skip(baseCount).ToArray();
        var regex = new Regex("^" + string.Join("", rest.Select((s, i) => SegmentRegex(s, i == rest.Length - 1))) + "$", RegexOptions.CultureInvariant);
        var deep = rest.Contains("**");
        var options = new EnumerationOptions { RecurseSubdirectories = deep || rest.Length > 1, IgnoreInaccessible = true, MaxRecursionDepth = deep ? int.MaxValue : Math.Max(0, rest.Length - 1) };
        var prefix = baseDir.Length == 0 ? "" : baseDir.EndsWith('/') ? baseDir : baseDir + "/";
        return Directory.EnumerateFiles(searchDir, "*", options)
            .Select(f => Path.GetRelativePath(searchDir, f).Replace('\\', '/'))
            .Where(rel => regex.IsMatch(rel) && !IsHidden(rel))
            .Select(rel => prefix + rel)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string SegmentRegex(string segment, bool last)
    {
        if (segment == "**")
        {
            return last ? ".*" : "(?:[^/]+/)*";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close > i + 1)
                    {
                        var body = segment[(i + 1)..close];
                        sb.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                        i = close;
                    }
                    else
                    {
                        sb.Append(@"\[");
                    }

                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return last ? sb.ToString() : sb.Append('/').ToString();
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Replace('\\', '/').Split('/').Any(s => s.Length > 1 && s[0] == '.' && s != "..");

    private IFormatReader? FindForced(string format) =>
        Readers.FirstOrDefault(r => r.Format.Equals(format, StringComparison.OrdinalIgnoreCase))
        ?? (format.Equals("rss", StringComparison.OrdinalIgnoreCase) ? Readers.FirstOrDefault(r => r.Format.Equals("atom", StringComparison.OrdinalIgnoreCase)) : null);

    private byte[] ReadStdin(out bool tooLarge)
    {
        using var stdin = _openStdin();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stdin.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > Options.MaxInputBytes)
            {
                tooLarge = true;
                return [];
            }
        }

        tooLarge = false;
        return buffer.ToArray();
    }
}
