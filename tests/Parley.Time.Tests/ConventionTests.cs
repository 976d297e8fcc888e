namespace Parley.Time.Tests;

/// <summary>
/// TimeML annotation conventions (TempEval-3 practice) in sentences of our own, with a DCT of Wednesday
/// 21 September 2022: what is an expression, its extent, and how it is anchored and normalised.
/// </summary>
public sealed class ConventionTests
{
    private const string Dct = "2022-09-21";

    [Theory]
    [InlineData("Shelling resumed last night.", "last night", "2022-09-20")]
    [InlineData("The envoys met Monday night in Quito.", "Monday night", "2022-09-19")]
    [InlineData("The cabinet met this morning.", "this morning", "2022-09-21")]
    [InlineData("The president of Malawi will address the nation tonight.", "tonight", "2022-09-21")]
    public void PartOfANamedDay_IsTheDay(string sentence, string surface, string value)
    {
        var t = TestSupport.Timex(sentence, Dct, surface);
        Assert.Equal("DATE", t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void ClockTimeWithADay_StaysATime()
    {
        var t = TestSupport.Timex("The curfew began at 10 p.m. Monday.", Dct, "10 p.m. Monday");
        Assert.Equal("TIME", t.Type);
        Assert.Equal("2022-09-19T22:00", t.Value);
    }

    [Theory]
    [InlineData("The rebels left the port. Three days later the navy arrived.", "Three days", "P3D")]
    [InlineData("The rebels left the port. A few weeks later the navy arrived.", "A few weeks", "PXW")]
    public void UnitsLater_TheDurationIsTheExpression(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        var t = TestSupport.Find(doc, layer, surface);
        Assert.Equal("DURATION", t.Type);
        Assert.Equal(value, t.Value);
        Assert.DoesNotContain(layer.Expressions, x => doc.Slice(x.Span).EndsWith("later", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The envoy from Fiji, a 58-year-old lawyer, resigned.")]
    [InlineData("Talks on future trade rules stalled.")]
    [InlineData("Troops will stay for the foreseeable future.")]
    [InlineData("The minister told \"This Week\" that talks had failed.")]
    [InlineData("The envoy, formerly a judge in Ghana, resigned.")]
    [InlineData("Talks collapsed shortly before the deadline passed.")]
    [InlineData("There are no flights to Chad at the moment.")]
    public void NonExpressions_AreNotTagged(string sentence)
    {
        var (_, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Empty(layer.Expressions);
    }

    [Theory]
    [InlineData("Refugees stayed in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M")]
    [InlineData("The vote took two and a half hours.", "two and a half hours", "PT2H30M")]
    [InlineData("The blast came a minute and a half after the alarm.", "a minute and a half", "PT1M30S")]
    public void Halves_GoToTheNextSmallerUnit(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Fact]
    public void CompoundDuration_LeavesTheArticleToTheNoun()
    {
        var (doc, layer) = TestSupport.Annotate("The ministers ended the eight-year dispute over fishing rights.", Dct);
        Assert.Equal("P8Y", TestSupport.Find(doc, layer, "eight-year").Value);
    }

    [Theory]
    [InlineData("Police in Lagos will investigate Saturday's explosion.", "Saturday", "2022-09-17")]
    [InlineData("Delegates from Oman arrived ahead of Sunday's vote.", "Sunday", "2022-09-25")]
    [InlineData("A funeral for the Estonian envoy is planned for Friday.", "Friday", "2022-09-23")]
    [InlineData("The foreign minister of Laos meets her Benin counterpart Friday in Vientiane.", "Friday", "2022-09-23")]
    [InlineData("The mayor said the bridge would reopen on Saturday.", "Saturday", "2022-09-24")]
    public void WeekdayDirection_FollowsItsSignal(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Theory]
    [InlineData("The mission will stay until mid-March.", "mid-March", "2023-03")]
    [InlineData("The report was due on Jan. 31.", "Jan. 31", "2022-01-31")]
    [InlineData("Fighting ended under an April agreement.", "April", "2022-04")]
    public void MonthDirection_FollowsItsSignal(string sentence, string surface, string value)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        Assert.Equal(value, TestSupport.Find(doc, layer, surface).Value);
    }

    [Fact]
    public void NarrativeDays_CountFromTheLastDayMentioned()
    {
        var (doc, layer) = TestSupport.Annotate(
            "Rebels entered Goma on 3 March 2021. That night the governor fled. The next day the army returned. Prices had risen from the previous Friday.",
            Dct);
        Assert.Equal("2021-03-03", TestSupport.Find(doc, layer, "That night").Value);
        Assert.Equal("2021-03-04", TestSupport.Find(doc, layer, "The next day").Value);
        var friday = TestSupport.Find(doc, layer, "the previous Friday");
        Assert.Equal("2021-02-26", friday.Value);
        Assert.StartsWith("previous:", friday.Anchor, StringComparison.Ordinal);
    }

    [Fact]
    public void YearPeriod_TakesTheQuarterOfTheSeason()
    {
        var (doc, layer) = TestSupport.Annotate("Revenue was $4 million in the 2021 quarter.", Dct);
        Assert.Equal("2021-Q2", TestSupport.Find(doc, layer, "the 2021 quarter").Value);
    }

    [Fact]
    public void SpelledYear_AfterAMonth()
    {
        var (doc, layer) = TestSupport.Annotate("The border closed in March nineteen ninety-four.", Dct);
        Assert.Equal("1994-03", TestSupport.Find(doc, layer, "March nineteen ninety-four").Value);
    }

    [Fact]
    public void BareClockTime_BelongsToTheLastDayMentioned()
    {
        var t = TestSupport.Timex("The ministers of Peru and Chile met on Monday. Talks ended at 7:15 p.m.", Dct, "7:15 p.m");
        Assert.Equal("TIME", t.Type);
        Assert.Equal("2022-09-19T19:15", t.Value);
    }

    [Fact]
    public void EarlierOnAWeekday_IsTheStartOfThatDay()
    {
        var t = TestSupport.Timex("Earlier Monday, the talks in Dakar collapsed.", Dct, "Earlier Monday");
        Assert.Equal("2022-09-19", t.Value);
        Assert.Equal("START", t.Mod);
    }
}
