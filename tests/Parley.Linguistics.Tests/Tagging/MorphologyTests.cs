using Parley.Linguistics.Tagging;

namespace Parley.Linguistics.Tests.Tagging;

public sealed class MorphologyTests
{
    [Theory]
    [InlineData("countries", "NOUN", "NNS", "country")]
    [InlineData("met", "VERB", "VBD", "meet")]
    [InlineData("congratulated", "VERB", "VBD", "congratulate")]
    [InlineData("was", "AUX", "VBD", "be")]
    [InlineData("Parliaments", "NOUN", "NNS", "parliament")]
    [InlineData("Kazakhstan", "PROPN", "NNP", "Kazakhstan")]
    public void Lemma_ShippedLexicon_GivesUdLemma(string form, string upos, string xpos, string lemma) =>
        Assert.Equal(lemma, ShippedModels.Morphology.Value.Lemma(form, upos, xpos));

    [Theory]
    [InlineData("interparliamentarizes", "VBZ", "interparliamentarize")]
    [InlineData("zorbified", "VBD", "zorbify")]
    [InlineData("blorbboxes", "NNS", "blorbbox")]
    public void Lemma_UnseenWords_FollowSuffixRules(string form, string xpos, string lemma)
    {
        var m = Morphology.Train([new AnnotatedSentence(["cats"], ["cat"], ["NOUN"], ["NNS"], ["Number=Plur"])]);
        Assert.Equal(lemma, m.Lemma(form, "VERB", xpos));
    }

    [Fact]
    public void Feats_UnseenNoun_TakesTheTagsMostFrequentFeatures()
    {
        var m = Morphology.Train([new AnnotatedSentence(["talks", "meetings"], ["talk", "meeting"], ["NOUN", "NOUN"], ["NNS", "NNS"], ["Number=Plur", "Number=Plur"])]);
        Assert.Equal("Number=Plur", m.Feats("negotiations", "NNS"));
        Assert.Equal("_", m.Feats("x", "FW"));
    }
}
