namespace Parley.Time.Tests;

/// <summary>
/// Words that look temporal but are not temporal expressions in context (precision round), in sentences of our
/// own; each has a contrasting sentence where the word stays a timex. DCT: Wednesday 19 August 2015.
/// </summary>
public sealed class PrecisionTests
{
    private const string Dct = "2015-08-19";

    private static bool Tagged(string sentence, string surface)
    {
        var (doc, layer) = TestSupport.Annotate(sentence, Dct);
        return layer.Expressions.Any(x => doc.Slice(x.Span).Contains(surface, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The Chilean miner declared its first quarterly of twelve cents a share.", "quarterly")]
    [InlineData("She edits a small weekly in rural Kenya.", "weekly")]
    [InlineData("The trader read the daily, as he always did in Quito.", "daily")]
    public void FrequencyWordUsedAsANoun_IsNotASet(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Theory]
    [InlineData("The Mongolian fund reports quarterly to its members.", "quarterly")]
    [InlineData("Ferries leave Malta daily.", "daily")]
    public void FrequencyAdverb_StaysASet(string sentence, string surface) =>
        Assert.True(Tagged(sentence, surface));

    [Theory]
    [InlineData("Engineers built the rover for a venture named Lyra 1990, based in Tartu.", "1990")]
    [InlineData("The Peruvian team trained for Expo 2010 all winter.", "2010")]
    public void YearNumberAfterAName_IsNotADate(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Theory]
    [InlineData("The Latvian dam was finished in 1990.", "1990")]
    [InlineData("The Chilean port reopened after Christmas 1998.", "1998")]
    [InlineData("The Uruguayan budget for fiscal 1990 was cut.", "1990")]
    public void YearAfterATemporalWord_StaysADate(string sentence, string surface) =>
        Assert.True(Tagged(sentence, surface));

    [Theory]
    [InlineData("Schools in Nepal must train the engineers of tomorrow.", "tomorrow")]
    [InlineData("In today's world, news from Fiji travels fast.", "today")]
    public void GenericTodayOrTomorrow_IsNotADate(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Theory]
    [InlineData("The Estonian minister will arrive tomorrow.", "tomorrow")]
    [InlineData("Today's vote in Accra was calm.", "Today")]
    public void DeicticTodayOrTomorrow_StaysADate(string sentence, string surface) =>
        Assert.True(Tagged(sentence, surface));

    [Theory]
    [InlineData("Now, consider what the Bhutanese farmers lost.", "Now")]
    [InlineData("Now for the sports news from Samoa.", "Now")]
    public void DiscourseNow_IsNotADate(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Theory]
    [InlineData("Now the Moldovan court is weighing the appeal.", "Now")]
    [InlineData("The Omani ferry is now in port.", "now")]
    public void TemporalNow_StaysPresentRef(string sentence, string surface) =>
        Assert.True(Tagged(sentence, surface));

    [Theory]
    [InlineData("Exports from Chad should grow 6% annually for a decade.", "annually")]
    [InlineData("Prices in Laos rose 3 percent monthly.", "monthly")]
    public void PeriodOfAGrowthRate_IsNotASet(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Fact]
    public void AnnualAmount_StaysASet() =>
        Assert.True(Tagged("The Gabonese fund pays out $40 million annually.", "annually"));

    [Theory]
    [InlineData("The interview ran in Gazette Today, a paper read in Malawi.", "Today")]
    [InlineData("You are listening to Radio Today from Suva.", "Today")]
    public void TodayEndingAName_IsNotADate(string sentence, string surface) =>
        Assert.False(Tagged(sentence, surface));

    [Fact]
    public void TheFutureOfSomething_IsItsFateNotATime() =>
        Assert.False(Tagged("Ministers met in Riga to discuss the future of the Baltic fishing fleet.", "future"));

    [Fact]
    public void TheFutureAlone_StaysFutureRef() =>
        Assert.True(Tagged("Nobody in Tonga can predict the future.", "future"));
}
