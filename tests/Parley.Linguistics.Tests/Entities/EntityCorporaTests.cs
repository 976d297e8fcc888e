using Parley.Linguistics.Conllu;
using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntityCorporaTests
{
    // A GUM-style sentence: nested brackets, one-word mentions "(id-type-…)", closings "id)", a nominal
    // mention (head "talks") holding named ones, a title inside a person mention, a plural group of persons.
    private const string Gum = """
        # sent_id = GUM_test-1
        # text = President Sergei Rachkov of the Council of the Republic held talks in Kazakhstan with Muslims.
        1	President	President	PROPN	NNP	_	3	compound	_	Entity=(1-person-new-sssss-cf1-1,2,3-sgl
        2	Sergei	Sergei	PROPN	NNP	_	3	flat	_	_
        3	Rachkov	Rachkov	PROPN	NNP	_	10	nsubj	_	_
        4	of	of	ADP	IN	_	6	case	_	_
        5	the	the	DET	DT	_	6	det	_	Entity=(2-organization-new-sssss-cf2-1-sgl
        6	Council	Council	PROPN	NNP	_	3	nmod	_	_
        7	of	of	ADP	IN	_	9	case	_	_
        8	the	the	DET	DT	_	9	det	_	_
        9	Republic	Republic	PROPN	NNP	_	6	nmod	_	Entity=2)1)
        10	held	hold	VERB	VBD	_	0	root	_	_
        11	talks	talk	NOUN	NNS	_	10	obj	_	Entity=(3-event-new-sssss-cf3-1-sgl
        12	in	in	ADP	IN	_	13	case	_	_
        13	Kazakhstan	Kazakhstan	PROPN	NNP	_	11	nmod	_	Entity=(4-place-new-sssss-cf4-1-sgl)3)
        14	with	with	ADP	IN	_	15	case	_	_
        15	Muslims	Muslim	PROPN	NNPS	_	10	obl	_	Entity=(5-person-new-sssss-cf5-1-sgl)|SpaceAfter=No
        16	.	.	PUNCT	.	_	10	punct	_	_

        """;

    [Fact]
    public void GumMentions_NestedBrackets_AreAllRead()
    {
        var sentence = ConlluReader.Read(new StringReader(Gum)).Single().Sentences.Single();
        var mentions = GumEntities.Mentions(sentence.Words).Select(m => (m.Start, m.End, m.Type)).OrderBy(m => m.Start).ToList();
        Assert.Equal([(0, 9, "person"), (4, 9, "organization"), (10, 13, "event"), (12, 13, "place"), (14, 15, "person")], mentions);
    }

    [Fact]
    public void GumEntities_NamedMentions_BecomeIob2Names()
    {
        var sentence = GumEntities.FromConllu(ConlluReader.Read(new StringReader(Gum)).Single().Sentences.Single());

        // the person mention is cut to its name (no title, no "of" modifier), which frees the organisation
        // nested in it; the event's head is a common noun (not named) but the place inside it is; the group
        // "Muslims" is dropped
        Assert.Equal([new EntitySpan(1, 3, "PER"), new EntitySpan(5, 9, "ORG"), new EntitySpan(12, 13, "LOC")], sentence.Spans);
    }

    [Fact]
    public void GumTrain_ExcludesTestAndDevDocuments()
    {
        var held = File.ReadAllLines(TestData.Corpus("gum-news", "TEST_DOCS.txt")).Concat(File.ReadAllLines(TestData.Corpus("gum-news", "DEV_DOCS.txt")))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet();
        var train = EntityCorpora.GumTrain(TestData.SharedRoot);
        Assert.NotEmpty(train);
        Assert.DoesNotContain(train, s => s.SentId is { } id && held.Contains(id[..id.LastIndexOf('-')]));
        Assert.Contains(train, s => s.Spans.Any(x => x.Type == "ORG"));
    }

    [Fact]
    public void Iob2_ReadWrite_RoundTrips()
    {
        const string text = "# sent_id = x-1\n# text = Vince met Enron staff in Houston.\n1\tVince\tB-PER\t-\t-\n2\tmet\tO\t-\t-\n3\tEnron\tB-ORG\t-\t-\n4\tstaff\tO\t-\t-\n5\tin\tO\t-\t-\n6\tHouston\tB-LOC\t-\t-\n7\t.\tO\t-\t-\n\n";
        var sentence = Iob2Corpus.Read(new StringReader(text)).Single();
        Assert.Equal("x-1", sentence.SentId);
        Assert.Equal([new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "ORG"), new EntitySpan(5, 6, "LOC")], sentence.Spans);
        var output = new StringWriter { NewLine = "\n" };
        Iob2Corpus.Write(output, sentence, sentence.Tags);
        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Iob2_MalformedLine_IsPrl1014()
    {
        var ex = Assert.Throws<Core.ParleyException>(() => Iob2Corpus.Read(new StringReader("1\tVince\tPERSON\t-\t-\n")));
        Assert.Equal("PRL1014", ex.Error.Code);
    }
}

public sealed class EntityTuningSplitTests
{
    private static EntitySentence Sentence(string id) => new(["Word"], ["O"], id);

    [Fact]
    public void SplitTuning_EveryFifthDocument_IsHeldOutWhole()
    {
        // ten documents of two sentences: documents 5 and 10 (1-based) are the tuning set
        var sentences = Enumerable.Range(1, 10).SelectMany(d => new[] { Sentence($"email-doc{d}-0001"), Sentence($"email-doc{d}-0002") }).ToList();
        var (train, tune) = EntityCorpora.SplitTuning(sentences);
        Assert.Equal(["email-doc5-0001", "email-doc5-0002", "email-doc10-0001", "email-doc10-0002"], tune.Select(s => s.SentId));
        Assert.Equal(16, train.Count);
        Assert.Empty(train.Select(s => s.SentId).Intersect(tune.Select(s => s.SentId)));
    }

    [Fact]
    public void SplitTuning_FiveFolds_CoverEveryDocumentOnce()
    {
        var sentences = Enumerable.Range(1, 12).Select(d => Sentence($"reviews-{d:D3}-0001")).ToList();
        var held = Enumerable.Range(0, 5).SelectMany(f => EntityCorpora.SplitTuning(sentences, f).Tune).Select(s => s.SentId).ToList();
        Assert.Equal(sentences.Select(s => s.SentId).Order(), held.Order());
    }

    [Fact]
    public void DocumentId_DropsTheSentenceNumberOnly()
    {
        Assert.Equal("answers-20070404104007AAY1Chs_ans", EntityCorpora.DocumentId("answers-20070404104007AAY1Chs_ans-0003"));
        Assert.Equal("GUM_bio_byron", EntityCorpora.DocumentId("GUM_bio_byron-12"));
        Assert.Equal("plain", EntityCorpora.DocumentId("plain"));
        Assert.Equal("", EntityCorpora.DocumentId(null));
    }
}
