using Parley.Linguistics.Entities;

namespace Parley.Linguistics.Tests.Entities;

public sealed class EntityLabelsTests
{
    [Fact]
    public void SpansFromIob2_WellFormed_ReadsEveryMention()
    {
        string[] tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-ORG"];
        Assert.Equal(
            [new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC"), new EntitySpan(4, 6, "LOC"), new EntitySpan(7, 8, "ORG")],
            EntityLabels.SpansFromIob2(tags));
    }

    [Fact]
    public void SpansFromIob2_StrayInside_StartsANewMention()
    {
        // conlleval reading: an I- that does not continue its type opens a mention
        Assert.Equal([new EntitySpan(1, 3, "ORG"), new EntitySpan(3, 4, "PER")], EntityLabels.SpansFromIob2(["O", "I-ORG", "I-ORG", "I-PER"]));
    }

    [Fact]
    public void Bilou_RoundTrip_KeepsAdjacentMentionsApart()
    {
        EntitySpan[] spans = [new(0, 1, "LOC"), new(1, 3, "LOC"), new(4, 7, "ORG")];
        var bilou = EntityLabels.ToBilou(spans, 8);
        Assert.Equal(["U-LOC", "B-LOC", "L-LOC", "O", "B-ORG", "I-ORG", "L-ORG", "O"], bilou);
        Assert.Equal(spans, EntityLabels.SpansFromBilou(bilou));
        Assert.Equal(["B-LOC", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O"], EntityLabels.ToIob2(spans, 8));
    }

    [Fact]
    public void Allowed_BilouConstraints_NoInsideWithoutBegin()
    {
        // label ids: 0 = O, then B/I/L/U of PER (1-4), ORG (5-8), LOC (9-12)
        for (var label = 0; label < EntityRecognizer.LabelCount; label++)
        {
            var name = EntityRecognizer.LabelName(label);
            var opensOrOutside = name == "O" || name[0] is 'B' or 'U';
            Assert.Equal(opensOrOutside, EntityRecognizer.Allowed(-1, label, last: false));
            Assert.Equal(opensOrOutside, EntityRecognizer.Allowed(0, label, last: false));
            Assert.Equal(name[0] is 'I' or 'L' && name.EndsWith("PER", StringComparison.Ordinal), EntityRecognizer.Allowed(1, label, last: false)); // after B-PER
            Assert.False(EntityRecognizer.Allowed(-1, label, last: true) && name[0] is 'B' or 'I'); // nothing left open at the end
        }
    }
}
