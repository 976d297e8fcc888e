namespace Parley.Time.Tests;

/// <summary>
/// Forms from the TimeML guidelines that the tagger missed or valued wrongly before the coverage round, in
/// sentences of our own. DCT: Wednesday 19 August 2015 unless a test says otherwise.
/// </summary>
public sealed class CoverageGapTests
{
    private const string Dct = "2015-08-19";

    private static void AssertTimex(string sentence, string surface, string type, string value, string? mod = null, string dct = Dct)
    {
        var t = TestSupport.Timex(sentence, dct, surface);
        Assert.Equal(type, t.Type);
        Assert.Equal(value, t.Value);
        Assert.Equal(mod, t.Mod);
    }

    [Theory]
    [InlineData("The weeklong strike at the Chilean copper mine ended.", "weeklong", "P1W")]
    [InlineData("A yearlong inquiry into the Zambian bank closed.", "yearlong", "P1Y")]
    [InlineData("The monthlong siege of the Yemeni port was lifted.", "monthlong", "P1M")]
    [InlineData("The week-long festival in Goa opened on a rainy day.", "week-long", "P1W")]
    [InlineData("An hour-long speech by the Peruvian minister followed.", "hour-long", "PT1H")]
    [InlineData("The decade-long dispute between the two farms ended.", "decade-long", "P10Y")]
    [InlineData("A two-week-long tour of Angola began.", "two-week-long", "P2W")]
    [InlineData("The months-long blockade of the Bolivian border eased.", "months-long", "PXM")]
    public void LongCompound_IsADurationWithoutTheArticle(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DURATION", value);

    [Theory]
    [InlineData("Rates in Ghana will be cut by midyear.", "midyear", "2015", "MID")]
    [InlineData("The review of the Fijian budget is due in mid-year.", "mid-year", "2015", "MID")]
    [InlineData("Talks in Lima resumed in mid-month.", "mid-month", "2015-08", "MID")]
    public void MidPeriodWord_IsTheDctPeriodWithMid(string sentence, string surface, string value, string mod) =>
        AssertTimex(sentence, surface, "DATE", value, mod);

    [Theory]
    [InlineData("By the end of the decade, the Malian railway will be rebuilt.", "the end of the decade", "201", "END")]
    [InlineData("By the end of the century, the glacier may be gone.", "the end of the century", "20", "END")]
    [InlineData("At the beginning of the decade, the port was small.", "the beginning of the decade", "201", "START")]
    public void PartOfTheDecadeOrCentury_IsTheDctDecadeOrCentury(string sentence, string surface, string value, string mod) =>
        AssertTimex(sentence, surface, "DATE", value, mod);

    [Fact]
    public void NextMillennium_IsTheMillenniumNotADay()
    {
        var (doc, layer) = TestSupport.Annotate("Planners in Oslo looked to the next millennium.", "1998-08-19");
        var t = Assert.Single(layer.Expressions, x => doc.Slice(x.Span).Contains("millennium", StringComparison.Ordinal));
        Assert.Equal("2", t.Value);
    }

    [Theory]
    [InlineData("The ferry sank at 0740 GMT near the coast of Tanzania.", "0740 GMT", "2015-08-19T07:40")]
    [InlineData("Polls in Nepal opened at 0700 local time.", "0700 local time", "2015-08-19T07:00")]
    [InlineData("The quake struck Chile at 2130 GMT Tuesday.", "2130 GMT Tuesday", "2015-08-18T21:30")]
    public void TwentyFourHourClock_BeforeATimeZone_IsATime(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "TIME", value);

    [Fact]
    public void FourDigitNumber_WithoutATimeZone_IsNotATime()
    {
        var (doc, layer) = TestSupport.Annotate("The Laotian army has 1530 trucks.", Dct);
        Assert.DoesNotContain(layer.Expressions, x => x.Type == "TIME");
    }

    [Theory]
    [InlineData("On Easter Sunday, pilgrims filled the square in Lisbon.", "Easter Sunday", "2015-04-05")]
    [InlineData("The Ecuadorian shops closed on Good Friday.", "Good Friday", "2015-04-03")]
    [InlineData("Families in Ohio gathered on Thanksgiving.", "Thanksgiving", "2014-11-27")]
    [InlineData("The union will march on Labor Day.", "Labor Day", "2015-09-07")]
    [InlineData("Veterans laid wreaths on Memorial Day.", "Memorial Day", "2015-05-25")]
    [InlineData("The mayor spoke on Easter 1998.", "Easter 1998", "1998-04-12")]
    public void MovableHoliday_IsItsComputedDay(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DATE", value);

    [Theory]
    [InlineData("Third-quarter 2014 results of the Kenyan brewer improved.", "Third-quarter 2014", "2014-Q3")]
    [InlineData("Sales fell in the fourth quarter 2014.", "the fourth quarter 2014", "2014-Q4")]
    public void QuarterFollowedByAYear_IsThatYearsQuarter(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DATE", value);

    [Theory]
    [InlineData("The Tunisian ban will last for another year.", "another year", "P1Y")]
    [InlineData("The strike in Gabon could go on another week.", "another week", "P1W")]
    public void AnotherUnit_IsADurationOfOneUnit(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DURATION", value);

    [Fact]
    public void TheNightBefore_IsTheDayBeforeTheNarrativeDay()
    {
        var (doc, layer) = TestSupport.Annotate("The Latvian ferry docked on Thursday. The night before, a storm hit the coast.", Dct);
        Assert.Equal("2015-08-12", TestSupport.Find(doc, layer, "The night before").Value);
    }

    [Fact]
    public void OvernightWeekday_IsThatDay()
    {
        var t = TestSupport.Timex("Shelling in the Somali port continued overnight Monday.", Dct, "overnight Monday");
        Assert.Equal("DATE", t.Type);
        Assert.Equal("2015-08-17", t.Value);
    }

    [Theory]
    [InlineData("Buses to the Cambodian border leave every few minutes.", "every few minutes", "PTXM")]
    [InlineData("Trains from the Danish capital run every half hour.", "every half hour", "PT30M")]
    public void EveryVagueOrHalfUnit_IsASet(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("SET", t.Type);
        Assert.Equal(value, t.Value);
        Assert.Equal("EVERY", t.Quant);
    }

    [Theory]
    [InlineData("The vote in the Moldovan parliament is Friday.", "Friday", "2015-08-21")]
    [InlineData("The deadline for the Honduran offer is on Monday.", "Monday", "2015-08-24")]
    [InlineData("The Mongolian census will be on Monday.", "Monday", "2015-08-24")]
    [InlineData("The Mongolian census was on Monday.", "Monday", "2015-08-17")]
    [InlineData("The deadline for the Honduran offer is Sept. 1.", "Sept. 1", "2015-09-01")]
    public void WeekdayAsTheCopularPredicate_TakesTheCopulasTense(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DATE", value);

    [Theory]
    [InlineData("Under the Ninth Five-Year Plan, Vietnam will build new ports.")]
    [InlineData("Historians in Cairo still debate the Six-Day War.")]
    public void CompoundInACapitalisedTitle_IsNotAnExpression(string sentence)
    {
        var (_, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.DoesNotContain(layer.Expressions, x => x.Type == "DURATION");
    }

    [Fact]
    public void CompoundBeforeACommonNoun_StaysADuration() =>
        AssertTimex("Vietnam adopted a five-year plan for its ports.", "five-year", "DURATION", "P5Y");

    [Theory]
    [InlineData("In the first half of the year, Uruguayan exports rose.", "the first half of the year", "2015-H1")]
    [InlineData("In the second quarter of the year, Uruguayan exports rose.", "the second quarter of the year", "2015-Q2")]
    public void PartOfTheYear_IsOneExpressionOfTheDctYear(string sentence, string surface, string value) =>
        AssertTimex(sentence, surface, "DATE", value);

    [Theory]
    [InlineData("Historians in Kyiv studied the October Revolution.")]
    [InlineData("Students in Taipei discussed the May Fourth Movement.")]
    [InlineData("Athletes from Kenya trained for the Summer Olympics.")]
    [InlineData("The minister gave an interview to the Sunday Times.")]
    [InlineData("A film about Black September was shown in Oslo.")]
    [InlineData("Writers in Brno remembered the Prague Spring.")]
    public void CalendarWordInsideAName_IsNotAnExpression(string sentence)
    {
        var (_, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Empty(layer.Expressions);
    }

    [Theory]
    [InlineData("In October President Kagame visited Accra.", "October")]
    [InlineData("The Bolivian team won the title last summer.", "last summer")]
    public void CalendarWordBeforeAnotherName_StaysAnExpression(string sentence, string surface)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal("DATE", TestSupport.Find(doc, layer, surface).Type);
    }
}
