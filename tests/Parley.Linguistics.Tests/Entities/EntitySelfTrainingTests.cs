using Parley.Linguistics.Conllu;
using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntitySelfTrainingTests
{
    private static ConlluWord Word(int id, string form, string upos) => new(id, form, "_", upos, "_", "_", "0", "dep", "_", "_");

    [Fact]
    public void MayBeName_ProperNounsConnectorsAndCapitalisedWords_Only()
    {
        Assert.True(EntitySelfTraining.MayBeName(Word(1, "Velmora", "PROPN")));
        Assert.True(EntitySelfTraining.MayBeName(Word(1, "of", "ADP")));
        Assert.True(EntitySelfTraining.MayBeName(Word(1, "United", "ADJ")));
        Assert.False(EntitySelfTraining.MayBeName(Word(1, "united", "ADJ")));
        Assert.False(EntitySelfTraining.MayBeName(Word(1, "They", "PRON")));
        Assert.False(EntitySelfTraining.MayBeName(Word(1, "Walk", "AUX")));
    }

    [Fact]
    public void Label_UnannotatedDocument_GivesWeightedSentencesWithinTheConstraint()
    {
        var uner = EntityCorpora.UnerDev(TestData.SharedRoot);
        var tagger = ShippedModels.Tagger.Value;
        var model = EntityRecognizer.Train(uner.Take(600).ToList(), tagger, iterations: 3, seed: 1, features: EntityFeatures.Original);
        var text = """
            # newdoc id = t1
            # sent_id = t1-0001
            1	Anna	Anna	PROPN	NNP	_	2	nsubj	_	_
            2	Berg	Berg	PROPN	NNP	_	3	flat	_	_
            3	visited	visit	VERB	VBD	_	0	root	_	_
            4	Paris	Paris	PROPN	NNP	_	3	obj	_	_
            5	.	.	PUNCT	.	_	3	punct	_	_

            """;
        var documents = ConlluReader.Read(new StringReader(text));
        var a = EntitySelfTraining.Label(model, tagger, documents, 0.25f);
        var b = EntitySelfTraining.Label(model, tagger, documents, 0.25f);
        var sentence = Assert.Single(a);
        Assert.Equal(0.25f, sentence.Weight);
        Assert.Equal("t1-0001", sentence.SentId);
        Assert.Equal(sentence.Tags, Assert.Single(b).Tags);
        Assert.Equal("O", sentence.Tags[2]); // a verb is never inside a mention
    }
}
