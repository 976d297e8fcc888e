using System.CommandLine;
using Parley.Core;
using Parley.Readers;

namespace Parley.Cli;

/// <summary>
/// The input arguments and options shared by every command that reads documents (<c>read</c>,
/// <c>tokenize</c>, <c>parse</c>…): files, folders, globs or <c>-</c>; <c>--date-order</c>; <c>--format</c>;
/// <c>--any-language</c>. Runs the readers and reports each refused document on stderr, so one bad record
/// never stops the batch. Exit code: 0 when every input was read, 1 when some failed, 3 when none could be read.
/// </summary>
internal sealed class DocumentInputs
{
    private readonly Argument<string[]> _files;
    private readonly Option<string> _dateOrder;
    private readonly Option<string?> _format;
    private readonly Option<bool> _anyLanguage;
    private readonly bool _stdinWhenNone;

    private DocumentInputs(bool stdinWhenNone)
    {
        _stdinWhenNone = stdinWhenNone;
        _files = new Argument<string[]>("files")
        {
            Description = "Files, folders, globs (data/*.txt, **/*.html) or - for stdin" + (stdinWhenNone ? "; stdin when none." : "."),
            Arity = stdinWhenNone ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
        };
        _dateOrder = new Option<string>("--date-order") { Description = "Day/month order of all-numeric dates: auto (decide by rules), day-first or month-first.", DefaultValueFactory = _ => "auto" };
        _dateOrder.AcceptOnlyFromAmong("auto", "day-first", "month-first");
        _format = new Option<string?>("--format") { Description = "Force the input format instead of detecting it: text, html, jsonl or rss." };
        _format.AcceptOnlyFromAmong("text", "html", "jsonl", "rss");
        _anyLanguage = new Option<bool>("--any-language") { Description = "Keep documents that are not in English instead of refusing them (PRL1010)." };
    }

    /// <summary>Adds the input argument and options to <paramref name="command"/>.</summary>
    public static DocumentInputs AddTo(Command command, bool stdinWhenNone)
    {
        var inputs = new DocumentInputs(stdinWhenNone);
        command.Arguments.Add(inputs._files);
        command.Options.Add(inputs._dateOrder);
        command.Options.Add(inputs._format);
        command.Options.Add(inputs._anyLanguage);
        return inputs;
    }

    /// <summary>Reads every input named on the command line and hands each document to <paramref name="onDocument"/>.</summary>
    public int Run(ParseResult parse, Action<Document> onDocument, Action? beforeDiagnostic, CancellationToken cancellationToken)
    {
        var (reader, files) = Prepare(parse);
        return Run(reader, files, onDocument, beforeDiagnostic, cancellationToken);
    }

    /// <summary>The reader configured by the command line's options, and the inputs it names (stdin when none and allowed).</summary>
    public (DocumentReader Reader, IReadOnlyList<string> Files) Prepare(ParseResult parse)
    {
        var options = new ReaderOptions
        {
            DateOrder = parse.GetValue(_dateOrder) switch
            {
                "day-first" => DateOrder.DayFirst,
                "month-first" => DateOrder.MonthFirst,
                _ => DateOrder.Auto,
            },
            Format = parse.GetValue(_format),
            AllowAnyLanguage = parse.GetValue(_anyLanguage),
        };
        var files = parse.GetValue(_files) ?? [];
        if (files.Length == 0 && _stdinWhenNone)
        {
            files = ["-"];
        }

        return (new DocumentReader(options), files);
    }

    /// <summary>Reads <paramref name="inputs"/> with <paramref name="reader"/>; returns the exit code.</summary>
    public static int Run(DocumentReader reader, IReadOnlyList<string> inputs, Action<Document> onDocument, Action? beforeDiagnostic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onDocument);
        int ok = 0, failed = 0;
        foreach (var result in reader.Read(inputs, cancellationToken))
        {
            if (result.Warnings.Count > 0 || result.Document is null)
            {
                beforeDiagnostic?.Invoke(); // keep stdout and stderr in order on a shared terminal
            }

            foreach (var warning in result.Warnings)
            {
                CliConsole.Warn("warning" + warning.ToString()["error".Length..]);
            }

            if (result.Document is { } document)
            {
                onDocument(document);
                ok++;
            }
            else
            {
                CliConsole.Error(result.Diagnostic!.ToString());
                failed++;
            }
        }

        return failed == 0 ? ExitCodes.Success : ok > 0 ? ExitCodes.PartialFailure : ExitCodes.InputFailure;
    }

    /// <summary>
    /// Runs <paramref name="process"/> on each annotated input file (CoNLL-U, IOB2) given by path, or on stdin
    /// (<c>-</c>, or when none is given). A missing or malformed file is reported on stderr with its code and the
    /// others go on. Returns 0 when all were processed, 1 when some failed, 3 when none could be.
    /// </summary>
    public static int RunAnnotatedFiles(IReadOnlyList<string> files, Action<TextReader, string> process, Action? beforeDiagnostic)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(process);
        if (files.Count == 0)
        {
            files = ["-"];
        }

        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                if (file != "-" && !File.Exists(file))
                {
                    throw new ParleyException(Errors.InputNotFound, "no such file", new SourceLocation(file));
                }

                using var reader = file == "-"
                    ? new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8)
                    : new StreamReader(file, System.Text.Encoding.UTF8);
                process(reader, file);
            }
            catch (ParleyException ex)
            {
                beforeDiagnostic?.Invoke();
                CliConsole.Error(ex.Diagnostic.ToString());
                failed++;
            }
        }

        return failed == 0 ? ExitCodes.Success : failed < files.Count ? ExitCodes.PartialFailure : ExitCodes.InputFailure;
    }
}
