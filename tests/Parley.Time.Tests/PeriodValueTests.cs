namespace Parley.Time.Tests;

/// <summary>
/// Values of periods named relative to a year ("the year", "next year's first quarter", "the last half of 2023")
/// and of bare months in reported plans, in sentences of our own. Unless a test says otherwise the DCT is
/// Wednesday 21 September 2022.
/// </summary>
public sealed class PeriodValueTests
{
    private const string Dct = "2022-09-21";

    [Theory]
    [InlineData("For the year, copper output in Peru was flat.", "the year")]
    [InlineData("Shares of the Peruvian miner hit a high for the year in June.", "the year")]
    [InlineData("Planting in Malawi was delayed earlier in the year by floods.", "the year")]
    [InlineData("The Danish brewer expects lower earnings for the fiscal year.", "the fiscal year")]
    public void TheYear_NotEndedOnADay_IsTheYearOfTheDct(string sentence, string surface)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal("2022", t.Value);
    }

    [Theory]
    [InlineData("The Kenyan tea board had revenue of $9 million for the year ended June 30.", "the year")]
    [InlineData("In the fiscal year ended March 31, the Kenyan tea board lost money.", "the fiscal year")]
    [InlineData("Margins at the Danish brewer should widen throughout the fiscal year.", "the fiscal year")]
    [InlineData("In the year since the coup in Mali, gold exports fell.", "the year")]
    public void TheYearEndedOnADayOrSpannedThroughout_IsATwelveMonthDuration(string sentence, string surface)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal("P1Y", t.Value);
    }

    [Theory]
    [InlineData("The Vietnamese rice tariff could take effect in next year's first quarter.", "next year's first quarter", "2023-Q1")]
    [InlineData("Sales of the Uruguayan dairy in this year's third quarter fell.", "this year's third quarter", "2022-Q3")]
    [InlineData("The Uruguayan dairy lost money in last year's second half.", "last year's second half", "2021-H2")]
    public void PossessiveRelativeYear_NamesTheYearOfTheQuarter(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Morocco expects weaker phosphate exports in the last half of 2023.", "the last half of 2023", "2023-H2")]
    [InlineData("Morocco expects weaker phosphate exports through the first two quarters of 2024.", "the first two quarters of 2024", "2024-H1")]
    public void HalfNamedByLastHalfOrTwoQuarters_IsTheHalfYear(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Fact]
    public void LastHalfOfADecade_IsNotAHalfYear()
    {
        var (_, layer) = TestSupport.Annotate("Growth in Ecuador slowed in the last half of the '90s.", Dct);
        Assert.DoesNotContain(layer.Expressions, x => x.Value is { } v && v.Contains("-H", StringComparison.Ordinal));
    }

    [Fact]
    public void BareNextMonthInAPastClause_IsTheComingMonth()
    {
        // written in August: a past report of a plan for September is this year's September
        var (doc, layer) = TestSupport.Annotate("Oman told Japanese refiners of a cut in its crude supply in September.", "2022-08-10");
        Assert.Equal("2022-09", TestSupport.Find(doc, layer, "September").Value);
    }

    [Fact]
    public void BareMonthFurtherAheadInAPastClause_IsLastYears()
    {
        var (doc, layer) = TestSupport.Annotate("The Omani oil minister resigned in November.", "2022-08-10");
        Assert.Equal("2021-11", TestSupport.Find(doc, layer, "November").Value);
    }

    [Fact]
    public void Overnight_IsTheNightBeforeTheDct()
    {
        var (doc, layer) = TestSupport.Annotate("Overnight, rebels shelled the Somali port.", Dct);
        Assert.Equal("2022-09-20", TestSupport.Find(doc, layer, "Overnight").Value);
    }

    [Fact]
    public void Overnight_InAStoryAboutAnEarlierDay_IsTheNightBeforeThatDay()
    {
        var (doc, layer) = TestSupport.Annotate("Copper prices in Santiago fell on Friday. Traders blamed overnight losses in Tokyo.", Dct);
        Assert.Equal("2022-09-16", TestSupport.Find(doc, layer, "Friday").Value);
        Assert.Equal("2022-09-15", TestSupport.Find(doc, layer, "overnight").Value);
    }

    [Fact]
    public void ComparisonBaseline_DoesNotMoveTheReferenceTime()
    {
        var (doc, layer) = TestSupport.Annotate("Tunisian olive oil exports rose 8% from a year ago. Prices were flat compared with a year earlier.", Dct);
        Assert.Equal("2021", TestSupport.Find(doc, layer, "a year ago").Value);
        Assert.Equal("2021", TestSupport.Find(doc, layer, "a year earlier").Value);
    }

    [Theory]
    [InlineData("The Bolivian tin mine will not turn a profit until 2025 or later.", "2025 or later", "2025", "ON_OR_AFTER")]
    [InlineData("Forecasts of Bolivian tin output for 2024 and beyond were cut.", "2024 and beyond", "2024", "ON_OR_AFTER")]
    [InlineData("The Bolivian ministry wants the survey finished by 2019 or earlier, officials said.", "2019 or earlier", "2019", "ON_OR_BEFORE")]
    [InlineData("The Ghanaian loan should be repaid around Nov. 1.", "around Nov. 1", "2022-11-01", "APPROX")]
    public void OpenEndedOrApproximateDate_KeepsTheDateWithAMod(string sentence, string surface, string value, string mod)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal(value, t.Value);
        Assert.Equal(mod, t.Mod);
    }

    [Fact]
    public void DateFollowedByAndLaterVerb_IsNotOpenEnded()
    {
        var (doc, layer) = TestSupport.Annotate("The Ghanaian envoy arrived in October 2021 and later met the king.", Dct);
        Assert.Null(TestSupport.Find(doc, layer, "October 2021").Mod);
    }

    [Theory]
    [InlineData("In Nepal, today is the fifth day of the fuel blockade.", "the fifth day")]
    [InlineData("It's the second day of a general strike in Lagos.", "the second day")]
    [InlineData("The general strike in Lagos is in its third day of disruption today.", "third day")]
    public void OrdinalDayOfARunningEventSaidInThePresent_IsTheDctDay(string sentence, string surface)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(Dct, t.Value);
    }

    [Fact]
    public void OrdinalDayInAPastNarrative_IsNotTheDctDay()
    {
        var (_, layer) = TestSupport.Annotate("On the second day of the talks, the Nepali delegation walked out.", Dct);
        Assert.DoesNotContain(layer.Expressions, x => x.Value == Dct);
    }

    [Fact]
    public void ThenCurrent_IsAPastReference()
    {
        var t = TestSupport.Timex("Holders could buy shares at half the then current market price.", Dct, "then current");
        Assert.Equal("PAST_REF", t.Value);
    }

    [Fact]
    public void BaseFormVerbWithASubject_IsAFinitePresentThatLooksAhead()
    {
        // DCT Friday 1 May 1998: the ministers "meet" (simple present of a scheduled event) on the coming Monday
        var (doc, layer) = TestSupport.Annotate("He and Chilean leader Ana Soto meet separately Monday with the Peruvian envoy.", "1998-05-01");
        Assert.Equal("1998-05-04", TestSupport.Find(doc, layer, "Monday").Value);
    }
}
