using Parley.Core;

namespace Parley.Readers.Html.Tests;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("2024-03-12T14:35:00+03:00", "2024-03-12T14:35:00+03:00", DatePrecision.Second)]
    [InlineData("2024-03-12T14:35:00.123Z", "2024-03-12T14:35:00Z", DatePrecision.Second)]
    [InlineData("2024-03-12T14:35+0530", "2024-03-12T14:35+05:30", DatePrecision.Minute)]
    [InlineData("2024-03-12 14:35:10-04", "2024-03-12T14:35:10-04:00", DatePrecision.Second)]
    [InlineData("2024-03-12", "2024-03-12", DatePrecision.Day)]
    [InlineData("2024-03", "2024-03", DatePrecision.Month)]
    [InlineData("2024", "2024", DatePrecision.Year)]
    [InlineData("Tue, 12 Mar 2024 09:30:00 GMT", "2024-03-12T09:30:00Z", DatePrecision.Second)]
    [InlineData("Tue, 12 Mar 2024 09:30:00 EST", "2024-03-12T09:30:00-05:00", DatePrecision.Second)]
    [InlineData("Mon, 11 Mar 2024 18:05 +0300", "2024-03-11T18:05+03:00", DatePrecision.Minute)]
    [InlineData("12 Mar 24 07:00:00 PDT", "2024-03-12T07:00:00-07:00", DatePrecision.Second)]
    [InlineData("Wed, 02 Oct 2002 13:00:00 -0000", "2002-10-02T13:00:00Z", DatePrecision.Second)]
    [InlineData("12 March 2024", "2024-03-12", DatePrecision.Day)]
    public void Parse_KnownFormats_GivesIsoAndPrecision(string raw, string iso, DatePrecision precision)
    {
        var parsed = FeedDates.Parse(raw, DateSource.FeedItem, "test")!;
        Assert.Equal(iso, parsed.ToIso());
        Assert.Equal(precision, parsed.Precision);
        Assert.Equal(raw, parsed.Raw);
        Assert.StartsWith("test: ", parsed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownZoneName_LeavesOffsetUnsetAndSaysSo()
    {
        var parsed = FeedDates.Parse("Tue, 12 Mar 2024 09:30:00 XYZ", DateSource.FeedItem, "RSS pubDate")!;
        Assert.Null(parsed.Offset);
        Assert.Equal("2024-03-12T09:30:00", parsed.ToIso());
        Assert.Contains("'XYZ' not known", parsed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoOffset_RecordsLocalTime()
    {
        var parsed = FeedDates.Parse("2022-06-08T10:12", DateSource.TimeElement, "<time>")!;
        Assert.Null(parsed.Offset);
        Assert.Contains("without offset", parsed.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024-03-12T25:00:00Z")]
    [InlineData("2024-03-12T10:00:00+15:00")]
    [InlineData("31 Feb 2024 10:00 GMT")]
    [InlineData("12/03/2024")]
    public void Parse_Invalid_ReturnsNull(string raw)
    {
        Assert.Null(FeedDates.Parse(raw, DateSource.FeedItem, "test"));
    }
}
