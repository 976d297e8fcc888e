namespace Parley.Readers.Tests;

public class BodyCleanerCorpusTests
{
    private static IEnumerable<string> CorpusSentences()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.SharedDir, "corpora", "gum-news"), "*.conllu")
            .Concat(Directory.GetFiles(Path.Combine(TestSupport.SharedDir, "corpora", "ud-english-ewt"), "*.conllu"));
        return files.SelectMany(File.ReadLines).Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l[9..]);
    }

    /// <summary>
    /// Over ~20,000 English sentences (EWT web text and GUM), the dateline rules fire only on real datelines
    /// (WASHINGTON (Reuters) -, TEHRAN (AFP) -, City, ST, Feb. 23 (UPI) --) and a handful of all-caps openers.
    /// </summary>
    [Fact]
    public void MatchDateline_OrdinarySentences_RarelyMatch()
    {
        var sentences = CorpusSentences().ToList();
        var matches = sentences.Select(BodyCleaner.MatchDateline).Where(d => d is not null).ToList();
        Assert.True(sentences.Count > 15000);
        Assert.True(matches.Count <= 12, string.Join(" | ", matches.Select(m => m!.Text)));
        Assert.Contains(matches, m => m!.Agency == "Reuters");
    }

    /// <summary>Removal rules fire on credits and bylines, not on ordinary sentences with a slash or "(c)".</summary>
    [Fact]
    public void Removal_OrdinarySentences_OnlyCreditsAndBylines()
    {
        var removed = CorpusSentences().Select(s => (Sentence: s, Rule: BodyCleaner.Removal(s, 0))).Where(x => x.Rule is not null).ToList();
        Assert.DoesNotContain(removed, x => x.Sentence.EndsWith('?') || x.Sentence.Split(' ').Length > 12);
        Assert.Contains(removed, x => x.Sentence == "REUTERS/Jason Reed");
        Assert.Contains(removed, x => x.Rule!.Value.Kind == "byline");
    }
}
