using Parley.Core;
using Parley.Linguistics;

namespace Parley.Time.Tests;

public sealed class TimeValuesTests
{
    [Theory]
    [InlineData("1989-Q3", "year", -1, "1988-Q3")]
    [InlineData("2022-09-16", "year", -30, "1992-09-16")]
    [InlineData("2022-09", "month", 4, "2023-01")]
    [InlineData("2022-W37", "week", 1, "2022-W38")]
    [InlineData("2022", "year", 1, "2023")]
    [InlineData("PAST_REF", "year", 1, null)]
    [InlineData("2022", "day", 1, null)]
    public void ShiftValue_KeepsTheValuesGrain(string value, string unit, int n, string? expected) =>
        Assert.Equal(expected, TimeValues.ShiftValue(value, unit, n));

    [Theory]
    [InlineData(2, "year", "P2Y")]
    [InlineData(-1, "month", "PXM")]
    [InlineData(3, "hour", "PT3H")]
    [InlineData(2, "decade", "P20Y")]
    public void Duration_FormatsTimeMlPeriods(int n, string unit, string expected) =>
        Assert.Equal(expected, TimexRules.DurationValue(n, unit));

    [Fact]
    public void Annotate_WithoutSyntax_StillRecognisesButAttachesNothing()
    {
        const string text = "Talks between Benin and Togo resumed on 2 June 2021 and lasted three weeks.";
        var tokens = Tokenizer.Tokenize(text);
        var layer = TimexTagger.Annotate(tokens, null, null, TimeMlDocument.ParseDct("2021-06-10", DateSource.Override));
        Assert.Equal(["2021-06-02", "P3W"], layer.Expressions.Select(t => t.Value));
        Assert.All(layer.Expressions, t => Assert.Equal(-1, t.Clause));
        Assert.Equal("2021-06-10", layer.Dct);
    }

    [Fact]
    public void AYearEarlier_AfterAQuarter_ShiftsTheQuarter()
    {
        var (doc, layer) = TestSupport.Annotate("Profit rose 8% in the third quarter of 2021. A year earlier, profit fell.", "2021-10-20");
        Assert.Equal("2021-Q3", TestSupport.Find(doc, layer, "the third quarter of 2021").Value);
        Assert.Equal("2020-Q3", TestSupport.Find(doc, layer, "A year earlier").Value);
    }
}
