namespace Parley.Time.Tests;

/// <summary>Each form the issue lists, in sentences of our own, with a DCT of Wednesday 21 September 2022.</summary>
public sealed class RecognitionTests
{
    private const string Dct = "2022-09-21";

    [Theory]
    [InlineData("The accord was signed on September 16th, 2022 in Lima.", "September 16th, 2022", "2022-09-16")]
    [InlineData("The accord was signed on 16.09.2022 in Lima.", "16.09.2022", "2022-09-16")]
    [InlineData("The accord was signed on 16 September in Lima.", "16 September", "2022-09-16")]
    [InlineData("The accord was signed on Sept. 16 in Lima.", "Sept. 16", "2022-09-16")]
    [InlineData("The accord was signed on 2022-09-16 in Lima.", "2022-09-16", "2022-09-16")]
    [InlineData("The accord was signed in August 2021 in Lima.", "August 2021", "2021-08")]
    [InlineData("The accord was signed in 1994 in Lima.", "1994", "1994")]
    [InlineData("Trade grew steadily in the 1990s.", "the 1990s", "199")]
    public void AbsoluteDates_AllNewsForms_NormaliseToCalendarValues(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void Weekday_PastClause_ResolvesToTheDayBefore()
    {
        var t = TestSupport.Timex("The foreign ministers of Peru and Ghana met on Monday in Accra.", Dct, "Monday");
        Assert.Equal("2022-09-19", t.Value);
        Assert.Equal("dct+tense:past", t.Anchor);
    }

    [Fact]
    public void Weekday_FutureClause_ResolvesToTheDayAfter()
    {
        var t = TestSupport.Timex("The prime minister of Nepal will visit Oslo on Monday.", Dct, "Monday");
        Assert.Equal("2022-09-26", t.Value);
        Assert.Equal("dct+tense:future", t.Anchor);
    }

    [Theory]
    [InlineData("Yesterday the delegation from Uruguay arrived in Seoul.", "Yesterday", "2022-09-20", null)]
    [InlineData("The talks stalled last week, officials said.", "last week", "2022-W37", null)]
    [InlineData("Earlier this month the envoy resigned.", "Earlier this month", "2022-09", "START")]
    [InlineData("Elections will be held next year, the council said.", "next year", "2023", null)]
    [InlineData("Parliament approved the budget today.", "today", "2022-09-21", null)]
    [InlineData("The summit ends tomorrow.", "tomorrow", "2022-09-22", null)]
    [InlineData("The mission closed last month.", "last month", "2022-08", null)]
    [InlineData("Two years ago the border was closed.", "Two years ago", "2020", null)]
    public void RelativeExpressions_ResolveAgainstTheDct(string sentence, string surface, string value, string? mod)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal(value, t.Value);
        Assert.Equal(mod, t.Mod);
    }

    [Fact]
    public void TheDayBefore_AnchorsOnTheLastMentionedDate()
    {
        var t = TestSupport.Timex("The treaty took effect on 3 March 2021. The day before, the ministers of Chad and Niger met in Niamey.", Dct, "The day before");
        Assert.Equal("2021-03-02", t.Value);
        Assert.StartsWith("previous:", t.Anchor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Talks will resume in early December.", "early December", "2022-12", "START")]
    [InlineData("The plant closed in late 2019.", "late 2019", "2019", "END")]
    [InlineData("The bill passed in mid-2020.", "mid-2020", "2020", "MID")]
    public void PartsOfPeriods_CarryTheirMod(string sentence, string surface, string value, string mod)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal(value, t.Value);
        Assert.Equal(mod, t.Mod);
    }

    [Theory]
    [InlineData("The ceasefire lasted two days.", "two days", "P2D")]
    [InlineData("The blockade lasted 18 months.", "18 months", "P18M")]
    [InlineData("The sides have talked for three hours.", "three hours", "PT3H")]
    [InlineData("It signed a five-year agreement with Kenya.", "five-year", "P5Y")]
    [InlineData("Prices rose over the past two months.", "the past two months", "P2M")]
    [InlineData("Negotiations took several weeks.", "several weeks", "PXW")]
    public void Durations_NormaliseToPeriods(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("The council meets each year in Vienna.", "each year", "P1Y", "EACH")]
    [InlineData("Envoys meet every Monday.", "every Monday", "XXXX-WXX-1", "EVERY")]
    [InlineData("The bulletin is published daily.", "daily", "P1D", null)]
    public void Sets_AreRecognised(string sentence, string surface, string value, string? quant)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("SET", t.Type);
        Assert.Equal(value, t.Value);
        Assert.Equal(quant, t.Quant);
    }

    [Theory]
    [InlineData("Relations have recently improved.", "recently", "PAST_REF")]
    [InlineData("The talks are now in their third round.", "now", "PRESENT_REF")]
    [InlineData("A deal may be reached in the near future.", "the near future", "FUTURE_REF")]
    public void FuzzyReferences_GetRefValues(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Theory]
    [InlineData("The talks ended at 7:15 p.m. Tuesday.", "7:15 p.m. Tuesday", "2022-09-20T19:15")]
    [InlineData("The session opens at 10:30 a.m. local time.", "10:30 a.m. local time", "2022-09-21T10:30")]
    [InlineData("The vote is due at noon tomorrow.", "noon tomorrow", "2022-09-22T12:00")]
    public void Times_CombineClockAndDay(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("TIME", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("The minister said he may resign.")]
    [InlineData("Protesters will march to the square.")]
    [InlineData("The 52 years old diplomat arrived.")]
    [InlineData("The company holds a quarter of the market.")]
    public void NonTemporalWords_AreNotTagged(string sentence)
    {
        var (_, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Empty(layer.Expressions);
    }

    [Fact]
    public void NoDct_RelativeExpressionsKeepAReasonAndAbsoluteOnesAValue()
    {
        var (doc, layer) = TestSupport.Annotate("Yesterday the envoy confirmed the treaty of 4 May 1998.", null);
        Assert.Null(layer.Dct);
        var relative = TestSupport.Find(doc, layer, "Yesterday");
        Assert.Null(relative.Value);
        Assert.Equal(TimexRules.NoDct, relative.Reason);
        var absolute = TestSupport.Find(doc, layer, "4 May 1998");
        Assert.Equal("1998-05-04", absolute.Value);
        Assert.Null(absolute.Reason);
    }
}
