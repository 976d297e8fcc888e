using Parley.Core;
using Parley.Events.Codebook;

namespace Parley.Events.Tests.Codebook;

public class VerbDictionaryTests
{
    [Fact]
    public void Load_ShippedDictionary_HasBlocksPatternsAndSynsets()
    {
        var d = TestSupport.Verbs;
        Assert.True(d.Blocks.Count > 300, $"{d.Blocks.Count} blocks");
        Assert.True(d.PatternCount > 4500, $"{d.PatternCount} patterns");
        Assert.True(d.Synsets.Count >= 40, $"{d.Synsets.Count} synsets");
        Assert.True(d.SkippedPatterns < 100, $"{d.SkippedPatterns} patterns skipped");
    }

    [Fact]
    public void Lookup_Meet_FindsBlockWithTalksPattern()
    {
        var hits = TestSupport.Verbs.Lookup("meet");
        var (block, _) = Assert.Single(hits, h => h.Verb.After.Count == 0 && h.Block.Description == "MEET_PEOPLE");
        Assert.Equal("040", block.Code);
        var talks = Assert.Single(block.Patterns, p => p.PostPrepositions.Count == 1 && p.PostPrepositions[0].Object?.Label == "TALKS");
        Assert.Equal("036", talks.Code);
        Assert.Equal("036", talks.ReverseCode);
        Assert.Equal(["for"], talks.PostPrepositions[0].Prepositions);
    }

    [Fact]
    public void Lookup_MultiwordVerb_KeepsParticle()
    {
        var hit = Assert.Single(TestSupport.Verbs.Lookup("meet"), h => h.Verb.After.SequenceEqual(["with"]));
        Assert.Contains("met", hit.Verb.Forms);
    }

    [Fact]
    public void Lookup_Congratulate_IsPraise()
    {
        var (block, verb) = Assert.Single(TestSupport.Verbs.Lookup("congratulate"));
        Assert.Equal("051", verb.Code ?? block.Code);
    }

    [Fact]
    public void Patterns_ReverseOnlyCode_HasNoForwardCode()
    {
        var face = TestSupport.Verbs.Lookup("face").Select(h => h.Block).First(b => b.Description == "MEET_PEOPLE");
        var criticism = Assert.Single(face.Patterns, p => p.PostNouns.Count == 1 && p.PostNouns[0].Label == "CRITICISM");
        Assert.Null(criticism.Code);
        Assert.Equal("111", criticism.ReverseCode);
        Assert.False(criticism.IsNull);
    }

    [Fact]
    public void Parse_SynsetAndBracedPhrase_ExpandWithPlurals()
    {
        var d = VerbDictionary.Parse(
            [
                "&TALK",
                "+NEGOTIATION",
                "+PEACE_TALKS_",
                "--- OFFER [030] ---",
                "OFFER",
                "PROPOSE [031]",
                "+PUT_FORWARD {+PUTS_FORWARD +PUTTING_FORWARD}",
                "- * {FORMAL &TALK} [036] # OFFER",
                "- &MILITARY * (FOR AID) [023]",
                "- * (BY/WITH) [---]",
            ],
            "test");
        var block = Assert.Single(d.Blocks);
        Assert.Equal("030", block.Code);
        Assert.Equal(["offer", "propose", "put"], block.Verbs.Select(v => v.Lemma));
        Assert.Equal("031", block.Verbs[1].Code);
        Assert.Equal(["forward"], block.Verbs[2].After);
        Assert.Equal(["puts", "putting"], block.Verbs[2].Forms);
        Assert.Equal(1, d.SkippedPatterns); // &MILITARY is undefined here
        var formal = block.Patterns[0];
        Assert.Equal("036", formal.Code);
        Assert.Equal("OFFER", formal.Comment);
        Assert.Contains(formal.PostNouns[0].Phrases, p => p.SequenceEqual(["formal", "negotiations"]));
        Assert.Contains(formal.PostNouns[0].Phrases, p => p.SequenceEqual(["formal", "peace", "talks"]));
        Assert.DoesNotContain(formal.PostNouns[0].Phrases, p => p.SequenceEqual(["formal", "peace", "talkss"]));
        var nul = block.Patterns[1];
        Assert.True(nul.IsNull);
        Assert.Equal(["by", "with"], nul.PostPrepositions[0].Prepositions);
        Assert.Null(nul.PostPrepositions[0].Object);
    }

    [Theory]
    [InlineData("--- X [04a] ---")]
    [InlineData("STRAY LINE")]
    [InlineData("--- X [040] ---\nGO\n- * (FOR TALKS [036]")]
    public void Parse_MalformedLines_AreDataFileErrors(string text)
    {
        var ex = Assert.Throws<ParleyException>(() => VerbDictionary.Parse(text.Split('\n'), "bad.txt"));
        Assert.Equal(Errors.DataFile, ex.Error);
        Assert.StartsWith("bad.txt:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Overrides_ReplaceCameoEntriesAndUseCameoSynsets()
    {
        var (invite, _) = Assert.Single(TestSupport.Verbs.Lookup("invite"));
        Assert.Equal(VerbDictionary.OverridesFile, invite.File);
        Assert.Equal("036", invite.Code);
        Assert.Contains(invite.Patterns, p => p.PostPrepositions.Any(x => x.Object?.Label == "&NEGOTIATION"));
        var (tell, _) = Assert.Single(TestSupport.Verbs.Lookup("tell"));
        Assert.Null(tell.Code);
        Assert.Equal(VerbDictionary.FileName, TestSupport.Verbs.Lookup("meet")[0].Block.File);
    }

    [Theory]
    [InlineData("policy", "policies")]
    [InlineData("day", "days")]
    [InlineData("pass", "passes")]
    [InlineData("talk", "talks")]
    public void Plural_FollowsPetrarchRules(string word, string plural) => Assert.Equal(plural, VerbDictionary.Plural(word));
}
