namespace Parley.Actors.Tests;

public class ResolverTests
{
    private static ActorResolver R => TestSupport.Resolver;

    [Theory]
    // the cases of the issue
    [InlineData("the Chairman of the Committee on International Relations, Defence and Security of the Senate of the Parliament of the Republic of Kazakhstan", "KAZ", null, "LEG")]
    [InlineData("Kazakh Senate", "KAZ", null, "LEG")]
    [InlineData("Belarusian side", "BLR", null, null)]
    [InlineData("the Council of the Republic of the National Assembly of Belarus", "BLR", null, "LEG")]
    [InlineData("US Ambassador to Kazakhstan", "USA", null, "GOV")]
    [InlineData("UN Secretary-General", null, "UN", "GOV")]
    [InlineData("OSCE Parliamentary Assembly", null, "OSCE PA", "LEG")]
    [InlineData("Minsk said", "BLR", null, "GOV")]
    // Europe and Eurasia
    [InlineData("the Speaker of the State Duma", "RUS", null, "LEG")]
    [InlineData("Federation Council", "RUS", null, "LEG")]
    [InlineData("Russian Defence Minister", "RUS", null, "GOV")]
    [InlineData("the Kremlin", "RUS", null, "GOV")]
    [InlineData("Verkhovna Rada", "UKR", null, "LEG")]
    [InlineData("Ukrainian troops", "UKR", null, "MIL")]
    [InlineData("deputies of the Mazhilis", "KAZ", null, "LEG")]
    [InlineData("Oliy Majlis", "UZB", null, "LEG")]
    [InlineData("Jogorku Kenesh", "KGZ", null, "LEG")]
    [InlineData("Milli Majlis of Azerbaijan", "AZE", null, "LEG")]
    [InlineData("the Minister of Foreign Affairs of the Republic of Azerbaijan", "AZE", null, "GOV")]
    [InlineData("Ambassador of Turkmenistan to Belarus", "TKM", null, "GOV")]
    [InlineData("Kyrgyzstani delegation", "KGZ", null, null)]
    [InlineData("Tajik parliamentarians", "TJK", null, "LEG")]
    [InlineData("German Bundestag", "DEU", null, "LEG")]
    [InlineData("Polish Sejm", "POL", null, "LEG")]
    [InlineData("the French Embassy in Moscow", "FRA", null, "GOV")]
    [InlineData("Turkish police", "TUR", null, "COP")]
    [InlineData("British Foreign Secretary", "GBR", null, "GOV")]
    [InlineData("Byelorussia", "BLR", null, null)]
    [InlineData("Kirghizia", "KGZ", null, null)]
    // Middle East, Asia
    [InlineData("Israeli troops", "ISR", null, "MIL")]
    [InlineData("the Knesset", "ISR", null, "LEG")]
    [InlineData("Iranian parliament speaker", "IRN", null, "LEG")]
    [InlineData("Chinese Foreign Ministry spokesman", "CHN", null, "GOV")]
    [InlineData("National People's Congress", "CHN", null, "LEG")]
    [InlineData("Lok Sabha", "IND", null, "LEG")]
    [InlineData("Japanese Prime Minister", "JPN", null, "GOV")]
    [InlineData("Pakistani army chief", "PAK", null, "MIL")]
    [InlineData("Beijing", "CHN", null, "GOV")]
    [InlineData("Washington", "USA", null, "GOV")]
    [InlineData("Brussels", null, "EU", null)]
    // Africa, Americas
    [InlineData("Egyptian opposition", "EGY", null, "OPP")]
    [InlineData("South African President", "ZAF", null, "GOV")]
    [InlineData("Nigerian senators", "NGA", null, "LEG")]
    [InlineData("Kenyan police", "KEN", null, "COP")]
    [InlineData("Brazilian Supreme Court", "BRA", null, "JUD")]
    [InlineData("Mexican lawmakers", "MEX", null, "LEG")]
    [InlineData("U.S. Congress", "USA", null, "LEG")]
    [InlineData("the Pentagon", "USA", null, "GOV")]
    // organisations
    [InlineData("members of the European Parliament", null, "EU", "LEG")]
    [InlineData("European Commission", null, "EU", "GOV")]
    [InlineData("NATO Secretary General", null, "NATO", "GOV")]
    [InlineData("Secretary General of the CSTO", null, "CSTO", "GOV")]
    [InlineData("CIS Interparliamentary Assembly", null, "CIS IPA", "LEG")]
    [InlineData("Parliamentary Assembly of the Council of Europe", null, "PACE", "LEG")]
    [InlineData("the UN Security Council", null, "UNSC", null)]
    [InlineData("International Atomic Energy Agency", null, "IAEA", null)]
    [InlineData("WHO", null, "WHO", null)]
    [InlineData("Shanghai Cooperation Organisation", null, "SCO", null)]
    [InlineData("ASEAN Inter-Parliamentary Assembly", null, "AIPA", "LEG")]
    [InlineData("Inter-Parliamentary Union", null, "IPU", "LEG")]
    [InlineData("Eurasian Economic Union", null, "EAEU", null)]
    public void Resolve_KnownMentions(string text, string? country, string? org, string? sector)
    {
        var r = R.Resolve(text);
        Assert.NotNull(r);
        Assert.Equal((country, org, sector), (r.Country, r.Org, r.Sector));
        Assert.NotEmpty(r.Evidence);
        Assert.InRange(r.Confidence, 0.0, 1.0);
    }

    [Theory]
    [InlineData("who said that")]
    [InlineData("it is up to us")]
    [InlineData("the weather was fine")]
    public void Resolve_OrdinaryWords_AreNotActors(string text) => Assert.Null(R.Resolve(text));

    [Fact]
    public void Resolve_HowNamesTheDecidingEvidence()
    {
        Assert.Equal("demonym", R.Resolve("Belarusian side")!.How);
        Assert.Equal("capital-metonym", R.Resolve("Minsk said")!.How);
        Assert.Equal("igo", R.Resolve("OSCE Parliamentary Assembly")!.How);
        Assert.Equal("institution", R.Resolve("State Duma")!.How);
        Assert.Equal("country-name", R.Resolve("Kazakhstan")!.How);
        Assert.Equal("abbreviation", R.Resolve("US Ambassador to Kazakhstan")!.How);
    }

    [Fact]
    public void Resolve_DestinationAfterTo_IsNotTheActorsCountry()
    {
        var r = R.Resolve("Ambassador to Kazakhstan");
        Assert.NotNull(r);
        Assert.Null(r.Country);
        Assert.Equal("GOV", r.Sector);
        Assert.Contains(r.Evidence, e => e.Contains("destination", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ContextCountry_FillsBareInstitutions()
    {
        var r = R.Resolve("the Senate", contextCountry: "KAZ");
        Assert.Equal(("KAZ", "LEG"), (r!.Country, r.Sector));
        Assert.Null(R.Resolve("the Senate")!.Country);
    }

    [Fact]
    public void Resolve_Person_WithinDates_GivesCountryAndRole()
    {
        var r = R.Resolve("Putin", new DateOnly(2005, 6, 1));
        Assert.NotNull(r);
        Assert.Equal(("RUS", "GOV", "person-dated"), (r.Country, r.Sector, r.How));
        Assert.NotNull(r.ValidFrom);
        Assert.True(r.ValidFrom <= new DateOnly(2005, 6, 1) && new DateOnly(2005, 6, 1) <= r.ValidTo);
    }

    [Fact]
    public void Resolve_Person_OutsideDates_HasNoCountry()
    {
        var r = R.Resolve("Vladimir Putin", new DateOnly(1960, 1, 1));
        Assert.NotNull(r);
        Assert.Null(r.Country);
        Assert.Equal("person-out-of-dates", r.How);
    }

    [Fact]
    public void Resolve_Person_SpellingVariant_MatchesByFoldedKey()
    {
        var a = R.Resolve("Alyaksandr Lukashenka", new DateOnly(2010, 1, 1));
        var b = R.Resolve("Alyaksandr Lukashenko", new DateOnly(2010, 1, 1));
        Assert.Equal(("BLR", "GOV"), (a!.Country, a.Sector));
        Assert.Equal(("BLR", "GOV"), (b!.Country, b.Sector));
        Assert.True(b.Confidence < a.Confidence);
    }

    [Theory]
    [InlineData("Lukashenko")]
    [InlineData("Lukashenka")]
    [InlineData("President Lukashenko")]
    [InlineData("Belarusian leader Alexander Lukashenko")]
    public void Resolve_Surname_FindsTheDatedPerson(string text)
    {
        var r = R.Resolve(text, new DateOnly(2005, 5, 1));
        Assert.Equal(("BLR", "GOV", "person-dated"), (r!.Country, r.Sector, r.How));
    }

    [Fact]
    public void Resolve_TransliteratedSurnames_AgreeWithinDates()
    {
        var a = R.Resolve("Tokayev", new DateOnly(2005, 5, 1));
        var b = R.Resolve("Tokaev", new DateOnly(2005, 5, 1));
        Assert.Equal(("KAZ", "GOV"), (a!.Country, a.Sector));
        Assert.Equal(("KAZ", "GOV"), (b!.Country, b.Sector));
        Assert.Contains(b.Evidence, e => e.Contains("folded key", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_IgoPersonCode_MapsToOrg()
    {
        var r = R.Resolve("Kofi Annan", new DateOnly(2000, 1, 1));
        Assert.Equal("UN", r!.Org);
    }

    [Fact]
    public void Resolve_ManyThreads_SameAnswers()
    {
        string[] texts = ["Kazakh Senate", "US Ambassador to Kazakhstan", "OSCE Parliamentary Assembly", "Belarusian side", "Putin"];
        var expected = texts.Select(t => R.Resolve(t, new DateOnly(2010, 1, 1))!.Country).ToArray();
        Parallel.For(0, 200, i =>
        {
            var k = i % texts.Length;
            Assert.Equal(expected[k], R.Resolve(texts[k], new DateOnly(2010, 1, 1))!.Country);
        });
    }

    [Fact]
    public void Load_DataIsSmallAndComplete()
    {
        // load time and memory are measured by './parley bench actors', never asserted in tests
        var resolver = ActorResolver.Load(TestSupport.DataDir);
        Assert.InRange(resolver.PhraseCount, 20_000, 2_000_000);
        var bytes = Directory.GetFiles(TestSupport.DataDir).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1_000_000, 20_000_000);
        Assert.True(File.ReadLines(Path.Combine(TestSupport.DataDir, "curated-igos.tsv")).Count() > 200);
        Assert.Equal("Belarus", resolver.CountryName("BLR"));
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDataFileError()
    {
        var ex = Assert.Throws<Parley.Core.ParleyException>(() => ActorResolver.Load(TestSupport.TempDir()));
        Assert.Equal("PRL2004", ex.Diagnostic.Error.Code);
    }
}

public class ResolverRuleTests
{
    private static ActorResolver R => TestSupport.Resolver;

    [Theory]
    [InlineData("Boris Johnson", "2010-01-01")]
    [InlineData("Gabriel Boric", "2023-01-01")]
    public void Resolve_PartOfAnUnknownFullName_IsNoMatchForAnotherPerson(string text, string date)
    {
        var r = R.Resolve(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(r?.Country);
    }

    [Fact]
    public void Resolve_PatronymicBetweenNameAndSurname_StillFindsThePerson()
    {
        var r = R.Resolve("Alexander Grigoryevich Lukashenko", new DateOnly(2010, 1, 1));
        Assert.Equal(("BLR", "GOV"), (r!.Country, r.Sector));
    }

    [Theory]
    [InlineData("President of the Senate", "LEG")]
    [InlineData("President of the European Commission", "GOV")]
    [InlineData("President of Kazakhstan", "GOV")]
    [InlineData("IAEA Director General", "GOV")]
    [InlineData("opposition leader", "OPP")]
    [InlineData("Kazakh leader", "GOV")]
    [InlineData("rebel soldiers", "REB")]
    [InlineData("doctors", "HLH")]
    [InlineData("journalists", "MED")]
    public void Resolve_SectorRules(string text, string sector) => Assert.Equal(sector, R.Resolve(text)!.Sector);

    [Theory]
    [InlineData("the weather was fine", "no known")]
    [InlineData("Ambassador to Kazakhstan and", "destination")]
    public void ExplainUnresolved_SaysWhy(string text, string reason)
    {
        Assert.Contains(reason, R.ExplainUnresolved(text), StringComparison.Ordinal);
    }
}
