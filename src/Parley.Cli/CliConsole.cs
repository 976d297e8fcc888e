using System.Text;

namespace Parley.Cli;

/// <summary>
/// Console conventions of the CLI: data on stdout (UTF-8, LF, no BOM), messages on stderr, colour only
/// when stderr is a terminal and <c>NO_COLOR</c> is unset, progress only on a terminal.
/// </summary>
public static class CliConsole
{
    private static readonly Lazy<Stream> StdOut = new(Console.OpenStandardOutput);

    /// <summary>True when stderr is an interactive terminal (progress bars are shown only then).</summary>
    public static bool IsErrorTerminal => !Console.IsErrorRedirected;

    /// <summary>True when colour may be used on stderr.</summary>
    public static bool UseColor =>
        IsErrorTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Opens stdout as a buffered UTF-8 writer (no BOM, LF newlines). Dispose to flush.</summary>
    public static TextWriter OpenOutput()
    {
        var writer = new StreamWriter(StdOut.Value, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return writer;
    }

    /// <summary>The raw stdout stream, for writers that produce UTF-8 bytes themselves.</summary>
    public static Stream OutputStream => StdOut.Value;

    /// <summary>Writes an error line on stderr (red on a colour terminal).</summary>
    public static void Error(string message) => WriteErr(message, "\u001b[31m");

    /// <summary>Writes a warning line on stderr (yellow on a colour terminal).</summary>
    public static void Warn(string message) => WriteErr(message, "\u001b[33m");

    /// <summary>Writes an informational line on stderr.</summary>
    public static void Info(string message) => WriteErr(message, null);

    private static void WriteErr(string message, string? color)
    {
        if (color is not null && UseColor)
        {
            Console.Error.WriteLine(color + message + "\u001b[0m");
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }
}
