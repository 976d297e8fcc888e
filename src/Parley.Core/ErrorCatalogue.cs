namespace Parley.Core;

/// <summary>
/// One entry of Parley's error catalogue. Codes are stable: once published, a code keeps its meaning
/// and is never reused, so scripts and API clients may branch on it. The CLI prints
/// <c>error PRLnnnn: message</c> on stderr and exits with <see cref="ExitCode"/>; the HTTP API returns the
/// same code in a ProblemDetails body.
/// </summary>
/// <param name="Code">The stable code, <c>PRL</c> followed by four digits.</param>
/// <param name="Name">A short machine-friendly name (kebab-case), used as the ProblemDetails type suffix.</param>
/// <param name="Title">A one-line human description of the whole class of errors.</param>
/// <param name="ExitCode">Process exit code when this error ends a CLI run.</param>
public sealed record ErrorDefinition(string Code, string Name, string Title, int ExitCode);

/// <summary>
/// Process exit codes of the <c>parley</c> command. Distinct codes let scripts tell a usage mistake from
/// unreadable input or a partial batch.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>Some documents failed (each reported on stderr); the others were processed.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was wrong (unknown option, bad value).</summary>
    public const int Usage = 2;

    /// <summary>No input could be read or every document was refused.</summary>
    public const int InputFailure = 3;

    /// <summary>A configuration or pipeline assembly error (impossible component order, missing data file).</summary>
    public const int Configuration = 4;

    /// <summary>The operation was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>A bug: an unexpected exception. Please report it.</summary>
    public const int Internal = 70;
}

/// <summary>
/// The error catalogue: every coded error Parley can report. PRL1xxx are input and reader errors,
/// PRL2xxx pipeline and configuration errors, PRL3xxx usage errors, PRL9xxx internal errors.
/// </summary>
public static class Errors
{
    /// <summary>The input path does not exist or cannot be opened.</summary>
    public static readonly ErrorDefinition InputNotFound = new("PRL1001", "input-not-found", "Input file or folder not found", ExitCodes.InputFailure);

    /// <summary>The input is empty or holds only white space.</summary>
    public static readonly ErrorDefinition EmptyInput = new("PRL1002", "empty-input", "Input is empty", ExitCodes.InputFailure);

    /// <summary>The input looks binary (NUL bytes, control characters, a known binary signature).</summary>
    public static readonly ErrorDefinition BinaryInput = new("PRL1003", "binary-input", "Input is binary, not text", ExitCodes.InputFailure);

    /// <summary>The input is larger than the configured maximum document size.</summary>
    public static readonly ErrorDefinition InputTooLarge = new("PRL1004", "input-too-large", "Input exceeds the maximum size", ExitCodes.InputFailure);

    /// <summary>The bytes could not be decoded in any supported encoding.</summary>
    public static readonly ErrorDefinition UndecodableInput = new("PRL1005", "undecodable-input", "Input encoding could not be decoded", ExitCodes.InputFailure);

    /// <summary>A JSONL line is not valid JSON or not an object.</summary>
    public static readonly ErrorDefinition InvalidJsonLine = new("PRL1006", "invalid-json-line", "Invalid JSON line", ExitCodes.InputFailure);

    /// <summary>A JSONL record lacks a required field or has a field of the wrong type.</summary>
    public static readonly ErrorDefinition InvalidRecord = new("PRL1007", "invalid-record", "Invalid document record", ExitCodes.InputFailure);

    /// <summary>HTML could not be parsed into an article (no main text found, or truncated beyond use).</summary>
    public static readonly ErrorDefinition InvalidHtml = new("PRL1008", "invalid-html", "HTML page holds no readable article", ExitCodes.InputFailure);

    /// <summary>An RSS or Atom feed is not well-formed XML or has no items.</summary>
    public static readonly ErrorDefinition InvalidFeed = new("PRL1009", "invalid-feed", "Invalid RSS/Atom feed", ExitCodes.InputFailure);

    /// <summary>The document is not in English, Parley's only supported language for now.</summary>
    public static readonly ErrorDefinition UnsupportedLanguage = new("PRL1010", "unsupported-language", "Document language is not supported", ExitCodes.InputFailure);

    /// <summary>A publication date was given but could not be understood.</summary>
    public static readonly ErrorDefinition InvalidDate = new("PRL1011", "invalid-date", "Publication date could not be parsed", ExitCodes.InputFailure);

    /// <summary>A glob or folder matched no readable file.</summary>
    public static readonly ErrorDefinition NoInputMatched = new("PRL1012", "no-input-matched", "No input file matched", ExitCodes.InputFailure);

    /// <summary>The HTML input was cut off before its end (no closing tags); the readable part was kept.</summary>
    public static readonly ErrorDefinition TruncatedHtml = new("PRL1013", "truncated-html", "HTML input appears truncated", ExitCodes.PartialFailure);

    /// <summary>A CoNLL-U or other annotated input file is malformed.</summary>
    public static readonly ErrorDefinition InvalidAnnotatedInput = new("PRL1014", "invalid-annotated-input", "Malformed annotated input", ExitCodes.InputFailure);

    /// <summary>A line of a batch input (<c>parley actor --batch</c>: TEXT, tab, DATE) is malformed, e.g. a date not in YYYY-MM-DD form; the line is skipped and the batch goes on.</summary>
    public static readonly ErrorDefinition InvalidBatchLine = new("PRL1015", "invalid-batch-line", "Malformed line in a batch input", ExitCodes.PartialFailure);

    /// <summary>A document could not be coded or stored (the pipeline or the store failed on it); its transaction was rolled back, nothing of it was stored, and the batch goes on.</summary>
    public static readonly ErrorDefinition DocumentNotStored = new("PRL1016", "document-not-stored", "Document could not be coded or stored", ExitCodes.PartialFailure);

    /// <summary>A pipeline component requires a layer no earlier component assigns.</summary>
    public static readonly ErrorDefinition MissingRequirement = new("PRL2001", "missing-requirement", "Pipeline component requirement not satisfied", ExitCodes.Configuration);

    /// <summary>Two pipeline components assign the same layer.</summary>
    public static readonly ErrorDefinition DuplicateAssignment = new("PRL2002", "duplicate-assignment", "Layer assigned twice in the pipeline", ExitCodes.Configuration);

    /// <summary>An annotation layer was set twice on one document or read before it was set.</summary>
    public static readonly ErrorDefinition LayerState = new("PRL2003", "layer-state", "Annotation layer set twice or missing", ExitCodes.Internal);

    /// <summary>A data file the product ships (abbreviations, models) is missing or corrupt.</summary>
    public static readonly ErrorDefinition DataFile = new("PRL2004", "data-file", "Shipped data file missing or corrupt", ExitCodes.Configuration);

    /// <summary>The event store cannot be opened, migrated or written (no such server, refused connection, read-only or corrupt file).</summary>
    public static readonly ErrorDefinition StoreUnavailable = new("PRL2005", "store-unavailable", "Event store cannot be opened or written", ExitCodes.Configuration);

    /// <summary>The event store was created by a newer Parley: its schema version is above the newest migration this build knows.</summary>
    public static readonly ErrorDefinition StoreSchemaTooNew = new("PRL2006", "store-schema-too-new", "Event store schema is newer than this Parley", ExitCodes.Configuration);

    /// <summary>An option has an invalid value.</summary>
    public static readonly ErrorDefinition InvalidOption = new("PRL3001", "invalid-option", "Invalid option value", ExitCodes.Usage);

    /// <summary>A web API write came without a valid API key (none, malformed, unknown or revoked): HTTP 401.</summary>
    public static readonly ErrorDefinition Unauthorized = new("PRL3002", "unauthorized", "A valid API key is required", ExitCodes.Usage);

    /// <summary>A web API query parameter or path value is invalid (a malformed date, a limit out of range): HTTP 400.</summary>
    public static readonly ErrorDefinition InvalidParameter = new("PRL3003", "invalid-parameter", "Invalid request parameter", ExitCodes.Usage);

    /// <summary>The web API resource asked for does not exist (no such document, event or route): HTTP 404.</summary>
    public static readonly ErrorDefinition NotFound = new("PRL3004", "not-found", "Resource not found", ExitCodes.Usage);

    /// <summary>A web API request body is larger than the server accepts: HTTP 413.</summary>
    public static readonly ErrorDefinition PayloadTooLarge = new("PRL3005", "payload-too-large", "Request body too large", ExitCodes.Usage);

    /// <summary>A client sent more web API requests than its rate limit allows; it should retry after the time in <c>Retry-After</c>: HTTP 429.</summary>
    public static readonly ErrorDefinition RateLimited = new("PRL3006", "rate-limited", "Too many requests", ExitCodes.Usage);

    /// <summary>A web API request body has a media type the endpoint does not read: HTTP 415.</summary>
    public static readonly ErrorDefinition UnsupportedMediaType = new("PRL3007", "unsupported-media-type", "Unsupported request media type", ExitCodes.Usage);

    /// <summary>An unexpected internal failure.</summary>
    public static readonly ErrorDefinition Internal = new("PRL9001", "internal", "Internal error", ExitCodes.Internal);

    /// <summary>Every catalogue entry, in code order.</summary>
    public static IReadOnlyList<ErrorDefinition> All { get; } =
    [
        InputNotFound, EmptyInput, BinaryInput, InputTooLarge, UndecodableInput, InvalidJsonLine, InvalidRecord,
        InvalidHtml, InvalidFeed, UnsupportedLanguage, InvalidDate, NoInputMatched, TruncatedHtml, InvalidAnnotatedInput, InvalidBatchLine, DocumentNotStored,
        MissingRequirement, DuplicateAssignment, LayerState, DataFile, StoreUnavailable, StoreSchemaTooNew,
        InvalidOption, Unauthorized, InvalidParameter, NotFound, PayloadTooLarge, RateLimited, UnsupportedMediaType,
        Internal,
    ];
}
