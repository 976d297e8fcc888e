using Parley.Core;

namespace Parley.Readers;

/// <summary>
/// Decoded input handed to a format reader: the path as the user gave it (<c>-</c> for stdin), the text,
/// and how its bytes were decoded.
/// </summary>
/// <param name="Path">File path as given, or <c>-</c> for standard input.</param>
/// <param name="Text">The decoded text (BOM removed).</param>
/// <param name="Encoding">How the bytes were decoded.</param>
public sealed record DecodedInput(string Path, string Text, EncodingDecision Encoding);

/// <summary>Options shared by all readers.</summary>
public sealed record ReaderOptions
{
    /// <summary>Day/month order for all-numeric dates; <see cref="DateOrder.Auto"/> decides by rules and records the rule.</summary>
    public DateOrder DateOrder { get; init; } = DateOrder.Auto;

    /// <summary>Largest accepted input file in bytes (PRL1004 beyond). Default 64 MiB.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Keep documents that are not in English instead of refusing them with PRL1010.</summary>
    public bool AllowAnyLanguage { get; init; }

    /// <summary>Force a format (<c>text</c>, <c>html</c>, <c>jsonl</c>, <c>rss</c>) instead of detecting it.</summary>
    public string? Format { get; init; }
}

/// <summary>
/// The outcome for one document: a document, or a coded diagnostic saying why the record was refused.
/// Readers never throw for bad input; the batch goes on.
/// </summary>
public sealed record ReadResult
{
    private ReadResult(Document? document, Diagnostic? diagnostic, IReadOnlyList<Diagnostic> warnings)
    {
        Document = document;
        Diagnostic = diagnostic;
        Warnings = warnings;
    }

    /// <summary>The document read, or null on failure.</summary>
    public Document? Document { get; }

    /// <summary>Why no document was produced, or null on success.</summary>
    public Diagnostic? Diagnostic { get; }

    /// <summary>Problems that did not prevent reading (truncated HTML, a date left unparsed…).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>A successfully read document.</summary>
    public static ReadResult Success(Document document, IReadOnlyList<Diagnostic>? warnings = null) =>
        new(document ?? throw new ArgumentNullException(nameof(document)), null, warnings ?? []);

    /// <summary>A refused input or record.</summary>
    public static ReadResult Failure(Diagnostic diagnostic) =>
        new(null, diagnostic ?? throw new ArgumentNullException(nameof(diagnostic)), []);
}

/// <summary>
/// Reads one input format. Implementations are stateless and thread-safe.
/// </summary>
public interface IFormatReader
{
    /// <summary>The format name written into <see cref="DocumentMetadata.Format"/>: <c>text</c>, <c>html</c>, <c>jsonl</c>, <c>rss</c>, <c>atom</c>.</summary>
    string Format { get; }

    /// <summary>
    /// How well this reader fits the input, 0 (not at all) to 1 (certain), from the file extension and the
    /// first characters of the decoded text. The best score wins; plain text is the fallback.
    /// </summary>
    double Sniff(string path, ReadOnlySpan<char> head);

    /// <summary>Reads every document of the input (one for a page or release, many for JSONL or a feed).</summary>
    IEnumerable<ReadResult> Read(DecodedInput input, ReaderOptions options, CancellationToken cancellationToken);
}
