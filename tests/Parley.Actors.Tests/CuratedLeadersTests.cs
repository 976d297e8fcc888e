namespace Parley.Actors.Tests;

public class CuratedLeadersTests
{
    private static ActorResolver R => TestSupport.Resolver;

    [Theory]
    [InlineData("Mark Rutte", "2015-01-01", "NLD", null, "GOV")]
    [InlineData("Mark Rutte", "2025-01-01", null, "NATO", "GOV")]
    [InlineData("Donald Tusk", "2016-01-01", null, "EU", "GOV")]
    [InlineData("Donald Tusk", "2024-06-01", "POL", null, "GOV")]
    [InlineData("Kassym-Jomart Tokayev", "2012-01-01", null, "UN", "GOV")]
    [InlineData("Kassym-Jomart Tokayev", "2016-01-01", "KAZ", null, "LEG")]
    [InlineData("Tokayev", "2023-01-01", "KAZ", null, "GOV")]
    [InlineData("Mishustin", "2021-01-01", "RUS", null, "GOV")]
    [InlineData("Volodymyr Zelenskyy", "2024-01-01", "UKR", null, "GOV")]
    [InlineData("Lindsay Hoyle", "2024-01-01", "GBR", null, "LEG")]
    public void Resolve_CuratedLeader_AppliesTheRoleOfTheDate(string text, string date, string? country, string? org, string? sector)
    {
        var r = R.Resolve(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(r);
        Assert.Equal((country, org, sector, "person-dated"), (r.Country, r.Org, r.Sector, r.How));
        Assert.True(r.ValidFrom <= DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Resolve_CuratedLeader_KeepsPetrarchRolesBeforeTheCuratedOnes()
    {
        // Putin's 1990s roles are only in PETRARCH2; the curated rows start in 1999
        var r = R.Resolve("Vladimir Putin", new DateOnly(2023, 1, 1));
        Assert.Equal(("RUS", "GOV"), (r!.Country, r.Sector));
        Assert.Contains("curated-leaders", r.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CuratedLeader_OutsideEveryRole_HasNoCountry()
    {
        var r = R.Resolve("Rishi Sunak", new DateOnly(2010, 1, 1));
        Assert.Equal(("person-out-of-dates", null), (r!.How, r.Country));
    }

    [Fact]
    public void CuratedLeaders_FileIsValidAndStatesItsSource()
    {
        var lines = File.ReadAllLines(Path.Combine(TestSupport.DataDir, "curated-leaders.tsv"));
        Assert.StartsWith("#", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.TakeWhile(l => l.StartsWith('#')), l => l.Contains("general knowledge", StringComparison.Ordinal) && l.Contains("checked", StringComparison.Ordinal));
        var rows = lines.SkipWhile(l => l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.True(rows.Count >= 300, $"{rows.Count} rows");
        Assert.All(rows, f =>
        {
            Assert.Equal(8, f.Length);
            Assert.True(f[0].Length == 0 ^ f[1].Length == 0, string.Join('|', f));
            var from = DateOnly.ParseExact(f[5], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (f[6].Length > 0)
            {
                Assert.True(from <= DateOnly.ParseExact(f[6], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), string.Join('|', f));
            }
        });
        string[] g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF"];
        string[] postSoviet = ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"];
        var countries = rows.Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(g20.Concat(postSoviet), c => Assert.Contains(c, countries));
        var orgs = rows.Select(f => f[1]).ToHashSet(StringComparer.Ordinal);
        Assert.All(new[] { "UN", "EU", "NATO", "OSCE", "CSTO", "SCO", "AU", "ASEAN" }, o => Assert.Contains(o, orgs));
    }
}
