using Parley.Core;

namespace Parley.Readers.Tests;

public class PublicationDateParserTests
{
    private static PublicationTime Parse(string raw, DateParseContext? context = null)
    {
        Assert.True(PublicationDateParser.TryParse(raw, context ?? new DateParseContext(), out var time, out var failure), failure);
        return time!;
    }

    [Theory]
    [InlineData("08.06.2022 10:12:00", "2022-06-08T10:12:00", DatePrecision.Second)]
    [InlineData("06.06.2022", "2022-06-06", DatePrecision.Day)]
    [InlineData("21 December 2022, 19:10", "2022-12-21T19:10", DatePrecision.Minute)]
    [InlineData("12th Jan, 2023", "2023-01-12", DatePrecision.Day)]
    [InlineData("June 8, 2022", "2022-06-08", DatePrecision.Day)]
    [InlineData("2022-06-08T10:12:00+03:00", "2022-06-08T10:12:00+03:00", DatePrecision.Second)]
    [InlineData("2022-06-08T07:12:00Z", "2022-06-08T07:12:00Z", DatePrecision.Second)]
    [InlineData("Wed, 08 Jun 2022 10:12:00 GMT", "2022-06-08T10:12:00Z", DatePrecision.Second)]
    [InlineData("Wed, 08 Jun 2022 10:12:00 +0300", "2022-06-08T10:12:00+03:00", DatePrecision.Second)]
    [InlineData("2023-07", "2023-07", DatePrecision.Month)]
    [InlineData("July 2023", "2023-07", DatePrecision.Month)]
    [InlineData("2022", "2022", DatePrecision.Year)]
    [InlineData("Published September 19, 2022 | 08:32 PM", "2022-09-19T20:32", DatePrecision.Minute)]
    [InlineData("14:50 25 April 2024", "2024-04-25T14:50", DatePrecision.Minute)]
    [InlineData("Tuesday 1 Mar 2022", "2022-03-01", DatePrecision.Day)]
    [InlineData("Updated May 10th 2025, 11:41 IST", "2025-05-10T11:41", DatePrecision.Minute)]
    [InlineData("2023-12-14 (date of the archive record)", "2023-12-14", DatePrecision.Day)]
    [InlineData("2022/06/08", "2022-06-08", DatePrecision.Day)]
    public void TryParse_PublishedFormats_GivesValueAndPrecision(string raw, string iso, DatePrecision precision)
    {
        var time = Parse(raw);
        Assert.Equal(iso, time.ToIso());
        Assert.Equal(precision, time.Precision);
        Assert.Equal(raw, time.Raw);
        Assert.False(string.IsNullOrWhiteSpace(time.Rule));
    }

    [Fact]
    public void TryParse_AmbiguousDots_DayFirstByEuropeanConvention()
    {
        var time = Parse("08.06.2022");
        Assert.Equal(new DateOnly(2022, 6, 8), time.Date);
        Assert.Equal("ambiguous 08.06.2022; day-first because '.' separator (European convention)", time.Rule);
    }

    [Fact]
    public void TryParse_ImpossibleMonth_Decides()
    {
        var time = Parse("13.06.2022", new DateParseContext { Order = DateOrder.MonthFirst });
        Assert.Equal(new DateOnly(2022, 6, 13), time.Date);
        Assert.Contains("13 cannot be a month", time.Rule, StringComparison.Ordinal);

        var us = Parse("06/13/2022");
        Assert.Equal(new DateOnly(2022, 6, 13), us.Date);
        Assert.Contains("month-first because 13 cannot be a month", us.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AmbiguousSlashes_MonthFirstUsConvention()
    {
        var time = Parse("8/6/2022");
        Assert.Equal(new DateOnly(2022, 8, 6), time.Date);
        Assert.Contains("month-first because '/' separator (US convention", time.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.example.kz/en/news/item", ".kz")]
    [InlineData("https://news.example.by/2022/item", ".by")]
    [InlineData("https://example.ru/item", ".ru")]
    [InlineData("https://www.example.gov.uk/news/item", ".uk")]
    public void TryParse_AmbiguousSlashesOnCountryDomain_DayFirst(string url, string domain)
    {
        var time = Parse("8/6/2022", new DateParseContext { Url = url });
        Assert.Equal(new DateOnly(2022, 6, 8), time.Date);
        Assert.Contains($"day-first because '/' separator and the URL's country domain {domain}", time.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AmbiguousSlashesWithSiteLanguage_FollowsLanguage()
    {
        Assert.Equal(new DateOnly(2022, 6, 8), Parse("8/6/2022", new DateParseContext { Language = "en-GB" }).Date);
        Assert.Equal(new DateOnly(2022, 8, 6), Parse("8/6/2022", new DateParseContext { Language = "en-US" }).Date);
    }

    [Theory]
    [InlineData(DateOrder.MonthFirst, "08.06.2022", 8, 6, "month-first by override")]
    [InlineData(DateOrder.DayFirst, "8/6/2022", 6, 8, "day-first by override")]
    public void TryParse_Override_WinsOnAmbiguousDates(DateOrder order, string raw, int month, int day, string rule)
    {
        var time = Parse(raw, new DateParseContext { Order = order, Url = "https://example.com/x" });
        Assert.Equal(new DateOnly(2022, month, day), time.Date);
        Assert.Contains(rule, time.Rule, StringComparison.Ordinal);
        Assert.StartsWith("ambiguous", time.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_YearlessDate_TakesYearFromReferenceOrUrl()
    {
        var fromReference = Parse("15 February", new DateParseContext { Reference = new DateOnly(2024, 2, 16) });
        Assert.Equal(new DateOnly(2024, 2, 15), fromReference.Date);
        Assert.Contains("reference date", fromReference.Rule, StringComparison.Ordinal);

        var previousYear = Parse("December 30", new DateParseContext { Reference = new DateOnly(2024, 1, 2) });
        Assert.Equal(new DateOnly(2023, 12, 30), previousYear.Date);

        var fromUrl = Parse("May 8", new DateParseContext { Url = "https://example.com/news/2021/item-1234" });
        Assert.Equal(new DateOnly(2021, 5, 8), fromUrl.Date);
        Assert.Contains("from the URL", fromUrl.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Friday, August 28")]
    [InlineData("not a date at all")]
    [InlineData("31.02.2022")]
    [InlineData("")]
    public void TryParse_NoUsableDate_FailsWithReason(string raw)
    {
        Assert.False(PublicationDateParser.TryParse(raw, new DateParseContext(), out var time, out var failure));
        Assert.Null(time);
        Assert.False(string.IsNullOrWhiteSpace(failure));
    }

    [Fact]
    public void TryParse_SourceIsRecorded()
    {
        var time = Parse("2022-06-08", new DateParseContext { Source = DateSource.RecordField });
        Assert.Equal(DateSource.RecordField, time.Source);
    }

    [Fact]
    public void YearFromUrl_SingleYear_IsFound()
    {
        Assert.Equal(2023, PublicationDateParser.YearFromUrl("https://example.org/news/2023/july/12345/"));
        Assert.Equal(2023, PublicationDateParser.YearFromUrl("https://example.org/a-b-20230309-0005.html"));
        Assert.Null(PublicationDateParser.YearFromUrl("https://example.org/2019/to/2023"));
        Assert.Null(PublicationDateParser.YearFromUrl("https://example.org/item/561399"));
    }
}
