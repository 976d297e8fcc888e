using System.Text;

namespace Parley.Actors.Tests;

public class ConverterTests
{
    private const string CountryActors = """
        # comment line
        BELARUS_
        +BELARUSIAN_
        +BYELORUSSIA_
        +MINSK_
        	[USRBLR <910825]
        	[BLR >911221]
        KYRGYZSTAN_  [KGZ]
        +KIRGHIZIA_
        ALYAKSANDR_LUKASHENKA_  # CountryInfo.txt
        +LUKASHENKO_
        	[BLRELI 720101-940719]
        	[BLRGOV >940720]
        VLADIMIR_PUTIN_  # CountryInfo.txt
        +PUTIN_
        	[RUSGOV 991231-080507]
        	[RUSGOV 19990809-000507]
        HAMID_KARZAI_  [AFGMIL]; CountryInfo.txt
        RUSSIA_ [RUS]
        """;

    private const string International = """
        KOFI_ANNAN_
        +SECRETARY-GENERAL_KOFI_ANNAN
        	[IGOUNO 970101-061231]
        	[ELI]# IGOrulers.txt
        UNICEF_	[IGOUNOKID]# UN Children's Fund
        NULLED_	[---]
        """;

    private const string MilNonState = """
        ABU_NIDAL_ORGANIZATION [IMGMUSALQ] #  kkl 21 Mar 13
        +FATAH_REVOLUTIONARY_COUNCIL_

        ACCOLTA_NAZINUALE_CORSA_ [FRAREB] #  kkl 21 Mar 13
        """;

    private const string PetrarchAgents = """
        # agents
        !PERSON! = MAN, MEN, WOMAN
        CONGRESS!PERSON! [~LEG}
        AMBASSADOR [~GOV] # LRP 02 Jun 2004
        ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG] # mj
        HUMAN_RIGHTS_BODY  [NGO~] # BNL
        POLICE {} [~COP]
        """;

    private const string PloverAgents = """
        SENATOR [~LEG]
        AMBASSADOR [~GOV]
        """;

    private const string NgecCountries = """
        CCA2,Name,CCA3,Nationality
        BY,Belarus,BLR,"Belarusian, Belarusians"
        KZ,Kazakhstan,KAZ,"Kazakhstani, Kazakh, Kazakhs"
        """;

    private const string Cow2Iso = """
        cow_id,cow3,iso_id,iso2,iso3,valid_from,valid_until,cname,cname_full,comments,statenme
        370,BLR,112,BY,BLR,1991,,Belarus,Belarus,,Belarus
        365,RUS,810,SU,SUN,1962,1991,USSR,USSR,,Soviet Union
        """;

    private const string WorldCountries = """
        [
          {"name": {"common": "Belarus", "official": "Republic of Belarus", "native": {"bel": {"official": "Рэспубліка Беларусь", "common": "Беларусь"}}},
           "cca3": "BLR", "altSpellings": ["BY", "Bielaruś", "Республика Белоруссия"], "capital": ["Minsk"],
           "demonyms": {"eng": {"f": "Belarusian", "m": "Belarusian"}}},
          {"name": {"common": "Kyrgyzstan", "official": "Kyrgyz Republic", "native": {"kir": {"official": "Kyrgyz Respublikasy", "common": "Kyrgyzstan"}}},
           "cca3": "KGZ", "altSpellings": ["KG"], "capital": ["Bishkek"], "demonyms": {"eng": {"f": "Kirghiz", "m": "Kirghiz"}}},
          {"name": {"common": "Russia", "official": "Russian Federation"}, "cca3": "RUS", "altSpellings": [], "capital": ["Moscow"],
           "demonyms": {"eng": {"f": "Russian", "m": "Russian"}}},
          {"name": {"common": "Afghanistan", "official": "Islamic Republic of Afghanistan"}, "cca3": "AFG", "capital": ["Kabul"]},
          {"name": {"common": "United States", "official": "United States of America"}, "cca3": "USA", "capital": ["Washington, D.C."]}
        ]
        """;

    [Fact]
    public void ParseActors_ReadsPrimarySynonymsAndDatedCodes()
    {
        var records = DictionaryParsers.ParseActors(CountryActors);
        var putin = records.Single(r => r.Primary == "VLADIMIR PUTIN");
        Assert.Equal(["PUTIN"], putin.Synonyms);
        Assert.Equal(new CodeRestriction("RUSGOV", new DateOnly(1999, 12, 31), new DateOnly(2008, 5, 7)), putin.Codes[0]);
        Assert.Equal(new CodeRestriction("RUSGOV", new DateOnly(1999, 8, 9), new DateOnly(2000, 5, 7)), putin.Codes[1]);
        var belarus = records.Single(r => r.Primary == "BELARUS");
        Assert.Equal(["BELARUSIAN", "BYELORUSSIA", "MINSK"], belarus.Synonyms);
        Assert.Equal(new CodeRestriction("USRBLR", null, new DateOnly(1991, 8, 25)), belarus.Codes[0]);
        Assert.Equal(new CodeRestriction("BLR", new DateOnly(1991, 12, 21), null), belarus.Codes[1]);
        Assert.Equal("AFGMIL", records.Single(r => r.Primary == "HAMID KARZAI").Codes.Single().Code);
    }

    [Fact]
    public void ParseActors_InlineCodesAndNullCodes()
    {
        var records = DictionaryParsers.ParseActors(International);
        var annan = records.Single(r => r.Primary == "KOFI ANNAN");
        Assert.Equal(["IGOUNO", "ELI"], annan.Codes.Select(c => c.Code));
        Assert.Equal("IGOUNOKID", records.Single(r => r.Primary == "UNICEF").Codes.Single().Code);
        Assert.Empty(records.Single(r => r.Primary == "NULLED").Codes);
        var mil = DictionaryParsers.ParseActors(MilNonState);
        Assert.Equal(["FATAH REVOLUTIONARY COUNCIL"], mil.Single(r => r.Primary == "ABU NIDAL ORGANIZATION").Synonyms);
    }

    [Fact]
    public void ParseAgents_ExpandsSubstitutionsAndPlurals()
    {
        var agents = DictionaryParsers.ParseAgents(PetrarchAgents);
        Assert.Contains(new AgentRecord("CONGRESSWOMAN", "~LEG"), agents);
        Assert.Contains(new AgentRecord("CONGRESSMEN", "~LEG"), agents);
        Assert.Contains(new AgentRecord("ATTORNEYS GENERAL", "~GOVATG"), agents);
        Assert.Contains(new AgentRecord("HUMAN RIGHTS BODY", "NGO~"), agents);
        Assert.Contains(new AgentRecord("POLICE", "~COP"), agents);
        Assert.DoesNotContain(agents, a => a.Phrase.Contains('!', StringComparison.Ordinal));
    }

    [Fact]
    public void ParseWorldCountries_KeepsLatinNamesDemonymsCapitals()
    {
        var rows = DictionaryParsers.ParseWorldCountries(WorldCountries);
        Assert.Contains(new CountryName("BLR", "demonym", "Belarusian", "world-countries"), rows);
        Assert.Contains(new CountryName("BLR", "capital", "Minsk", "world-countries"), rows);
        Assert.Contains(new CountryName("BLR", "alt", "Bielaruś", "world-countries"), rows);
        Assert.Contains(new CountryName("KGZ", "native", "Kyrgyz Respublikasy", "world-countries"), rows);
        Assert.Contains(new CountryName("USA", "capital", "Washington", "world-countries"), rows);
        Assert.DoesNotContain(rows, r => r.Text is "BY" or "KG" || r.Text.Contains('Б', StringComparison.Ordinal));
    }

    [Fact]
    public void ParseNgec_CountriesAndCow()
    {
        var rows = DictionaryParsers.ParseNgecCountries(NgecCountries);
        Assert.Contains(new CountryName("KAZ", "nationality", "Kazakhstani", "ngec"), rows);
        Assert.Contains(new CountryName("KAZ", "nationality", "Kazakh", "ngec"), rows);
        var cow = DictionaryParsers.ParseCow2Iso(Cow2Iso);
        Assert.Contains(new CountryName("BLR", "cow", "Belarus", "ngec-cow2iso"), cow);
        Assert.Contains(new CountryName("SUN", "historical", "Soviet Union", "ngec-cow2iso"), cow);
    }

    [Fact]
    public void Build_Fixtures_WritesSortedFilesAndSplitsCountryBlocksFromPersons()
    {
        var shared = WriteFixtureShared();
        var outDir = TestSupport.TempDir();
        var summary = ActorDataBuilder.Build(shared, outDir);
        Assert.Equal(ActorDataBuilder.GeneratedFiles, summary.Files.Keys);

        var countries = File.ReadAllLines(Path.Combine(outDir, "countries.tsv"));
        Assert.Equal("iso3\tkind\ttext\tsource", countries[0]);
        Assert.Contains("BLR\tdictionary\tBYELORUSSIA\tpetrarch2", countries);
        Assert.Contains("KGZ\tdictionary\tKIRGHIZIA\tpetrarch2", countries);
        Assert.Contains("KGZ\tdemonym\tKyrgyzstani\tparley", countries);
        Assert.Contains("KAZ\tnationality\tKazakhstani\tngec", countries);
        Assert.Equal(countries.Skip(1).Order(StringComparer.Ordinal), countries.Skip(1));

        var named = File.ReadAllLines(Path.Combine(outDir, "named-actors.tsv"));
        Assert.Contains("petrarch2-countries\tVLADIMIR PUTIN\tcode\tRUSGOV\t1999-12-31\t2008-05-07", named);
        Assert.Contains("petrarch2-countries\tVLADIMIR PUTIN\talias\tPUTIN\t\t", named);
        Assert.Contains("petrarch2-international\tKOFI ANNAN\tcode\tIGOUNO\t1997-01-01\t2006-12-31", named);
        Assert.Contains("petrarch2-milnonstate\tACCOLTA NAZINUALE CORSA\tcode\tFRAREB\t\t", named);
        Assert.DoesNotContain(named, l => l.Contains("\tBELARUS\t", StringComparison.Ordinal));

        var agents = File.ReadAllLines(Path.Combine(outDir, "agents.tsv"));
        Assert.Contains("SENATOR\t~LEG\tLEG\tngec-plover", agents);
        Assert.Contains("HUMAN RIGHTS BODY\tNGO~\tNGO\tpetrarch2", agents);
    }

    [Fact]
    public void Build_Twice_GivesIdenticalBytes()
    {
        var shared = WriteFixtureShared();
        var a = TestSupport.TempDir();
        var b = TestSupport.TempDir();
        ActorDataBuilder.Build(shared, a);
        ActorDataBuilder.Build(shared, b);
        foreach (var file in ActorDataBuilder.GeneratedFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Build_RealDictionaries_MatchesCommittedDataAndIsDeterministic()
    {
        var a = TestSupport.TempDir();
        var b = TestSupport.TempDir();
        ActorDataBuilder.Build(TestSupport.SharedRoot, a);
        ActorDataBuilder.Build(TestSupport.SharedRoot, b);
        foreach (var file in ActorDataBuilder.GeneratedFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(a, file));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(b, file)));
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(TestSupport.DataDir, file))), $"{file} differs from the committed data/actors; run ./parley build actors");
        }
    }

    [Fact]
    public void Build_MissingDictionary_ThrowsDataFileError()
    {
        var ex = Assert.Throws<Parley.Core.ParleyException>(() => ActorDataBuilder.Build(TestSupport.TempDir(), TestSupport.TempDir()));
        Assert.Equal("PRL2004", ex.Diagnostic.Error.Code);
    }

    private static string WriteFixtureShared()
    {
        var root = TestSupport.TempDir();
        void Write(string text, params string[] parts)
        {
            var path = Path.Combine([root, .. parts]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        Write(WorldCountries, "gazetteers", "world-countries", "countries.json");
        Write(NgecCountries, "dictionaries", "ngec", "countries.csv");
        Write(Cow2Iso, "dictionaries", "ngec", "cow2iso.txt");
        Write(PloverAgents, "dictionaries", "ngec", "PLOVER_agents.txt");
        Write(CountryActors, "dictionaries", "petrarch2", "Phoenix.Countries.actors.txt");
        Write(International, "dictionaries", "petrarch2", "Phoenix.International.actors.txt");
        Write(MilNonState, "dictionaries", "petrarch2", "Phoenix.MilNonState.actors.txt");
        Write(PetrarchAgents, "dictionaries", "petrarch2", "Phoenix.agents.txt");
        return root;
    }
}
