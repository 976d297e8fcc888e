using Parley.Core;
using Parley.Linguistics.Conllu;

namespace Parley.Linguistics.Tests;

public class ConlluTests
{
    [Fact]
    public void Writer_Document_MatchesGolden()
    {
        const string text = "Kazakhstan’s envoy didn't go.\n\n“Fine,” Mr. Li said.";
        var doc = new Document("kz1", text, new DocumentMetadata());
        new Tokenizer().Process(doc, CancellationToken.None);
        var output = new StringWriter { NewLine = "\n" };
        new ConlluWriter(output).WriteDocument(doc);
        const string expected = """
            # newdoc id = kz1
            # newpar id = kz1-p1
            # sent_id = kz1-1
            # text = Kazakhstan’s envoy didn't go.
            1-2	Kazakhstan’s	_	_	_	_	_	_	_	_
            1	Kazakhstan	_	_	_	_	_	_	_	_
            2	’s	_	_	_	_	_	_	_	_
            3	envoy	_	_	_	_	_	_	_	_
            4-5	didn't	_	_	_	_	_	_	_	_
            4	did	_	_	_	_	_	_	_	_
            5	n't	_	_	_	_	_	_	_	_
            6	go	_	_	_	_	_	_	_	SpaceAfter=No
            7	.	_	_	_	_	_	_	_	_

            # newpar id = kz1-p2
            # sent_id = kz1-2
            # text = “Fine,” Mr. Li said.
            1	“	_	_	_	_	_	_	_	SpaceAfter=No
            2	Fine	_	_	_	_	_	_	_	SpaceAfter=No
            3	,	_	_	_	_	_	_	_	SpaceAfter=No
            4	”	_	_	_	_	_	_	_	_
            5	Mr.	_	_	_	_	_	_	_	_
            6	Li	_	_	_	_	_	_	_	_
            7	said	_	_	_	_	_	_	_	SpaceAfter=No
            8	.	_	_	_	_	_	_	_	_


            """;
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), output.ToString());
    }

    [Fact]
    public void Writer_Columns_FillExtraColumnsAndMisc()
    {
        const string text = "Hi there.";
        var layer = Tokenizer.Tokenize(text);
        var output = new StringWriter { NewLine = "\n" };
        new ConlluWriter(output) { Columns = i => new ConlluColumns(Upos: i == 2 ? "PUNCT" : "X", Misc: "Entity=O") }.Write("d", text, layer);
        var lines = output.ToString().Split('\n');
        Assert.Equal("2\tthere\t_\tX\t_\t_\t_\t_\t_\tSpaceAfter=No|Entity=O", lines[4]);
        Assert.Equal("3\t.\t_\tPUNCT\t_\t_\t_\t_\t_\tEntity=O", lines[5]);
    }

    [Fact]
    public void Reader_ParsesDocumentsParagraphsAndMultiwordTokens()
    {
        const string conllu = """
            # newdoc id = a
            # newpar id = a-p1
            # sent_id = a-1
            # text = I don't.
            1	I	I	PRON	PRP	_	2	nsubj	_	_
            2-3	don't	_	_	_	_	_	_	_	SpaceAfter=No
            2	do	do	AUX	VBP	_	0	root	_	_
            3	n't	not	PART	RB	_	2	advmod	_	_
            4	.	.	PUNCT	.	_	2	punct	_	_
            4.1	x	x	X	X	_	_	_	_	_

            # sent_id = a-2
            # text = Yes
            1	Yes	yes	INTJ	UH	_	0	root	_	_

            # newpar_block = ignored
            # newpar
            # sent_id = a-3
            1	Fine	fine	ADJ	JJ	_	0	root	_	_

            # newdoc id = b
            # sent_id = b-1
            1	Two	two	NUM	CD	_	0	root	_	_

            """;
        var docs = ConlluReader.Read(new StringReader(conllu));
        Assert.Equal(["a", "b"], docs.Select(d => d.Id));
        Assert.Equal(2, docs[0].Paragraphs.Count);
        var first = docs[0].Paragraphs[0].Sentences[0];
        Assert.Equal("a-1", first.SentId);
        Assert.Equal("I don't.", first.Text);
        Assert.Equal(["I", "do", "n't", "."], first.Words.Select(w => w.Form));
        Assert.Equal(["I", "don't", "."], first.Tokens.Select(t => t.Form));
        Assert.True(first.Tokens[1].IsMultiword);
        Assert.False(first.Tokens[1].SpaceAfter);
        Assert.Equal("I don't.", first.TextFromTokens());
        Assert.Equal("nsubj", first.Words[0].Deprel);
        Assert.Single(docs[1].Paragraphs);
    }

    [Fact]
    public void Reader_WholeEwtAndGumNews_Parse()
    {
        var ewt = ConlluReader.ReadFile(TestData.Corpus("ud-english-ewt", "en_ewt-ud-train.conllu"));
        Assert.Equal(12544, ewt.Sum(d => d.Sentences.Count()));
        foreach (var sentence in ewt.SelectMany(d => d.Sentences).Where(s => s.Text is not null))
        {
            Assert.Equal(sentence.Text, sentence.TextFromTokens());
        }

        var gum = Directory.GetFiles(TestData.Corpus("gum-news"), "GUM_*.conllu").SelectMany(ConlluReader.ReadFile).ToList();
        Assert.True(gum.Count > 20);
        Assert.All(gum, d => Assert.NotEmpty(d.Paragraphs));
    }

    [Fact]
    public void WriterThenReader_RoundTripsTokens()
    {
        const string text = "I can't see the U.S. embassy. It's “closed” -- they said.";
        var layer = Tokenizer.Tokenize(text);
        var output = new StringWriter { NewLine = "\n" };
        new ConlluWriter(output).Write("rt", text, layer);
        var docs = ConlluReader.Read(new StringReader(output.ToString()));
        var sentences = docs.Single().Sentences.ToList();
        Assert.Equal(layer.Sentences.Count, sentences.Count);
        Assert.Equal(layer.Words.Select(w => w.Form), sentences.SelectMany(s => s.Words).Select(w => w.Form));
        Assert.Equal(text, string.Join(" ", sentences.Select(s => s.TextFromTokens())));
    }
}
