using Parley.Linguistics.Parsing;

namespace Parley.Linguistics.Tests.Parsing;

public class RootRepairTests
{
    [Fact]
    public void ReducedRelativeAfterTitle_BecomesThePredicate()
    {
        // "The head of state received the envoy ." parsed with "received" as acl of "head"
        string[] forms = ["The", "head", "of", "state", "received", "the", "envoy", "."];
        string[] upos = ["DET", "NOUN", "ADP", "NOUN", "VERB", "DET", "NOUN", "PUNCT"];
        string[] xpos = ["DT", "NN", "IN", "NN", "VBN", "DT", "NN", "."];
        int[] heads = [2, 0, 4, 2, 2, 7, 5, 2];
        string[] rels = ["det", "root", "case", "nmod", "acl", "det", "obj", "punct"];
        Assert.True(RootRepair.Repair(forms, upos, xpos, heads, rels));
        Assert.Equal(0, heads[4]);
        Assert.Equal("root", rels[4]);
        Assert.Equal(5, heads[1]);
        Assert.Equal("nsubj", rels[1]);
        Assert.Equal("VBD", xpos[4]);
        Assert.Equal(5, heads[7]);
    }

    [Fact]
    public void AdjectiveVerbBeforeItsNoun_TakesTheNounAsObject()
    {
        // "The ministry summoned Danish envoy" with "summoned" as amod of "envoy"
        string[] forms = ["The", "ministry", "summoned", "Danish", "envoy"];
        string[] upos = ["DET", "NOUN", "VERB", "ADJ", "NOUN"];
        string[] xpos = ["DT", "NN", "VBN", "JJ", "NN"];
        int[] heads = [2, 0, 5, 5, 2];
        string[] rels = ["det", "root", "amod", "amod", "list"];
        Assert.True(RootRepair.Repair(forms, upos, xpos, heads, rels));
        Assert.Equal(0, heads[2]);
        Assert.Equal(3, heads[1]);
        Assert.Equal(3, heads[4]);
        Assert.Equal("obj", rels[4]);
    }

    [Fact]
    public void RealReducedRelativeWithAgent_IsLeftAlone()
    {
        // "The aid delivered by Japan" is a noun phrase
        string[] forms = ["The", "aid", "delivered", "by", "Japan"];
        string[] upos = ["DET", "NOUN", "VERB", "ADP", "PROPN"];
        string[] xpos = ["DT", "NN", "VBN", "IN", "NNP"];
        int[] heads = [2, 0, 2, 5, 3];
        string[] rels = ["det", "root", "acl", "case", "obl"];
        Assert.False(RootRepair.Repair(forms, upos, xpos, heads, rels));
        Assert.Equal(2, heads[2]);
    }

    [Fact]
    public void SentenceWithPredicate_IsLeftAlone()
    {
        string[] forms = ["Rome", "is", "the", "capital"];
        string[] upos = ["PROPN", "AUX", "DET", "NOUN"];
        string[] xpos = ["NNP", "VBZ", "DT", "NN"];
        int[] heads = [4, 4, 4, 0];
        string[] rels = ["nsubj", "cop", "det", "root"];
        Assert.False(RootRepair.Repair(forms, upos, xpos, heads, rels));
    }

    [Fact]
    public void PluralLookingVerbAfterSubject_IsRetaggedFinite()
    {
        string[] forms = ["The", "European", "Council", "calls", "for", "restraint"];
        string[] upos = ["DET", "ADJ", "PROPN", "NOUN", "ADP", "NOUN"];
        string[] xpos = ["DT", "JJ", "NNP", "NNS", "IN", "NN"];
        Assert.True(RootRepair.RetagFiniteVerb(forms, upos, xpos));
        Assert.Equal("VBZ", xpos[3]);
        Assert.Equal("VERB", upos[3]);
    }

    [Fact]
    public void ConsistingAfterANoun_IsRetaggedParticiple()
    {
        string[] forms = ["The", "naval", "force", "consisting", "of", "six", "ships", "left"];
        string[] upos = ["DET", "ADJ", "NOUN", "NOUN", "ADP", "NUM", "NOUN", "VERB"];
        string[] xpos = ["DT", "JJ", "NN", "NN", "IN", "CD", "NNS", "VBD"];
        Assert.True(RootRepair.RetagParticiples(forms, upos, xpos));
        Assert.Equal("VBG", xpos[3]);
        Assert.Equal("VERB", upos[3]);
        Assert.Equal("NN", xpos[2]);
    }

    [Fact]
    public void PluralNounSubjectWithItsOwnVerb_IsNotRetagged()
    {
        string[] forms = ["The", "EU", "sanctions", "against", "Iran", "were", "extended"];
        string[] upos = ["DET", "PROPN", "NOUN", "ADP", "PROPN", "AUX", "VERB"];
        string[] xpos = ["DT", "NNP", "NNS", "IN", "NNP", "VBD", "VBN"];
        Assert.False(RootRepair.RetagFiniteVerb(forms, upos, xpos));
        Assert.Equal("NNS", xpos[2]);
    }

    [Fact]
    public void BareInfinitiveConjoinedWithFiniteVerb_JoinsTheToInfinitive()
    {
        // "They agreed on the need to expand trade , increase aid ." with "increase" as conj of "agreed"
        string[] forms = ["They", "agreed", "on", "the", "need", "to", "expand", "trade", ",", "increase", "aid", "."];
        string[] xpos = ["PRP", "VBD", "IN", "DT", "NN", "TO", "VB", "NN", ",", "VB", "NN", "."];
        int[] heads = [2, 0, 5, 5, 2, 7, 5, 7, 10, 2, 10, 2];
        string[] rels = ["nsubj", "root", "case", "det", "obl", "mark", "acl", "obj", "punct", "conj", "obj", "punct"];
        Assert.True(RootRepair.RepairInfinitiveConjuncts(xpos, forms, heads, rels));
        Assert.Equal(7, heads[9]);
        Assert.Equal("conj", rels[9]);
    }

    [Fact]
    public void FiniteConjunctWithItsOwnSubject_IsLeftAlone()
    {
        // "They agreed to expand trade , and officials increase aid ." keeps "increase" under "agreed"
        string[] forms = ["They", "agreed", "to", "expand", "trade", ",", "and", "officials", "increase", "aid", "."];
        string[] xpos = ["PRP", "VBD", "TO", "VB", "NN", ",", "CC", "NNS", "VB", "NN", "."];
        int[] heads = [2, 0, 4, 2, 4, 9, 9, 9, 2, 9, 2];
        string[] rels = ["nsubj", "root", "mark", "xcomp", "obj", "punct", "cc", "nsubj", "conj", "obj", "punct"];
        Assert.False(RootRepair.RepairInfinitiveConjuncts(xpos, forms, heads, rels));
        Assert.Equal(2, heads[8]);
    }

    [Fact]
    public void PrepositionHeadingANoun_BecomesItsCase()
    {
        // "met with NATO officials" with "with" as obl of "met" and "NATO" as its obj
        string[] upos = ["PROPN", "VERB", "ADP", "PROPN", "NOUN", "PUNCT"];
        int[] heads = [2, 0, 2, 3, 4, 2];
        string[] rels = ["nsubj", "root", "obl", "obj", "flat", "punct"];
        Assert.True(RootRepair.RepairPrepositionHeads(upos, heads, rels));
        Assert.Equal(2, heads[3]);
        Assert.Equal("obl", rels[3]);
        Assert.Equal(4, heads[2]);
        Assert.Equal("case", rels[2]);
        Assert.Equal(4, heads[4]);
    }

    [Fact]
    public void PrepositionAsCaseOrMarker_IsLeftAlone()
    {
        string[] upos = ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"];
        int[] heads = [2, 0, 4, 2, 2];
        string[] rels = ["nsubj", "root", "case", "obl", "punct"];
        Assert.False(RootRepair.RepairPrepositionHeads(upos, heads, rels));
    }

    [Fact]
    public void AttributionTail_IsFoundAfterTheLastComma()
    {
        string[] forms = ["Chile", "signed", "the", "deal", ",", "Reuters", "has", "learned", "from", "officials", "."];
        string[] xpos = ["NNP", "VBD", "DT", "NN", ",", "NNP", "VBZ", "VBN", "IN", "NNS", "."];
        Assert.Equal(4, AttributionTail.Find(forms, xpos));
        string[] said = ["Chile", "signed", "the", "deal", ",", "the", "ministry", "said", "."];
        string[] saidTags = ["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "VBD", "."];
        Assert.Equal(4, AttributionTail.Find(said, saidTags));
    }

    [Fact]
    public void ClauseAfterTheLastComma_IsNotAnAttribution()
    {
        // a coordinated clause with an object is not a source attribution
        string[] forms = ["Chile", "signed", "the", "deal", ",", "and", "Peru", "rejected", "it", "."];
        string[] xpos = ["NNP", "VBD", "DT", "NN", ",", "CC", "NNP", "VBD", "PRP", "."];
        Assert.Equal(-1, AttributionTail.Find(forms, xpos));
        string[] noVerb = ["In", "Lima", ",", "the", "ministry", "said", "."];
        string[] noVerbTags = ["IN", "NNP", ",", "DT", "NN", "VBD", "."];
        Assert.Equal(-1, AttributionTail.Find(noVerb, noVerbTags));
    }

    [Fact]
    public void WithMarkingAFiniteVerbWithTwoSubjects_BecomesTheCaseOfTheFirst()
    {
        // "Speaking at talks with Peru , Chile agreed ." with "with" as mark of "agreed" and "Peru" its first subject
        string[] forms = ["Speaking", "at", "talks", "with", "Peru", ",", "Chile", "agreed", "."];
        string[] upos = ["VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"];
        string[] xpos = ["VBG", "IN", "NNS", "IN", "NNP", ",", "NNP", "VBD", "."];
        int[] heads = [0, 3, 1, 8, 8, 5, 8, 1, 1];
        string[] rels = ["root", "case", "obl", "mark", "nsubj", "punct", "nsubj", "advcl", "punct"];
        Assert.True(RootRepair.RepairWithMarker(forms, upos, xpos, heads, rels));
        Assert.Equal(3, heads[4]);
        Assert.Equal("nmod", rels[4]);
        Assert.Equal("case", rels[3]);
        Assert.Equal(0, heads[7]);
        Assert.Equal(8, heads[0]);
        Assert.Equal("advcl", rels[0]);
        Assert.Equal(8, heads[8]);
    }
}
