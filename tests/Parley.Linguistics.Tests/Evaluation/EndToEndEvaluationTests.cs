using Parley.Core;
using Parley.Linguistics.Conllu;
using Parley.Linguistics.Evaluation;

namespace Parley.Linguistics.Tests.Evaluation;

public sealed class EndToEndEvaluationTests
{
    private const string Gold = """
        # newdoc id = d1
        # newpar
        # text = Russia's envoy met them.
        1-2	Russia's	_	_	_	_	_	_	_	_
        1	Russia	Russia	PROPN	NNP	_	3	nmod:poss	_	_
        2	's	's	PART	POS	_	1	case	_	_
        3	envoy	envoy	NOUN	NN	_	4	nsubj	_	_
        4	met	meet	VERB	VBD	_	0	root	_	_
        5	them	they	PRON	PRP	_	4	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	4	punct	_	_

        """;

    private static ConlluDocument Document() => ConlluReader.Read(new StringReader(Gold)).Single();

    private static TokenLayer GoldTokens(string text, IReadOnlyList<TextSpan> paragraphs) => ConlluDocuments.ToDocument(Document()).Get(Layers.Tokens);

    private static SyntaxLayer Syntax(int[] heads, string[] rels, string[]? upos = null) =>
        new(upos ?? ["PROPN", "PART", "NOUN", "VERB", "PRON", "PUNCT"], new string[6], new string[6], new string[6], heads, rels, "test");

    [Fact]
    public void EvaluateEndToEnd_GoldAnalysis_ScoresPerfectly()
    {
        var e = TokenizationEvaluation.EvaluateEndToEnd([Document()], GoldTokens, _ => Syntax([2, 0, 3, -1, 3, 3], ["nmod:poss", "case", "nsubj", "root", "obj", "punct"]));
        Assert.Equal(1.0, e.Tokenization.Words.F1);
        Assert.Equal(1.0, e.UPos.F1);
        Assert.Equal(1.0, e.Uas.F1);
        Assert.Equal(1.0, e.Las.F1);
    }

    [Fact]
    public void EvaluateEndToEnd_OneWrongHeadAndOneWrongLabel_CountsEachOnce()
    {
        // "them" attached to "envoy" (head wrong); "envoy" labelled obj (label wrong, head right); subtype ignored for LAS.
        var e = TokenizationEvaluation.EvaluateEndToEnd([Document()], GoldTokens, _ => Syntax([2, 0, 3, -1, 2, 3], ["nmod", "case", "obj", "root", "obj", "punct"]));
        Assert.Equal(5.0 / 6, e.Uas.F1, 6);
        Assert.Equal(4.0 / 6, e.Las.F1, 6);
    }

    [Fact]
    public void EvaluateEndToEnd_RealTokenizer_SplitsThePossessiveLikeGold()
    {
        var e = TokenizationEvaluation.EvaluateEndToEnd([Document()], Tokenizer.Tokenize, layer => Syntax(new int[layer.Words.Count].Select((_, i) => i == 3 ? -1 : 3).ToArray(), new string[layer.Words.Count].Select(_ => "dep").ToArray(), new string[layer.Words.Count].Select(_ => "X").ToArray()));
        Assert.Equal(1.0, e.Tokenization.Words.F1);
        Assert.Equal(0.0, e.UPos.F1);
    }
}
