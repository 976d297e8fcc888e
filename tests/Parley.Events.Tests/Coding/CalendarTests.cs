using Parley.Actors.Documents;
using Parley.Core;
using Parley.Events.Coding;
using Parley.Linguistics.Entities;
using Parley.Time;

namespace Parley.Events.Tests.Coding;

/// <summary>
/// The calendar of planned happenings: announced by a verb ("will withdraw") or named by a noun that is upcoming, being
/// organised, awaited, scheduled or said to take place. Sentences written for Parley, about countries of every region.
/// </summary>
public class CalendarTests
{
    private static readonly Lazy<Pipeline> Full = new(() => TestSupport.CodingPipeline(
        new EventCoderOptions(), _ => new TimexTagger(), m => new EntityTagger(m), _ => new DocumentActorTagger(TestSupport.Actors)));

    /// <summary>Codes <paramref name="text"/> published on Tuesday 14 March 2023.</summary>
    private static EventLayer Code(string text)
    {
        var doc = new Document("t", text, new DocumentMetadata
        {
            Published = new PublicationTime(new DateOnly(2023, 3, 14), null, null, DatePrecision.Day, DateSource.HeaderLine, "2023-03-14", "test"),
        });
        Full.Value.Process(doc);
        return doc.Get(Layers.Events);
    }

    private static string Parties(CalendarItem item) =>
        string.Join(";", item.Actors.Select(a => a.Country ?? a.Org).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void OrganisationOfAMeeting_IsPlannedWithTheDiscussingParties()
    {
        var layer = Code("Chilean Foreign Minister Alberto van Klaveren met his Argentine counterpart Santiago Cafiero in Santiago. "
            + "The ministers discussed the organization of the next session of the bilateral commission in Buenos Aires in November.");
        var item = Assert.Single(layer.Calendar, x => x.Kind == "planned");
        Assert.Equal("CONSULT", item.Event);
        Assert.Equal("2023-11", item.ExpectedDate);
        Assert.Contains("session", item.How, StringComparison.Ordinal);
        Assert.Equal(1, item.Sentences[0]);
        Assert.Equal("ARG;CHL", Parties(item));
    }

    [Fact]
    public void ScheduledGathering_TakesTheOrganisationBeforeWhose()
    {
        var layer = Code("The plan will be reviewed by the ASEAN Defence Ministers' Meeting, whose extraordinary session is scheduled for Friday.");
        var item = Assert.Single(layer.Calendar, x => x.Kind == "planned");
        Assert.Equal("CONSULT", item.Event);
        Assert.Equal("ASEAN", Parties(item));
        Assert.Equal("2023-03-17", item.ExpectedDate);
    }

    [Fact]
    public void FutureProtest_TakingPlace_IsPlanned()
    {
        var layer = Code("Opposition parties in Serbia said a new protest rally will take place in Belgrade on Saturday.");
        var item = Assert.Single(layer.Calendar, x => x.Event == "PROTEST");
        Assert.Equal("2023-03-18", item.ExpectedDate);
        Assert.Contains("SRB", Parties(item), StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitedVisit_IsPlanned_AndItsConfirmationIsTheSameItem()
    {
        var layer = Code("Mongolian Prime Minister Luvsannamsrain Oyun-Erdene met Japanese Prime Minister Fumio Kishida in Tokyo. "
            + "We are looking forward to the visit of our Japanese friends in early May, Oyun-Erdene said. "
            + "The official visit of the Japanese delegation has already been confirmed.");
        var item = Assert.Single(layer.Calendar, x => x.Kind == "planned");
        Assert.Equal("CONSULT", item.Event);
        Assert.Equal("2023-05", item.ExpectedDate);
        Assert.Equal([1, 2], item.Sentences);
        Assert.Contains("JPN", Parties(item), StringComparison.Ordinal);
    }

    [Fact]
    public void PastMeeting_IsNotPlanned()
    {
        var layer = Code("The sides recalled the organization of the first meeting of the Kenyan-Tanzanian joint commission in Nairobi in 2019.");
        Assert.DoesNotContain(layer.Calendar, x => x.Kind == "planned");
    }

    [Fact]
    public void BeingPreparedForATrip_IsReadiness_NotAPlan()
    {
        var layer = Code("Nepalese climbers said they were prepared for a long trip.");
        Assert.DoesNotContain(layer.Calendar, x => x.Kind == "planned");
        var planned = Code("Nepal is preparing for the visit of the Indian prime minister.").Calendar;
        Assert.Contains(planned, x => x.Kind == "planned" && x.Event == "CONSULT");
    }

    [Fact]
    public void NegatedFutureMeeting_IsNotPlanned()
    {
        var layer = Code("Peru's foreign ministry said the next meeting with Bolivia will not take place in April.");
        Assert.DoesNotContain(layer.Calendar, x => x.Kind == "planned");
    }

    [Fact]
    public void TwoGatheringsOrganisedInOneSentence_AreTwoItems()
    {
        var layer = Code("Vietnamese and Thai officials discussed the organization of the joint commission meeting in Hanoi in June "
            + "and the holding of a Vietnamese-Thai business forum.");
        var planned = layer.Calendar.Where(x => x.Kind == "planned").ToList();
        Assert.Equal(2, planned.Count);
        Assert.All(planned, x => Assert.Equal("CONSULT", x.Event));
        Assert.Contains(planned, x => x.How.Contains("forum", StringComparison.Ordinal) && Parties(x).Contains("THA", StringComparison.Ordinal));
    }

    [Fact]
    public void ForceWithdrawing_IsAPlannedMilitaryRetreat()
    {
        var layer = Code("The UN peacekeeping force consisting of 1,200 soldiers will withdraw from Mali within ten days.");
        var item = Assert.Single(layer.Calendar, x => x.Kind == "planned");
        Assert.Equal("RETREAT", item.Event);
        Assert.Equal("0874", item.Cameo);
        Assert.Contains("UN", Parties(item), StringComparison.Ordinal);
    }
}
