namespace Parley.Readers.Tests;

public class LanguageCorpusTests
{
    /// <summary>English web text (UD English EWT train, three sentences at a time) must almost never be refused as another language.</summary>
    [Fact]
    public void Identify_EnglishWebTextChunks_AreAlmostNeverRefused()
    {
        var path = Path.Combine(TestSupport.SharedDir, "corpora", "ud-english-ewt");
        var file = Directory.GetFiles(path, "*train*.conllu").Single();
        var sentences = File.ReadLines(file).Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l[9..]).ToList();
        var chunks = sentences.Chunk(3).Select(c => string.Join(" ", c)).ToList();
        var refused = chunks.Where(c =>
        {
            var d = LanguageIdentifier.Identify(c);
            return d.Code is not ("en" or "und") && d.Confidence >= LanguageIdentifier.RefusalConfidence;
        }).ToList();
        Assert.True(chunks.Count > 3000);
        Assert.True(refused.Count * 1000 <= chunks.Count, $"{refused.Count} of {chunks.Count} refused, e.g. {string.Join(" | ", refused.Take(5).Select(r => LanguageIdentifier.Identify(r) + ": " + r))}");
    }

    /// <summary>Whole English documents (GUM: news, interviews, biographies, travel guides, speeches) are identified as English.</summary>
    [Fact]
    public void Identify_GumDocuments_AreEnglish()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.SharedDir, "corpora", "gum-news"), "*.conllu");
        Assert.NotEmpty(files);
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var text = string.Join(" ", File.ReadLines(file).Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l[9..]));
            var decision = LanguageIdentifier.Identify(text);
            if (decision.Code != "en")
            {
                wrong.Add($"{Path.GetFileName(file)}: {decision}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }
}
