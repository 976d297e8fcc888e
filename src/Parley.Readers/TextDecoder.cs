using System.Text;
using Parley.Core;

namespace Parley.Readers;

/// <summary>The outcome of <see cref="TextDecoder.Decode"/>: decoded input, or a coded reason why the bytes are not text.</summary>
/// <param name="Input">The decoded input, or null on failure.</param>
/// <param name="Diagnostic">PRL1002 (empty), PRL1003 (binary) or PRL1005 (undecodable); null on success.</param>
public sealed record DecodeResult(DecodedInput? Input, Diagnostic? Diagnostic);

/// <summary>
/// Turns input bytes into text and records how: a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE),
/// strict UTF-8 validation, UTF-16 without BOM (the NUL-byte pattern of ASCII characters), else
/// Windows-1251 or Windows-1252 chosen by byte statistics (Cyrillic letter runs against isolated Latin-1
/// letters). Refuses binary input (known file signatures, NUL bytes outside UTF-16, many control
/// characters) with PRL1003, empty or white-space-only input with PRL1002, undecodable bytes with PRL1005.
/// </summary>
public static class TextDecoder
{
    private static readonly Lazy<bool> ProviderRegistered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private static readonly (string Name, byte[] Magic, int Offset)[] Signatures =
    [
        ("PDF", "%PDF-"u8.ToArray(), 0),
        ("ZIP (docx/xlsx/odt/jar)", [0x50, 0x4B, 0x03, 0x04], 0),
        ("ZIP (empty archive)", [0x50, 0x4B, 0x05, 0x06], 0),
        ("ZIP (spanned archive)", [0x50, 0x4B, 0x07, 0x08], 0),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("JPEG", [0xFF, 0xD8, 0xFF], 0),
        ("GIF", "GIF87a"u8.ToArray(), 0),
        ("GIF", "GIF89a"u8.ToArray(), 0),
        ("GZIP", [0x1F, 0x8B], 0),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46], 0),
        ("BZIP2", [0x42, 0x5A, 0x68], 0),
        ("7-Zip", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0),
        ("RAR", "Rar!\u001A\u0007"u8.ToArray(), 0),
        ("XZ", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0),
        ("Zstandard", [0x28, 0xB5, 0x2F, 0xFD], 0),
        ("OLE2 (doc/xls/ppt)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0),
        ("SQLite", "SQLite format 3\0"u8.ToArray(), 0),
        ("WebAssembly", [0x00, 0x61, 0x73, 0x6D], 0),
        ("Java class", [0xCA, 0xFE, 0xBA, 0xBE], 0),
        ("TIFF", [0x49, 0x49, 0x2A, 0x00], 0),
        ("TIFF", [0x4D, 0x4D, 0x00, 0x2A], 0),
        ("Ogg", "OggS"u8.ToArray(), 0),
        ("MP3", "ID3"u8.ToArray(), 0),
        ("MP4/QuickTime", "ftyp"u8.ToArray(), 4),
        ("RIFF (WebP/WAV/AVI)", "RIFF"u8.ToArray(), 0),
        ("Mach-O", [0xCF, 0xFA, 0xED, 0xFE], 0),
        ("Windows executable", [0x4D, 0x5A, 0x90, 0x00], 0),
    ];

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="path"/> (<c>-</c> for stdin).</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _ = ProviderRegistered.Value;
        var location = new SourceLocation(path);
        if (bytes.IsEmpty)
        {
            return Fail(Errors.EmptyInput, "The input is empty (0 bytes).", location);
        }

        foreach (var (name, magic, offset) in Signatures)
        {
            if (bytes.Length >= offset + magic.Length && bytes.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return Fail(Errors.BinaryInput, $"The input is a {name} file (its signature was found at byte {offset}), not text.", location);
            }
        }

        string text;
        EncodingDecision decision;
        try
        {
            if (TryBom(bytes, out var bomEncoding, out var bomLength, out var bomName))
            {
                text = bomEncoding.GetString(bytes[bomLength..]);
                decision = new EncodingDecision(bomName, "bom");
            }
            else if (DetectUtf16WithoutBom(bytes) is { } utf16)
            {
                text = utf16.Encoding.GetString(bytes);
                decision = new EncodingDecision(utf16.Name, "nul-pattern");
            }
            else if (bytes.Contains((byte)0))
            {
                var nuls = Count(bytes, 0);
                return Fail(Errors.BinaryInput, $"The input holds {nuls} NUL byte(s) and is not UTF-16; it looks binary.", location);
            }
            else if (IsValidUtf8(bytes))
            {
                text = Encoding.UTF8.GetString(bytes);
                decision = new EncodingDecision("utf-8", "valid-utf8");
            }
            else
            {
                var cyrillic = LooksCyrillic1251(bytes, out var evidence);
                var (first, second) = cyrillic ? (1251, 1252) : (1252, 1251);
                if (TryStrict(first, bytes, out var decoded))
                {
                    text = decoded;
                    decision = new EncodingDecision($"windows-{first}", "byte-statistics");
                }
                else if (TryStrict(second, bytes, out decoded))
                {
                    text = decoded;
                    decision = new EncodingDecision($"windows-{second}", "byte-statistics");
                }
                else
                {
                    return Fail(Errors.UndecodableInput, $"The input is not valid UTF-8 and holds bytes undefined in both Windows-1251 and Windows-1252 ({evidence}).", location);
                }
            }
        }
        catch (DecoderFallbackException ex)
        {
            return Fail(Errors.UndecodableInput, $"The bytes could not be decoded: {ex.Message}", location);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var controls = 0;
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                controls++;
            }
        }

        if (controls > 0 && (controls * 100 > text.Length || controls > 64))
        {
            return Fail(Errors.BinaryInput, $"The input holds {controls} control characters in {text.Length} characters; it looks binary.", location);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(Errors.EmptyInput, "The input holds only white space.", location);
        }

        return new DecodeResult(new DecodedInput(path, text, decision), null);
    }

    /// <summary>Wraps an already-decoded string (from an API request) as input, checking only for emptiness.</summary>
    public static DecodeResult FromString(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(Errors.EmptyInput, "The input holds only white space.", new SourceLocation(path));
        }

        return new DecodeResult(new DecodedInput(path, text.StartsWith('\uFEFF') ? text[1..] : text, new EncodingDecision("utf-16", "string")), null);
    }

    private static DecodeResult Fail(ErrorDefinition error, string message, SourceLocation location) =>
        new(null, new Diagnostic(error, message, location));

    private static bool TryBom(ReadOnlySpan<byte> b, out Encoding encoding, out int length, out string name)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, length, name) = (new UTF8Encoding(false, true), 3, "utf-8");
            return true;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (encoding, length, name) = (new UTF32Encoding(false, false, true), 4, "utf-32le");
            return true;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (encoding, length, name) = (new UTF32Encoding(true, false, true), 4, "utf-32be");
            return true;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, length, name) = (new UnicodeEncoding(false, false, true), 2, "utf-16le");
            return true;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, length, name) = (new UnicodeEncoding(true, false, true), 2, "utf-16be");
            return true;
        }

        (encoding, length, name) = (Encoding.UTF8, 0, "");
        return false;
    }

    /// <summary>
    /// UTF-16 without BOM: ASCII characters (spaces, digits, punctuation, Latin letters) have a zero high byte,
    /// so NULs cluster at odd offsets (little-endian) or even offsets (big-endian) while the other half has almost none.
    /// </summary>
    private static (Encoding Encoding, string Name)? DetectUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, 8192) & ~1;
        if (n < 4)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenNul++;
            }

            if (bytes[i + 1] == 0)
            {
                oddNul++;
            }
        }

        var pairs = n / 2;
        if (oddNul >= pairs * 0.1 && evenNul <= pairs * 0.01)
        {
            return (new UnicodeEncoding(false, false, true), "utf-16le");
        }

        if (evenNul >= pairs * 0.1 && oddNul <= pairs * 0.01)
        {
            return (new UnicodeEncoding(true, false, true), "utf-16be");
        }

        return null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static int Count(ReadOnlySpan<byte> bytes, byte value)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if (b == value)
            {
                count++;
            }
        }

        return count;
    }

    private static bool TryStrict(int codePage, ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        try
        {
            var enc = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            text = enc.GetString(bytes);

            // Bytes the code page leaves undefined come out as C1 control characters: not a real decoding.
            if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0)
            {
                text = null;
                return false;
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }

    /// <summary>
    /// Cyrillic text in Windows-1251 is mostly high bytes (letters 0xC0–0xFF and a few in 0xA1–0xBF) that form
    /// whole words; Latin-1 text has isolated accented letters between ASCII letters.
    /// </summary>
    internal static bool LooksCyrillic1251(ReadOnlySpan<byte> bytes, out string evidence)
    {
        int high = 0, ascii = 0, highPairs = 0;
        var previousHigh = false;
        foreach (var b in bytes)
        {
            var isHighLetter = b >= 0xC0 || b is 0xA8 or 0xB8 or 0xB2 or 0xB3 or 0xAA or 0xBA or 0xAF or 0xBF or 0xA1 or 0xA2 or 0xA5 or 0xB4;
            if (isHighLetter)
            {
                high++;
                if (previousHigh)
                {
                    highPairs++;
                }
            }
            else if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z'))
            {
                ascii++;
            }

            previousHigh = isHighLetter;
        }

        var letters = Math.Max(1, high + ascii);
        var ratio = (double)high / letters;
        var pairRatio = high == 0 ? 0 : (double)highPairs / high;
        evidence = FormattableString.Invariant($"{high} high-byte letters, {ascii} ASCII letters, {pairRatio:P0} of high letters adjacent");
        return ratio >= 0.3 || (high >= 8 && pairRatio >= 0.5);
    }
}
