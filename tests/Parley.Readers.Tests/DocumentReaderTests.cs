using System.Text;
using Parley.Core;

namespace Parley.Readers.Tests;

public class DocumentReaderTests
{
    private const string EnglishBody = "The foreign ministers met on Monday to discuss the agenda of the summit and the draft declaration.\n";

    static DocumentReaderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Codes(IEnumerable<ReadResult> results) =>
        string.Join(",", results.Select(r => r.Document is { } d ? d.Id : r.Diagnostic!.Error.Code));

    [Fact]
    public void Read_Folder_RecursiveSortedSkippingHiddenAndOtherExtensions()
    {
        using var dir = new TempDir();
        dir.Write("b.txt", EnglishBody);
        dir.Write("a.txt", EnglishBody);
        dir.Write("sub/c.txt", EnglishBody);
        dir.Write(".hidden/d.txt", EnglishBody);
        dir.Write("notes.docx.tmp", "x");
        var results = new DocumentReader().Read([dir.Path]).ToList();
        Assert.Equal("a,b,c", Codes(results));
    }

    [Fact]
    public void Read_Globs_MatchSegmentsAndAnyDepth()
    {
        using var dir = new TempDir();
        dir.Write("data/one.txt", EnglishBody);
        dir.Write("data/two.txt", EnglishBody);
        dir.Write("data/three.jsonl", """{"id":"three","text":"The ministers met on Monday to discuss the agenda."}""");
        dir.Write("data/deep/four.txt", EnglishBody);
        var root = dir.Path.Replace('\\', '/');
        Assert.Equal("one,two", Codes(new DocumentReader().Read([root + "/data/*.txt"])));
        Assert.Equal("four,one,two", Codes(new DocumentReader().Read([root + "/**/*.txt"])).Split(',').Order(StringComparer.Ordinal).Aggregate((a, b) => a + "," + b));
        Assert.Equal("three", Codes(new DocumentReader().Read([root + "/data/t?ree.*"])));
        Assert.Equal(["data/deep/four.txt", "data/one.txt", "data/two.txt"], DocumentReader.Glob(root + "/**/*.txt").Select(p => p[(root.Length + 1)..]));
    }

    [Fact]
    public void Read_GlobOrFolderMatchingNothing_IsNoInputMatched()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty"));
        var results = new DocumentReader().Read([dir.Path + "/*.html", Path.Combine(dir.Path, "empty")]).ToList();
        Assert.Equal("PRL1012,PRL1012", Codes(results));
    }

    [Fact]
    public void Read_MissingFile_IsNotFoundAndOthersContinue()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.txt", EnglishBody);
        var results = new DocumentReader().Read([Path.Combine(dir.Path, "missing.txt"), good]).ToList();
        Assert.Equal("PRL1001,good", Codes(results));
    }

    [Fact]
    public void Read_Stdin_IdIsStdin1()
    {
        var reader = new DocumentReader(openStdin: () => new MemoryStream(Encoding.UTF8.GetBytes(EnglishBody)));
        var doc = Assert.Single(reader.Read(["-"])).Document!;
        Assert.Equal("stdin-1", doc.Id);
        Assert.Equal("-", doc.Metadata.Origin!.Path);
    }

    [Fact]
    public void Read_StdinJsonl_IsSniffed()
    {
        var jsonl = """{"text":"The ministers met on Monday to discuss the agenda of the summit."}""" + "\n";
        var reader = new DocumentReader(openStdin: () => new MemoryStream(Encoding.UTF8.GetBytes(jsonl)));
        var doc = Assert.Single(reader.Read(["-"])).Document!;
        Assert.Equal("stdin-1", doc.Id);
        Assert.Equal("jsonl", doc.Metadata.Format);
    }

    [Fact]
    public void Read_SparseHugeFile_RefusedBeforeReading()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.txt");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(500L * 1024 * 1024);
        }

        var diagnostic = Assert.Single(new DocumentReader().Read([path])).Diagnostic!;
        Assert.Equal("PRL1004", diagnostic.Error.Code);
        Assert.Contains("524,288,000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryAndEmptyFiles_AreRefused()
    {
        using var dir = new TempDir();
        var png = Path.Combine(dir.Path, "image.txt");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var empty = dir.Write("empty.txt", "");
        var results = new DocumentReader().Read([png, empty]).ToList();
        Assert.Equal("PRL1003,PRL1002", Codes(results));
    }

    [Fact]
    public void Read_Windows1251Russian_DetectedThenRefusedAsRussian()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "ru.txt");
        File.WriteAllBytes(path, Encoding.GetEncoding(1251).GetBytes(LanguageIdentifierTests.Russian));
        var diagnostic = Assert.Single(new DocumentReader().Read([path])).Diagnostic!;
        Assert.Equal("PRL1010", diagnostic.Error.Code);
        Assert.Contains("Russian (ru", diagnostic.Message, StringComparison.Ordinal);

        var kept = Assert.Single(new DocumentReader(new ReaderOptions { AllowAnyLanguage = true }).Read([path])).Document!;
        Assert.Equal("windows-1251", kept.Metadata.Encoding!.Name);
        Assert.Equal("ru", kept.Metadata.Language!.Code);
    }

    [Fact]
    public void Read_Windows1252French_DetectedThenRefusedAsFrench()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(LanguageIdentifierTests.French);
        var diagnostic = Assert.Single(new DocumentReader().ReadBytes(bytes, "fr.txt")).Diagnostic!;
        Assert.Equal("PRL1010", diagnostic.Error.Code);
        Assert.Contains("French", diagnostic.Message, StringComparison.Ordinal);

        var kept = Assert.Single(new DocumentReader(new ReaderOptions { AllowAnyLanguage = true }).ReadBytes(bytes, "fr.txt")).Document!;
        Assert.Equal("windows-1252", kept.Metadata.Encoding!.Name);
        Assert.Equal("fr", kept.Metadata.Language!.Code);
    }

    [Theory]
    [InlineData(LanguageIdentifierTests.German, "de")]
    [InlineData(LanguageIdentifierTests.Kazakh, "kk")]
    [InlineData(LanguageIdentifierTests.Russian, "ru")]
    public void Read_NonEnglishUtf8_IsRefusedNamingTheLanguage(string text, string code)
    {
        var diagnostic = Assert.Single(TestSupport.ReadText(text)).Diagnostic!;
        Assert.Equal("PRL1010", diagnostic.Error.Code);
        Assert.Contains($"({code}, confidence", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ministers meet in the capital\n")]
    [InlineData("Title: Senate Speaker, Ambassador meet\n\nSenate Speaker Ivan Petrov, Ambassador John Smith meet.\n")]
    [InlineData("Talks held.\n")]
    public void Read_ShortEnglish_IsAccepted(string text)
    {
        var result = Assert.Single(TestSupport.ReadText(text));
        Assert.True(result.Document is not null, result.Diagnostic?.ToString());
    }

    [Fact]
    public void Read_Utf16FilesWithAndWithoutBom_AreRead()
    {
        using var dir = new TempDir();
        var le = Path.Combine(dir.Path, "le.txt");
        var be = Path.Combine(dir.Path, "be.txt");
        File.WriteAllText(le, EnglishBody, new UnicodeEncoding(false, true));
        File.WriteAllBytes(be, new UnicodeEncoding(true, false).GetBytes(EnglishBody));
        var docs = new DocumentReader().Read([le, be]).Select(r => r.Document!).ToList();
        Assert.Equal(new EncodingDecision("utf-16le", "bom"), docs[0].Metadata.Encoding);
        Assert.Equal(new EncodingDecision("utf-16be", "nul-pattern"), docs[1].Metadata.Encoding);
        Assert.All(docs, d => Assert.Equal(EnglishBody.TrimEnd(), d.Text));
    }

    [Fact]
    public void Read_IsLazy()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.txt", EnglishBody);
        static IEnumerable<string> Inputs(string first)
        {
            yield return first;
            throw new InvalidOperationException("the second input must not be requested");
        }

        var first = new DocumentReader().Read(Inputs(good)).First();
        Assert.Equal("good", first.Document!.Id);
    }

    [Fact]
    public void Read_ForcedFormat_OverridesSniffing()
    {
        var jsonl = """{"id":"forced","text":"The ministers met on Monday to discuss the agenda of the summit."}""";
        var sniffed = Assert.Single(TestSupport.ReadText(jsonl, "notes.txt")).Document!;
        Assert.Equal("jsonl", sniffed.Metadata.Format);
        var forced = Assert.Single(TestSupport.ReadText(jsonl, "notes.txt", new ReaderOptions { Format = "text" })).Document!;
        Assert.Equal("text", forced.Metadata.Format);
    }

    [Fact]
    public void Constructor_UnavailableFormat_IsInvalidOption()
    {
        var ex = Assert.Throws<ParleyException>(() => new DocumentReader(new ReaderOptions { Format = "pdf" }));
        Assert.Equal("PRL3001", ex.Error.Code);
    }

    [Fact]
    public void SelectReader_PicksHighestSniff()
    {
        var reader = new DocumentReader();
        Assert.Equal("jsonl", reader.SelectReader("x.jsonl", "{\"id\":1}").Format);
        Assert.Equal("text", reader.SelectReader("x.txt", "Posted: 08.06.2022").Format);
        Assert.Equal("text", reader.SelectReader("README", "Some text").Format);
        Assert.Equal("text", reader.SelectReader("note.txt", "{Editor's note: the talks were postponed.}").Format);
        Assert.Equal("jsonl", reader.SelectReader("records", "{\"id\": \"a\", \"text\": \"x\"}").Format);
    }
}
