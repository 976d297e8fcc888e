namespace Parley.Core;

/// <summary>
/// Where a problem was found: a file (or <c>-</c> for stdin), and optionally a 1-based line and
/// a record id. Printed as <c>file:line</c>.
/// </summary>
/// <param name="Path">File path as given by the user, or <c>-</c> for standard input; null when not file-bound.</param>
/// <param name="Line">1-based line number within the file, when the problem is tied to a line.</param>
/// <param name="RecordId">Id of the document record, when known.</param>
public sealed record SourceLocation(string? Path, int? Line = null, string? RecordId = null)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var text = Path ?? "<input>";
        if (Line is { } line)
        {
            text += ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return RecordId is null ? text : $"{text} (id {RecordId})";
    }
}

/// <summary>
/// A coded problem found while processing: an error catalogue entry, a specific message and a location.
/// Readers return diagnostics for bad documents instead of throwing, so one bad record never stops a batch.
/// </summary>
/// <param name="Error">The catalogue entry.</param>
/// <param name="Message">What exactly went wrong, in one sentence.</param>
/// <param name="Location">Where it went wrong, when known.</param>
public sealed record Diagnostic(ErrorDefinition Error, string Message, SourceLocation? Location = null)
{
    /// <summary>Renders <c>error PRL1006: file:3: message</c>, the form printed on stderr.</summary>
    public override string ToString() =>
        Location is null ? $"error {Error.Code}: {Message}" : $"error {Error.Code}: {Location}: {Message}";
}

/// <summary>
/// An exception carrying a coded <see cref="Diagnostic"/>. Thrown for failures that end an operation
/// (an impossible pipeline, a bad option); the CLI maps it to stderr and the error's exit code.
/// </summary>
public sealed class ParleyException : Exception
{
    /// <summary>Creates an exception for a catalogue error.</summary>
    public ParleyException(ErrorDefinition error, string message, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Diagnostic = new Diagnostic(error, message, location);
    }

    /// <summary>Creates an exception from an existing diagnostic.</summary>
    public ParleyException(Diagnostic diagnostic)
        : base(diagnostic?.Message, null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>Required by the exception pattern; prefer the coded constructors.</summary>
    public ParleyException()
        : this(Errors.Internal, "Unspecified error.")
    {
    }

    /// <summary>Required by the exception pattern; prefer the coded constructors.</summary>
    public ParleyException(string message)
        : this(Errors.Internal, message)
    {
    }

    /// <summary>Required by the exception pattern; prefer the coded constructors.</summary>
    public ParleyException(string message, Exception innerException)
        : this(Errors.Internal, message, null, innerException)
    {
    }

    /// <summary>The coded diagnostic.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>Shortcut for the catalogue entry.</summary>
    public ErrorDefinition Error => Diagnostic.Error;
}
