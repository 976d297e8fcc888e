using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class MentionConsistencyTests
{
    private static IReadOnlyList<string> Words(string s) => s.Split(' ');

    [Fact]
    public void Apply_NameMissedElsewhere_BecomesMentionOfItsType()
    {
        var sentences = new[] { Words("Officials of Norvatek met in Lisbon ."), Words("Norvatek said the talks went well .") };
        var found = new[] { new[] { new RecognizedEntity(2, 3, "ORG", 0.9), new RecognizedEntity(5, 6, "LOC", 0.8) }, Array.Empty<RecognizedEntity>() };
        var result = MentionConsistency.Apply(sentences, found, DocumentConsistency.SameWords);
        Assert.Equal([new RecognizedEntity(0, 1, "ORG", 0.9)], result[1]);
        Assert.Equal(found[0], result[0]);
    }

    [Fact]
    public void Apply_MajorityType_WinsAndTiesStay()
    {
        var sentences = new[] { Words("Kelvara won ."), Words("Kelvara lost ."), Words("Kelvara drew .") };
        var found = new[] { new[] { new RecognizedEntity(0, 1, "ORG", 0.7) }, [new RecognizedEntity(0, 1, "ORG", 0.6)], [new RecognizedEntity(0, 1, "PER", 0.5)] };
        var result = MentionConsistency.Apply(sentences, found, DocumentConsistency.SameWords);
        Assert.All(result, r => Assert.Equal("ORG", Assert.Single(r).Type));

        var tie = MentionConsistency.Apply(sentences[..2], [found[0], found[2]], DocumentConsistency.SameWords);
        Assert.Equal(["ORG", "PER"], tie.Select(r => Assert.Single(r).Type));
    }

    [Fact]
    public void Apply_LongerNameOrLowerCase_IsNotPropagated()
    {
        // "Norvatek Labs" may be another name; "apple" in lower case repeats by chance
        var sentences = new[] { Words("Norvatek and apple stock rose ."), Words("Norvatek Labs sells apple juice .") };
        var found = new[] { new[] { new RecognizedEntity(0, 1, "ORG", 0.9), new RecognizedEntity(2, 3, "ORG", 0.9) }, Array.Empty<RecognizedEntity>() };
        var result = MentionConsistency.Apply(sentences, found, DocumentConsistency.SameWords);
        Assert.Empty(result[1]);
    }

    [Fact]
    public void Apply_PartialNames_FindSurnameAloneOnlyWhenAsked()
    {
        var sentences = new[] { Words("Minister Tomas Vrebek arrived ."), Words("Vrebek spoke first .") };
        var found = new[] { new[] { new RecognizedEntity(1, 3, "PER", 0.9) }, Array.Empty<RecognizedEntity>() };
        Assert.Empty(MentionConsistency.Apply(sentences, found, DocumentConsistency.SameWords)[1]);
        Assert.Equal([new RecognizedEntity(0, 1, "PER", 0.9)], MentionConsistency.Apply(sentences, found, DocumentConsistency.PartialNames)[1]);
        Assert.Equal(found[0], MentionConsistency.Apply(sentences, found, DocumentConsistency.None)[0]);
    }

    [Fact]
    public void Apply_Acronyms_DefinedAcronymJoinsItsLongNameAndFollowsIt()
    {
        // the recogniser split the long name ("Coastal Water Board" ORG + "Tarvania" LOC) and missed the acronym
        var sentences = new[]
        {
            Words("The Coastal Water Board of Tarvania ( CWBT ) met today ."),
            Words("CWBT said rates would rise ."),
        };
        var found = new[] { new[] { new RecognizedEntity(1, 4, "ORG", 0.8), new RecognizedEntity(5, 6, "LOC", 0.9) }, Array.Empty<RecognizedEntity>() };
        var result = MentionConsistency.Apply(sentences, found, DocumentConsistency.Acronyms);
        Assert.Equal([new RecognizedEntity(1, 6, "ORG", 0.5), new RecognizedEntity(7, 8, "ORG", 0.5)], result[0]);
        Assert.Equal([new RecognizedEntity(0, 1, "ORG", 0.5)], result[1]);

        // SameWords leaves both alone
        Assert.Equal(found[0], MentionConsistency.Apply(sentences, found, DocumentConsistency.SameWords)[0]);
    }

    [Fact]
    public void DefinedAcronyms_KeepsTheRecognisedTypeAndIgnoresMismatches()
    {
        var words = Words("talks with the Republic of Velmora ( RV ) and the Port Board ( XYZ ) .");
        var found = new[] { new RecognizedEntity(3, 6, "LOC", 0.7) };
        var result = MentionConsistency.DefinedAcronyms(words, found);
        Assert.Equal([new RecognizedEntity(3, 6, "LOC", 0.7), new RecognizedEntity(7, 8, "LOC", 0.7)], result);
    }
}
