using Parley.Core;
using Parley.Events.Coding;
using Parley.Linguistics.Entities;

namespace Parley.Events.Tests.Coding;

/// <summary>
/// Functional tests in the spirit of PETRARCH's validation suite: one phenomenon each (compounds, passives,
/// said-clauses, negation, modality, announcements, document roles), real-world actors, sentences written for Parley.
/// </summary>
public class EventCoderTests
{
    private static readonly Lazy<(Pipeline Plain, Pipeline Modal)> Pipelines = new(() => (
        TestSupport.CodingPipeline(new EventCoderOptions(), m => new EntityTagger(m)),
        TestSupport.CodingPipeline(new EventCoderOptions(IncludeModal: true), m => new EntityTagger(m))));

    private static EventLayer Code(string text, bool modal = false)
    {
        var doc = new Document("t", text, new DocumentMetadata
        {
            Published = new PublicationTime(new DateOnly(2023, 3, 14), null, null, DatePrecision.Day, DateSource.HeaderLine, "2023-03-14", "test"),
        });
        (modal ? Pipelines.Value.Modal : Pipelines.Value.Plain).Process(doc);
        return doc.Get(Layers.Events);
    }

    private static string Parties(IEnumerable<EventActor> actors) =>
        string.Join(";", actors.Select(a => a.Country ?? a.Org).Order(StringComparer.Ordinal));

    [Fact]
    public void Meeting_IsOneConsultBetweenBothParties()
    {
        var e = Assert.Single(Code("Russian President Vladimir Putin met with Chinese President Xi Jinping in Moscow.").Events);
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("RUS", Parties(e.Source));
        Assert.Equal("CHN", Parties(e.Recipient));
        Assert.Equal("2023-03-14", e.Date.Value);
        Assert.Equal("dct", e.Date.How);
    }

    [Fact]
    public void Passive_AgentIsTheSource()
    {
        var e = Assert.Single(Code("Germany was sharply criticised by Poland.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("POL", Parties(e.Source));
        Assert.Equal("DEU", Parties(e.Recipient));
    }

    [Fact]
    public void CompoundSubject_GivesOneEventWithBothSources()
    {
        var e = Assert.Single(Code("Egypt and Jordan condemned Israel.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("EGY;JOR", Parties(e.Source));
        Assert.Equal("ISR", Parties(e.Recipient));
    }

    [Fact]
    public void Negated_IsLeftOutUnlessAsked()
    {
        const string text = "France did not condemn Algeria.";
        Assert.Empty(Code(text).Events);
        var e = Assert.Single(Code(text, modal: true).Events);
        Assert.Equal("negated", e.Modality);
        Assert.Contains(Code(text).Discarded, d => d.Contains("negated", StringComparison.Ordinal));
    }

    [Fact]
    public void Hypothetical_IsLeftOutUnlessAsked()
    {
        const string text = "Turkey could criticise Greece.";
        Assert.Empty(Code(text).Events);
        Assert.Equal("hypothetical", Assert.Single(Code(text, modal: true).Events).Modality);
    }

    [Fact]
    public void AgreeToMeet_IsAnAnnouncementWithPlannedConsult()
    {
        var e = Assert.Single(Code("India and Pakistan agreed to hold talks next month.").Events);
        Assert.Equal("AGREE", e.Event);
        Assert.StartsWith("03", e.Cameo, StringComparison.Ordinal);
        Assert.Equal("IND;PAK", Parties(e.Source));
        Assert.NotNull(e.Planned);
        Assert.Equal("CONSULT", e.Planned.Event);
    }

    [Fact]
    public void Invitation_IsAgreeWithPlannedVisit()
    {
        var e = Assert.Single(Code("The President of Chile invited the President of Argentina to visit Santiago.").Events);
        Assert.Equal("AGREE", e.Event);
        Assert.Equal("CHL", Parties(e.Source));
        Assert.Equal("ARG", Parties(e.Recipient));
        Assert.Equal("CONSULT", e.Planned?.Event);
    }

    [Fact]
    public void DocumentRole_MakesTheSurnameAnActor()
    {
        var events = Code("Finnish Foreign Minister Elina Valtonen arrived in Oslo on Tuesday. Ms. Valtonen praised Norway for its support.").Events;
        var e = Assert.Single(events, x => x.Event == "SUPPORT");
        Assert.Equal("FIN", Parties(e.Source));
        Assert.Equal("GOV", e.Source[0].Sector);
        Assert.Equal("NOR", Parties(e.Recipient));
        Assert.Contains("coreference", e.Source[0].How, StringComparison.Ordinal);
    }

    [Fact]
    public void SummoningAnAmbassador_IsAnOfficialComplaint()
    {
        var e = Assert.Single(Code("Lithuania summoned the Chinese ambassador.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("114", e.Cameo);
        Assert.Equal("LTU", Parties(e.Source));
        Assert.Equal("CHN", Parties(e.Recipient));
    }

    [Fact]
    public void Undirected_IsLeftOut()
    {
        var layer = Code("Brazil welcomed the decision.");
        Assert.Empty(layer.Events);
        Assert.Contains(layer.Discarded, d => d.Contains("undirected", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_IsNotCoded()
    {
        var layer = Code("Kenya said that Uganda was a partner.");
        Assert.DoesNotContain(layer.Events, e => e.Cameo.StartsWith("01", StringComparison.Ordinal));
        Assert.Contains(layer.Discarded, d => d.Contains("statement", StringComparison.Ordinal));
    }

    [Fact]
    public void EventNoun_InCircumstance_IsCoded()
    {
        var e = Assert.Single(Code("During his meeting with the Prime Minister of Japan, the President of Indonesia praised Japan.").Events, x => x.Event == "CONSULT");
        Assert.Equal("IDN", Parties(e.Source));
        Assert.Equal("JPN", Parties(e.Recipient));
    }

    [Fact]
    public void RegardingAsPartner_IsPraise()
    {
        var e = Assert.Single(Code("Mongolia regards Japan as a strategic partner.").Events);
        Assert.Equal("SUPPORT", e.Event);
        Assert.Equal("051", e.Cameo);
    }

    [Fact]
    public void RepeatedMeeting_IsOneEventWithSeveralSentences()
    {
        var events = Code("Armenia's foreign minister met Azerbaijan's foreign minister in Geneva. The ministers of Armenia and Azerbaijan also held talks on Friday.").Events;
        var e = Assert.Single(events, x => x.Event == "CONSULT");
        Assert.Equal([0, 1], e.Sentences);
    }

    [Fact]
    public void Events_CarryCodebookFields()
    {
        var e = Assert.Single(Code("Poland condemned Belarus.").Events);
        Assert.Equal(3, e.Quad);
        Assert.NotNull(e.Goldstein);
        Assert.True(e.Goldstein < 0);
        Assert.Equal("e1", e.Id);
        Assert.NotEmpty(e.Explanation);
        Assert.Contains("CAMEO.2.0.txt", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TitleSubjectParsedAsNounPhrase_IsRepairedIntoAClause()
    {
        // a long title subject followed by a bare past verb is often parsed as one noun phrase with no predicate
        var e = Assert.Single(Code("The Chilean Foreign Ministry on Tuesday summoned Peruvian ambassador in Santiago Maria Lopez over the incident").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("114", e.Cameo);
        Assert.Equal("CHL", Parties(e.Source));
        Assert.Equal("PER", Parties(e.Recipient));
    }

    [Fact]
    public void PresentTenseVerbAfterInstitution_IsReadAsTheVerb()
    {
        var e = Assert.Single(Code("The Norwegian Parliament condemns in the strongest terms Iran's attack on the tanker.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("NOR", Parties(e.Source));
        Assert.Equal("IRN", Parties(e.Recipient));
    }

    [Fact]
    public void WantingToCooperate_IsNoAgreement()
    {
        Assert.Empty(Code("Portugal wants to expand cooperation with Angola.").Events);
        Assert.Empty(Code("Ghana hopes to strengthen ties with Togo.").Events);
    }

    [Fact]
    public void HopingThatAnotherPartyActs_IsAnAppealToIt()
    {
        var e = Assert.Single(Code("Japan hoped that North Korea would release the detained fishermen.").Events);
        Assert.Equal("REQUEST", e.Event);
        Assert.Equal("JPN", Parties(e.Source));
        Assert.Equal("PRK", Parties(e.Recipient));
    }

    [Fact]
    public void WouldUnderPastSpeechVerb_IsAnAnnouncedVisit()
    {
        var e = Assert.Single(Code("Irish Foreign Minister Micheal Martin said he would pay a visit to Canada.").Events);
        Assert.Equal("AGREE", e.Event);
        Assert.NotNull(e.Planned);
        Assert.Equal("CONSULT", e.Planned!.Event);
        Assert.Equal("IRL", Parties(e.Source));
    }

    [Fact]
    public void ProtestInWords_IsCriticismNotDemonstration()
    {
        var events = Code("The Greek Foreign Ministry expressed a strong protest to Turkey.").Events;
        var e = Assert.Single(events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("111", e.Cameo);
        Assert.Equal("TUR", Parties(e.Recipient));
    }

    [Fact]
    public void InProtestAgainst_IsNotASecondEvent()
    {
        var events = Code("Lithuania summoned the Belarusian ambassador in protest against the border incident.").Events;
        var e = Assert.Single(events);
        Assert.Equal("ACCUSE", e.Event);
    }

    [Fact]
    public void OwnerOfTheCondemnedThing_IsTheRecipient()
    {
        var e = Assert.Single(Code("Sweden condemned Russia's attack on the power plant.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("RUS", Parties(e.Recipient));
        var praise = Assert.Single(Code("The Dutch minister praised the reforms in Moldova.").Events);
        Assert.Equal("SUPPORT", praise.Event);
        Assert.Equal("MDA", Parties(praise.Recipient));
    }

    [Fact]
    public void OfficeWithoutItsOrganisation_BelongsToTheDocumentsOrganisation()
    {
        var events = Code("NATO troops arrived in Kosovo on Monday. NATO said the deployment was planned. The Secretary-General urged Serbia to show restraint.").Events;
        var e = Assert.Single(events, x => x.Event == "REQUEST");
        Assert.Equal("NATO", Parties(e.Source));
        Assert.Equal("SRB", Parties(e.Recipient));
    }

    [Fact]
    public void SaidAndAdded_AreStatementsNotEvents()
    {
        Assert.DoesNotContain(Code("Brazil said it plans to open a consulate, the minister added.").Events, e => e.Event != "AGREE");
        Assert.Empty(Code("Kenya and Uganda need to stick together, the president said.").Events);
    }

    [Fact]
    public void PassiveRegardAsSomeonesPartner_MakesThePossessorTheSource()
    {
        var e = Assert.Single(Code("Mongolia is regarded as Japan's strategic partner in the region.").Events);
        Assert.Equal("SUPPORT", e.Event);
        Assert.Equal("JPN", Parties(e.Source));
        Assert.Equal("MNG", Parties(e.Recipient));
    }

    [Fact]
    public void ProtestWithNoOrganiser_IsCiviliansAgainstTheirGovernment()
    {
        var e = Assert.Single(Code("Mass protests broke out in Serbia on Sunday.").Events);
        Assert.Equal("PROTEST", e.Event);
        Assert.Equal("CVL", Assert.Single(e.Source).Sector);
        Assert.Equal("SRB", Parties(e.Source));
        Assert.Equal("GOV", Assert.Single(e.Recipient).Sector);
    }

    [Fact]
    public void TalksWithACounterpart_ThePlaceInsideThePhraseIsNotTheRecipient()
    {
        var e = Assert.Single(Code("Peruvian Foreign Minister Javier Gonzalez held talks with his Chilean counterpart Alberto van Klaveren in Lima on Monday.").Events);
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("PER", Parties(e.Source));
        Assert.Equal("CHL", Parties(e.Recipient));
        Assert.Equal("GOV", Assert.Single(e.Recipient).Sector);
    }

    [Fact]
    public void AgreedThatAStateHolds_IsASharedViewNotAnAgreement()
    {
        Assert.Empty(Code("Kenya and Tanzania agreed that there is great potential for trade between the two countries.").Events);
        var e = Assert.Single(Code("Kenya and Tanzania agreed that their foreign ministers will meet in Nairobi next month.").Events);
        Assert.Equal("AGREE", e.Event);
    }

    [Fact]
    public void BareInfinitivesAfterToInfinitive_AreWhatIsNeededNotActs()
    {
        Assert.Empty(Code("Chile and Peru concurred on the need to deepen trade ties, increase the exchange of delegations and coordinate closely at the United Nations.").Events);
    }

    [Fact]
    public void NationalitiesAndNamesUnderOneTitle_PairInOrder()
    {
        var e = Assert.Single(Code("Polish and Lithuanian Foreign Ministers Radoslaw Sikorski and Gabrielius Landsbergis signed on Monday a memorandum on energy security.").Events);
        Assert.Equal("POL", Parties(e.Source));
        Assert.Equal("LTU", Parties(e.Recipient));
        Assert.All(e.Source.Concat(e.Recipient), a => Assert.Equal("GOV", a.Sector));
    }

    [Fact]
    public void AgainstTheBackgroundOf_IsNotARecipient()
    {
        var events = Code("Against the background of the Russian invasion, the Finnish president discussed energy security with the Estonian prime minister.").Events;
        var e = Assert.Single(events);
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("EST", Parties(e.Recipient));
    }

    [Fact]
    public void PurposeClause_IsAimedAtNotDone()
    {
        var events = Code("Canada sent a frigate to the region in order to help Latvia.").Events;
        Assert.DoesNotContain(events, e => e.Event == "AID" || e.Event == "COOPERATE");
    }

    [Fact]
    public void AgencyLearnedFrom_IsAnAttributionNotAMeeting()
    {
        var e = Assert.Single(Code("Speaker of the Senate of Chile Manuel Ossandon met with Argentine Foreign Minister Diana Mondino in Santiago, Reuters learned from the Senate.").Events);
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("CHL", Parties(e.Source));
        Assert.Equal("ARG", Parties(e.Recipient));
    }

    [Fact]
    public void OrganisationOfficeNamedFirst_IsTheCapacityThePersonActsIn()
    {
        var events = Code("OSCE Chairman-in-Office, Finnish Foreign Minister Elina Valtonen said she would pay a visit to Georgia. Valtonen met Georgian Foreign Minister Ilia Darchiashvili in Tbilisi.").Events;
        Assert.All(events, e => Assert.Equal("OSCE", Parties(e.Source)));
        Assert.Contains(events, e => e.Event == "AGREE" && e.Planned is not null);
        Assert.Contains(events, e => e.Event == "CONSULT" && e.Recipient.Count > 0 && e.Recipient.All(a => a.Country == "GEO"));
    }

    [Fact]
    public void JointPressConferenceWith_IsAMeeting()
    {
        var events = Code("Finnish Foreign Minister Elina Valtonen visited Lima on Monday. Speaking at a joint press conference with Peruvian Foreign Minister Javier Gonzalez, Valtonen affirmed Finland's support for the peace process.").Events;
        Assert.Contains(events, x => x.Event == "CONSULT" && x.Sentences.Contains(1) && Parties(x.Source) == "FIN" && Parties(x.Recipient) == "PER");
        Assert.Empty(Code("The Chilean minister spoke at a press conference in Lima.").Events);
    }

    [Fact]
    public void LawOrDocument_IsNotAnActor()
    {
        Assert.Empty(Code("The bill copies a Hungarian law that allows the government to ban foreign-funded groups.").Events);
        var e = Assert.Single(Code("Poland condemned the new Hungarian law.").Events);
        Assert.Equal("ACCUSE", e.Event);
        Assert.Equal("HUN", Parties(e.Recipient));
    }

    [Fact]
    public void EnvoyPraisingTheCountry_PraisesTheCountryTheyServeIn()
    {
        var events = Code("ULAANBAATAR. Mongolian Foreign Minister Batmunkh Battsetseg met with French Ambassador to Mongolia Sebastien Surun. "
            + "The minister briefed the ambassador on the economic situation in Mongolia. "
            + "For his part, the French ambassador praised the democratic reforms in the country.").Events;
        var e = Assert.Single(events, x => x.Event == "SUPPORT");
        Assert.Equal("FRA", Parties(e.Source));
        Assert.Equal("MNG", Parties(e.Recipient));
    }

    [Fact]
    public void LeaderPraisingTheCountry_IsNoEventAboutAnotherCountry()
    {
        var events = Code("ULAANBAATAR. Mongolian Foreign Minister Batmunkh Battsetseg met with French Ambassador to Mongolia Sebastien Surun. "
            + "The Mongolian president praised the democratic reforms in the country.").Events;
        Assert.DoesNotContain(events, x => x.Event == "SUPPORT");
    }

    [Fact]
    public void CondemningAnAttackAgainstPeacekeepers_DoesNotAccuseThePeacekeepers()
    {
        var events = Code("The European Union condemned the attack yesterday against United Nations peacekeepers in Lebanon.").Events;
        Assert.DoesNotContain(events, x => x.Event == "ACCUSE" && x.Recipient.Any(r => r.Org == "UN"));
        var named = Code("The African Union condemned Ethiopia for the attack against its peacekeepers.").Events;
        Assert.Contains(named, x => x.Event == "ACCUSE" && Parties(x.Recipient) == "ETH");
    }
}
