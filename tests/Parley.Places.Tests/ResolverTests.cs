namespace Parley.Places.Tests;

public class ResolverTests
{
    private static PlaceResolver R => TestSupport.Resolver;

    [Fact]
    public void Resolve_Capital_IsCityWithCoordinatesAndCountry()
    {
        var minsk = R.Resolve("Minsk")!;
        Assert.Equal(625144, minsk.GeoNamesId);
        Assert.Equal("BLR", minsk.Country);
        Assert.Equal(PlacePrecision.City, minsk.Precision);
        Assert.InRange(minsk.Latitude, 53.8, 54.0);
        Assert.InRange(minsk.Longitude, 27.4, 27.7);
        Assert.True(minsk.Population > 1_000_000);
        Assert.Contains("capital", minsk.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RenamedCity_FindsCurrentRecordThroughFormerName()
    {
        var astana = R.Resolve("Astana")!;
        var nurSultan = R.Resolve("Nur-Sultan")!;
        Assert.Equal(astana.GeoNamesId, nurSultan.GeoNamesId);
        Assert.Equal("Astana", nurSultan.Name);
        Assert.StartsWith("alternate-name", nurSultan.How, StringComparison.Ordinal);
        Assert.Equal("Kyiv", R.Resolve("Kiev")!.Name);
        Assert.Equal("Mumbai", R.Resolve("Bombay")!.Name);
    }

    [Fact]
    public void Resolve_Washington_IsTheCapitalAndWashingtonStateIsTheRegion()
    {
        var dc = R.Resolve("Washington, D.C.")!;
        Assert.Equal(4140963, dc.GeoNamesId);
        Assert.Equal(dc.GeoNamesId, R.Resolve("Washington")!.GeoNamesId);
        var state = R.Resolve("Washington State")!;
        Assert.Equal(PlacePrecision.Admin, state.Precision);
        Assert.Equal("WA", state.Admin1);
    }

    [Fact]
    public void Resolve_QualifiedNamesake_KeepsOnlyCandidatesInsideTheQualifier()
    {
        var texas = R.Resolve("Paris, Texas")!;
        Assert.Equal(("USA", "TX"), (texas.Country, texas.Admin1));
        Assert.Contains("qualifier", texas.How, StringComparison.Ordinal);
        Assert.Equal("FRA", R.Resolve("Paris")!.Country);
        Assert.Equal(("USA", "GA"), (R.Resolve("Athens, Georgia")!.Country, R.Resolve("Athens, Georgia")!.Admin1));
        Assert.Equal("GEO", R.Resolve("Tbilisi, Georgia")!.Country);
    }

    [Fact]
    public void Resolve_Georgia_IsTheCountryUnlessTheContextIsTheUnitedStates()
    {
        var country = R.Resolve("Georgia")!;
        Assert.Equal(("GEO", PlacePrecision.Country), (country.Country, country.Precision));
        Assert.Null(country.GeoNamesId);
        Assert.Equal(2, country.Candidates);
        var state = R.Resolve("Georgia", "USA")!;
        Assert.Equal(("USA", PlacePrecision.Admin, "GA"), (state.Country, state.Precision, state.Admin1));
        Assert.Null(state.GeoNamesId);
        Assert.Contains("context-country", state.How, StringComparison.Ordinal);
        var byDateline = R.Resolve("Georgia", null, "ATLANTA")!;
        Assert.Equal("USA", byDateline.Country);
        Assert.Contains("dateline", byDateline.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CountryNamesAndAliases_HaveCountryPrecision()
    {
        foreach (var (text, iso) in new[] { ("the Republic of Moldova", "MDA"), ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("U.S.", "USA"), ("UK", "GBR"), ("Turkey", "TUR") })
        {
            var r = R.Resolve(text);
            Assert.True(r is not null, text);
            Assert.Equal((iso, PlacePrecision.Country), (r.Country, r.Precision));
        }
    }

    [Fact]
    public void Resolve_CapitalAbbreviations_MatchOnlyInCapitals()
    {
        Assert.Equal("USA", R.Resolve("US")!.Country);
        Assert.Null(R.Resolve("us"));
    }

    [Fact]
    public void Resolve_RegionsAndDescriptors_HaveAdminPrecision()
    {
        var ontario = R.Resolve("Ontario")!;
        Assert.Equal(("CAN", PlacePrecision.Admin, "08"), (ontario.Country, ontario.Precision, ontario.Admin1));
        var donetsk = R.Resolve("Donetsk region")!;
        Assert.Equal(("UKR", PlacePrecision.Admin), (donetsk.Country, donetsk.Precision));
        var sicily = R.Resolve("Sicily region")!;
        Assert.Equal(PlacePrecision.Admin, sicily.Precision);
        Assert.Contains("descriptor", sicily.How, StringComparison.Ordinal);
        var north = R.Resolve("northern Ethiopia")!;
        Assert.Equal(("ETH", PlacePrecision.Country), (north.Country, north.Precision));
    }

    [Fact]
    public void Resolve_ContextCountry_ChoosesBetweenNamesakes()
    {
        Assert.Equal("LBY", R.Resolve("Tripoli")!.Country);
        Assert.Equal("LBN", R.Resolve("Tripoli", "LBN")!.Country);
        Assert.Equal("LBN", R.Resolve("Tripoli", null, "BEIRUT")!.Country);
        Assert.Equal("GBR", R.Resolve("Birmingham")!.Country);
        Assert.Equal("USA", R.Resolve("Birmingham", "usa")!.Country);
    }

    [Fact]
    public void Lookup_Unknown_GivesNullAndReason()
    {
        var none = R.Lookup("Xanadu Prime");
        Assert.Null(none.Resolution);
        Assert.Contains("no gazetteer name", none.Reason, StringComparison.Ordinal);
        Assert.Contains("qualifier", R.Lookup("Paris, Xanadu Prime").Reason, StringComparison.Ordinal);
        Assert.Contains("lies in", R.Lookup("Minsk, Texas").Reason, StringComparison.Ordinal);
        Assert.Contains("no letters", R.Lookup(" -- ").Reason, StringComparison.Ordinal);
        Assert.Contains("continent", R.Lookup("Asia").Reason, StringComparison.Ordinal);
        Assert.Contains("continent", R.Lookup("Western Europe").Reason, StringComparison.Ordinal);
        Assert.Contains("continent", R.Lookup("southern Africa").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_Ranked_ListsEveryCandidateBestFirstWithLowerConfidence()
    {
        var lookup = R.Lookup("Springfield");
        Assert.True(lookup.Ranked.Count >= 3);
        Assert.Equal(lookup.Resolution, lookup.Ranked[0]);
        Assert.All(lookup.Ranked, r => Assert.Equal("USA", r.Country));
        Assert.True(lookup.Ranked[0].Confidence > lookup.Ranked[1].Confidence);
        Assert.InRange(lookup.Ranked[0].Confidence, 0, 1);
    }

    [Fact]
    public void Resolve_DiacriticsCaseAndPossessive_AreIgnored()
    {
        Assert.Equal(R.Resolve("São Paulo")!.GeoNamesId, R.Resolve("SAO PAULO")!.GeoNamesId);
        Assert.Equal("NZL", R.Resolve("Wellington's")!.Country);
    }

    [Fact]
    public void Load_CountsPlacesAndKeys()
    {
        Assert.True(R.PlaceCount > 40_000);
        Assert.True(R.KeyCount > R.PlaceCount);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDataFileError()
    {
        var ex = Assert.Throws<Parley.Core.ParleyException>(() => PlaceResolver.Load(TestSupport.TempDir()));
        Assert.Equal("PRL2004", ex.Diagnostic.Error.Code);
    }
}
