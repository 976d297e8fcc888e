using Parley.Core;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Evaluation;

namespace Parley.Linguistics.Tests;

public class EvaluationTests
{
    [Fact]
    public void Evaluate_PerfectSystem_ScoresOne()
    {
        var docs = ConlluReader.Read(new StringReader("# newdoc id = x\n# newpar\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
        Assert.Equal("don't go.", TokenizationEvaluation.BuildText(docs[0]).Text);
        var scores = TokenizationEvaluation.Evaluate(docs, Tokenizer.Tokenize);
        Assert.Equal(1.0, scores.Tokens.F1);
        Assert.Equal(1.0, scores.Words.F1);
        Assert.Equal(1.0, scores.Sentences.F1);
        Assert.Equal(new Score(3, 3, 3), scores.Tokens);
        Assert.Equal(new Score(4, 4, 4), scores.Words);
    }

    [Fact]
    public void Evaluate_WrongSplit_CountsAsConll18()
    {
        // gold: "New York" as two tokens, one sentence; system: one token over both is impossible, so use a
        // system that does not split the contraction: words do/n't vs don't
        var docs = ConlluReader.Read(new StringReader("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgo\t_\t_\t_\t_\t_\t_\t_\t_\n\n"));
        var scores = TokenizationEvaluation.Evaluate(docs, (text, _) => new TokenLayer(
            [new Word(new TextSpan(0, 5), "don't", true), new Word(new TextSpan(6, 8), "go", true)],
            [],
            [new Sentence(new TextSpan(0, 8), 0, 2)],
            "test"));
        Assert.Equal(new Score(2, 2, 2), scores.Tokens);
        Assert.Equal(new Score(3, 2, 1), scores.Words);
        Assert.Equal(new Score(1, 1, 1), scores.Sentences);
    }

    /// <summary>
    /// Regression floors on the whole UD English EWT test set and the GUM news documents, from raw text
    /// (CoNLL 2018 style). Floors sit a little below the measured figures so accuracy cannot drop silently.
    /// </summary>
    [Fact]
    public void Evaluate_EwtTest_StaysAboveFloors()
    {
        var gold = ConlluReader.ReadFile(TestData.Corpus("ud-english-ewt", "en_ewt-ud-test.conllu"));
        var scores = TokenizationEvaluation.Evaluate(gold, Tokenizer.Tokenize);
        Assert.True(scores.Tokens.F1 >= TokensFloor, $"token F1 {scores.Tokens.F1:F4}");
        Assert.True(scores.Words.F1 >= WordsFloor, $"word F1 {scores.Words.F1:F4}");
        Assert.True(scores.Sentences.F1 >= SentencesFloor, $"sentence F1 {scores.Sentences.F1:F4}");
    }

    [Fact]
    public void Evaluate_GumNews_StaysAboveFloors()
    {
        var gold = Directory.GetFiles(TestData.Corpus("gum-news"), "GUM_news_*.conllu").Order(StringComparer.Ordinal).SelectMany(ConlluReader.ReadFile).ToList();
        var scores = TokenizationEvaluation.Evaluate(gold, Tokenizer.Tokenize);
        Assert.True(scores.Tokens.F1 >= GumTokensFloor, $"token F1 {scores.Tokens.F1:F4}");
        Assert.True(scores.Sentences.F1 >= GumSentencesFloor, $"sentence F1 {scores.Sentences.F1:F4}");
    }

    [Fact]
    public void Tokenize_EwtDevText_OffsetsSliceBack()
    {
        foreach (var doc in ConlluReader.ReadFile(TestData.Corpus("ud-english-ewt", "en_ewt-ud-dev.conllu")).Take(100))
        {
            var raw = TokenizationEvaluation.BuildText(doc);
            TokenizerTests.AssertOffsets(raw.Text, Tokenizer.Tokenize(raw.Text, raw.Paragraphs));
        }
    }

    // measured (parley.tokenizer.v1): EWT test tokens 0.9944, words 0.9925, sentences 0.8799;
    // GUM news tokens 0.9954, sentences 0.9289
    private const double TokensFloor = 0.990;
    private const double WordsFloor = 0.988;
    private const double SentencesFloor = 0.86;
    private const double GumTokensFloor = 0.990;
    private const double GumSentencesFloor = 0.91;
}
