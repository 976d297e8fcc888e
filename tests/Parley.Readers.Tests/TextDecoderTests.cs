using System.Text;
using Parley.Core;

namespace Parley.Readers.Tests;

public class TextDecoderTests
{
    private const string English = "The delegations discussed trade, transit and the supply of machinery, the ministry said.";

    private const string Russian = "Министр иностранных дел в четверг встретился со своим коллегой, чтобы обсудить сотрудничество между двумя странами. " +
        "Стороны подчеркнули важность политического диалога и подписали соглашение о культурном обмене.";

    private const string French = "Le ministre des Affaires étrangères a rencontré jeudi son homologue pour discuter de la coopération entre les deux pays. " +
        "Les deux parties ont souligné l'importance du dialogue politique et ont signé un accord sur les échanges culturels à Genève.";

    static TextDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static DecodedInput Decoded(byte[] bytes)
    {
        var result = TextDecoder.Decode(bytes, "input.txt");
        Assert.True(result.Input is not null, result.Diagnostic?.ToString());
        return result.Input!;
    }

    private static Diagnostic Refused(byte[] bytes)
    {
        var result = TextDecoder.Decode(bytes, "input.bin");
        Assert.Null(result.Input);
        return result.Diagnostic!;
    }

    [Fact]
    public void Decode_Utf8Bom_IsRemovedAndRecorded()
    {
        var input = Decoded([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(English)]);
        Assert.Equal(English, input.Text);
        Assert.Equal(new EncodingDecision("utf-8", "bom"), input.Encoding);
    }

    [Fact]
    public void Decode_PlainUtf8_IsValidUtf8()
    {
        var text = "“Quoted” — Türkiye, Kazakhstan’s";
        var input = Decoded(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, input.Text);
        Assert.Equal(new EncodingDecision("utf-8", "valid-utf8"), input.Encoding);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Decode_Utf16WithBom_UsesTheBom(bool bigEndian, string name)
    {
        var encoding = new UnicodeEncoding(bigEndian, true);
        var input = Decoded([.. encoding.GetPreamble(), .. encoding.GetBytes(English)]);
        Assert.Equal(English, input.Text);
        Assert.Equal(new EncodingDecision(name, "bom"), input.Encoding);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Decode_Utf16WithoutBom_IsFoundByNulPattern(bool bigEndian, string name)
    {
        var input = Decoded(new UnicodeEncoding(bigEndian, false).GetBytes(English));
        Assert.Equal(English, input.Text);
        Assert.Equal(new EncodingDecision(name, "nul-pattern"), input.Encoding);
    }

    [Fact]
    public void Decode_Utf32LeBom_IsDecoded()
    {
        var encoding = new UTF32Encoding(false, true);
        var input = Decoded([.. encoding.GetPreamble(), .. encoding.GetBytes(English)]);
        Assert.Equal(English, input.Text);
        Assert.Equal("utf-32le", input.Encoding.Name);
    }

    [Fact]
    public void Decode_Windows1251Russian_IsDetectedByByteStatistics()
    {
        var input = Decoded(Encoding.GetEncoding(1251).GetBytes(Russian));
        Assert.Equal(Russian, input.Text);
        Assert.Equal(new EncodingDecision("windows-1251", "byte-statistics"), input.Encoding);
    }

    [Fact]
    public void Decode_Windows1252French_IsDetectedByByteStatistics()
    {
        var input = Decoded(Encoding.GetEncoding(1252).GetBytes(French));
        Assert.Equal(French, input.Text);
        Assert.Equal(new EncodingDecision("windows-1252", "byte-statistics"), input.Encoding);
    }

    [Fact]
    public void Decode_Windows1252GermanWithSmartQuotes_IsWindows1252()
    {
        var german = "„Die Gespräche waren sehr offen“, sagte der Außenminister nach dem Treffen in Köln – das nächste folgt im März.";
        var input = Decoded(Encoding.GetEncoding(1252).GetBytes(german.Replace('„', '"')));
        Assert.Equal("windows-1252", input.Encoding.Name);
        Assert.Contains("Außenminister", input.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PngBytes_IsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];
        var diagnostic = Refused(png);
        Assert.Equal("PRL1003", diagnostic.Error.Code);
        Assert.Contains("PNG", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000", "ZIP")]
    [InlineData("GIF89a\u0001\u0000", "GIF")]
    public void Decode_KnownSignatures_AreBinary(string start, string name)
    {
        var diagnostic = Refused(Encoding.Latin1.GetBytes(start));
        Assert.Equal("PRL1003", diagnostic.Error.Code);
        Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_JpegGzipElf_AreBinary()
    {
        Assert.Equal("PRL1003", Refused([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]).Error.Code);
        Assert.Equal("PRL1003", Refused([0x1F, 0x8B, 0x08, 0x00]).Error.Code);
        Assert.Equal("PRL1003", Refused([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]).Error.Code);
    }

    [Fact]
    public void Decode_ScatteredNulBytes_AreBinary()
    {
        var bytes = Encoding.ASCII.GetBytes("some text with a NUL here and there, and a lot more text following it");
        bytes[10] = 0;
        bytes[41] = 0;
        var diagnostic = Refused(bytes);
        Assert.Equal("PRL1003", diagnostic.Error.Code);
        Assert.Contains("NUL", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ManyControlCharacters_AreBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 'a')).ToArray();
        Assert.Equal("PRL1003", Refused(bytes).Error.Code);
    }

    [Fact]
    public void Decode_EmptyOrWhitespace_IsEmptyInput()
    {
        Assert.Equal("PRL1002", Refused([]).Error.Code);
        Assert.Equal("PRL1002", Refused(Encoding.UTF8.GetBytes(" \n\t\r\n  ")).Error.Code);
        Assert.Equal("PRL1002", Refused([0xEF, 0xBB, 0xBF, 0x20, 0x0A]).Error.Code);
    }

    [Fact]
    public void Decode_BytesUndefinedInBothCodePages_AreUndecodable()
    {
        // 0x98 is undefined in Windows-1251 and 0x81/0x8D/0x8F/0x90/0x9D in Windows-1252; the sequence is not UTF-8.
        byte[] bytes = [(byte)'a', (byte)'b', 0x98, 0x81, (byte)'c', 0x8D, (byte)'d'];
        var diagnostic = Refused(bytes);
        Assert.Equal("PRL1005", diagnostic.Error.Code);
    }

    [Fact]
    public void Decode_InvalidUtf16AfterBom_IsUndecodable()
    {
        // A lone high surrogate (D800) followed by a letter.
        byte[] bytes = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        Assert.Equal("PRL1005", Refused(bytes).Error.Code);
    }
}
