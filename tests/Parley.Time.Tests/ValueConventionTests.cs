namespace Parley.Time.Tests;

/// <summary>
/// TimeML value conventions added for the issue 5 value gate, in sentences of our own. Unless a test says
/// otherwise the DCT is Wednesday 21 September 2022.
/// </summary>
public sealed class ValueConventionTests
{
    private const string Dct = "2022-09-21";

    [Theory]
    [InlineData("In March this year, Chile and Peru signed a fisheries accord.", "March this year", "2022-03")]
    [InlineData("In May last year, the border with Bolivia was closed.", "May last year", "2021-05")]
    [InlineData("The Ghanaian envoy will return in April of next year.", "April of next year", "2023-04")]
    [InlineData("On June 5 last year, the Fijian parliament was dissolved.", "June 5 last year", "2021-06-05")]
    public void MonthWithARelativeYear_IsOneExpressionOfThatYear(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        var t = TestSupport.Find(doc, layer, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
        Assert.DoesNotContain(layer.Expressions, x => doc.Slice(x.Span) is "this year" or "last year" or "next year");
    }

    [Fact]
    public void LastSeason_WrittenDuringThatSeason_IsTheYearBefore()
    {
        // DCT in July: the summer under way is "this summer", so "last summer" is the one a year earlier
        var (doc, layer) = TestSupport.Annotate("Last summer, floods in Niger destroyed the harvest.", "2022-07-20");
        Assert.Equal("2021-SU", TestSupport.Find(doc, layer, "Last summer").Value);
    }

    [Fact]
    public void LastSeason_WrittenAfterIt_IsTheSameYear()
    {
        var (doc, layer) = TestSupport.Annotate("Last spring, floods in Niger destroyed the harvest.", "2022-07-20");
        Assert.Equal("2022-SP", TestSupport.Find(doc, layer, "Last spring").Value);
    }

    [Fact]
    public void BareSeasonInAPastClause_IsTheLatestBegun()
    {
        var (doc, layer) = TestSupport.Annotate("The rains in Chad came late in the summer.", "2022-07-20");
        Assert.Equal("2022-SU", TestSupport.Find(doc, layer, "the summer").Value);
    }

    [Fact]
    public void TheLastDecade_IsThePreviousDecadeWithTheArticle()
    {
        var t = TestSupport.Timex("Over the last decade, Kenya's exports fell.", Dct, "the last decade");
        Assert.Equal("DATE", t.Type);
        Assert.Equal("201", t.Value);
    }

    [Fact]
    public void ThePastDecade_IsTheTenYearsUpToTheDct()
    {
        var t = TestSupport.Timex("Exports from Kenya fell in the past decade.", Dct, "the past decade");
        Assert.Equal("DURATION", t.Type);
        Assert.Equal("P10Y", t.Value);
    }

    [Theory]
    [InlineData("The Senate met on Monday. The blast hit the port at 10:30 a.m. local time on Friday.", "10:30 a.m. local time", "2022-09-16T10:30")]
    [InlineData("The Senate met on Monday. The blast hit the port at 10:40 a.m. (0740 GMT) Friday.", "10:40 a.m.", "2022-09-16T10:40")]
    [InlineData("The Senate met on Monday. The summit in Lima opens at 9 a.m. on Sept. 28.", "9 a.m.", "2022-09-28T09:00")]
    public void ClockTimeFollowedByADay_TakesThatDay(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("TIME", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void MonthDayClosingASentence_TakesTheTenseOfItsOwnSentence()
    {
        // the abbreviated month and the day stay in their sentence, so the future "will be held" decides the year,
        // not the past tense of the sentence after
        var (doc, layer) = TestSupport.Annotate("The run-off in Zambia will be held on Feb. 3. Turnout fell sharply.", Dct);
        Assert.Equal("2023-02-03", TestSupport.Find(doc, layer, "Feb. 3").Value);
    }

    [Theory]
    [InlineData("Riots broke out in Lusaka two days after the election.", "two days", "P2D")]
    [InlineData("Women flew only twenty years after the first pilots were trained in Togo.", "twenty years", "P20Y")]
    public void UnitsBeforeOrAfterAnEvent_AreADuration(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void UnitsAfterThat_CountFromTheLastDate()
    {
        var t = TestSupport.Timex("Rebels in Mali attacked on Monday. Two days after that, the army came.", Dct, "Two days after");
        Assert.Equal("DATE", t.Type);
        Assert.Equal("2022-09-21", t.Value);
    }

    [Theory]
    [InlineData("Shares in Nairobi rose Friday.", "Friday", "2022-09-16")]
    [InlineData("Coffee prices in Kampala rose sharply on Monday, but tea fell.", "Monday", "2022-09-19")]
    public void WeekdayWithAnIrregularPastVerb_IsThePastDay(string sentence, string surface, string value)
    {
        // "rose" is past whatever tag the tagger gives it, so the weekday is the one before the DCT
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Theory]
    [InlineData("Rebels in Chad attacked a convoy on Sunday. Earlier in the day, protesters marched.")]
    [InlineData("Rebels in Chad attacked a convoy on Sunday. Later in the day, the army came.")]
    public void EarlierOrLaterInTheDay_IsTheDayOfTheNarrative(string text)
    {
        var (doc, layer) = TestSupport.Annotate(text, Dct);
        Assert.Equal("2022-09-18", TestSupport.Find(doc, layer, "the day").Value);
    }

    [Theory]
    [InlineData("The airline runs four flights a week to Accra.", "a week", "P1W")]
    [InlineData("The plant in Lagos makes 300 cars a day.", "a day", "P1D")]
    [InlineData("The envoy visits Dakar twice a month.", "a month", "P1M")]
    public void RateAfterACountedNoun_IsASet(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("SET", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Between May and July, rain fell on Burundi.", "May", "2022-05")]
    [InlineData("Prices in Benin rose in April and May.", "May", "2022-05")]
    [InlineData("May and June were dry in Eritrea.", "May", "2022-05")]
    public void MayNextToAnotherMonth_IsTheMonth(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Fact]
    public void MayAsASurname_IsNotAMonth()
    {
        var (doc, layer) = TestSupport.Annotate("Theresa May and July Smith met in Oslo.", Dct);
        Assert.DoesNotContain(layer.Expressions, x => doc.Slice(x.Span) == "May");
    }

    [Theory]
    [InlineData("The trial in Kigali could take months.", "months", "PXM")]
    [InlineData("The siege of the Libyan port lasted years.", "years", "PXY")]
    public void BarePluralUnitAsTheObjectOfAVerb_IsAnUnspecifiedDuration(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal(value, t.Value);
    }
}
