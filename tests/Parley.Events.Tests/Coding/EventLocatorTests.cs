using Parley.Core;
using Parley.Events.Coding;
using Parley.Linguistics.Entities;
using Parley.Places;

namespace Parley.Events.Tests.Coding;

/// <summary>Where events happened: the place of the trigger's clause, a visit's destination, the dateline of a meeting, or none with a reason.</summary>
public class EventLocatorTests
{
    private static readonly Lazy<Pipeline> WithPlaces = new(() => TestSupport.CodingPipeline(
        new EventCoderOptions(), m => new EntityTagger(m), _ => new PlaceTagger(PlaceResolver.Load(Path.Combine(TestSupport.RepoRoot, "data", "places")))));

    private static IReadOnlyList<CodedEvent> Code(string text, string? dateline = null)
    {
        var doc = new Document("t", text, new DocumentMetadata
        {
            Published = new PublicationTime(new DateOnly(2024, 5, 21), null, null, DatePrecision.Day, DateSource.HeaderLine, "2024-05-21", "test"),
            DatelinePlace = dateline,
        });
        WithPlaces.Value.Process(doc);
        return doc.Get(Layers.Events).Events;
    }

    [Fact]
    public void Location_InPhraseOfTheMeeting_IsTheCity()
    {
        var e = Assert.Single(Code("Japanese Prime Minister Fumio Kishida met with Indian Prime Minister Narendra Modi in New Delhi."));
        Assert.Equal("CONSULT", e.Event);
        var place = Assert.IsType<EventLocation>(e.Location);
        Assert.Equal("New Delhi", place.Name);
        Assert.Equal("IND", place.Country);
        Assert.Equal("city", place.Precision);
        Assert.NotNull(place.GeoNamesId);
        Assert.NotNull(place.Latitude);
        Assert.StartsWith("city in a phrase of the trigger", place.How, StringComparison.Ordinal);
        Assert.Null(e.LocationReason);
        Assert.Contains(e.Explanation, x => x.StartsWith("location: \"New Delhi\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Location_TalksWithACounterpartInACity_IsTheCity()
    {
        var e = Assert.Single(Code("Peruvian Foreign Minister Javier Gonzalez-Olaechea held talks with his Chilean counterpart Alberto van Klaveren in Santiago on Monday."), x => x.Event == "CONSULT");
        Assert.Equal("Santiago", e.Location?.Name);
        Assert.Equal("CHL", e.Location?.Country);
    }

    [Fact]
    public void Location_VisitDestination_IsTheVisitedPlace()
    {
        var e = Assert.Single(Code("Kenyan President William Ruto visited Tokyo."));
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("visit", e.Mode);
        Assert.Equal("Tokyo", e.Location?.Name);
        Assert.Equal("JPN", e.Location?.Country);
        Assert.StartsWith("visit destination", e.Location?.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_CountryNamedAsThePlace_HasCountryPrecision()
    {
        var e = Assert.Single(Code("The foreign ministers of Norway and Finland met in Sweden on Tuesday."));
        Assert.Equal("SWE", e.Location?.Country);
        Assert.Equal("country", e.Location?.Precision);
        Assert.Null(e.Location?.GeoNamesId);
        Assert.StartsWith("\"in\" phrase of the trigger \"met\"", e.Location?.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_MeetingWithoutPlace_IsTheDatelineCity()
    {
        var e = Assert.Single(Code("Norwegian Prime Minister Jonas Gahr Store held talks with Finnish President Alexander Stubb.", dateline: "OSLO"));
        Assert.Equal("CONSULT", e.Event);
        Assert.Equal("Oslo", e.Location?.Name);
        Assert.Equal("NOR", e.Location?.Country);
        Assert.Null(e.Location?.Span);
        Assert.StartsWith("dateline", e.Location?.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_StatementWithDateline_IsNone()
    {
        var e = Assert.Single(Code("Brazil strongly criticised Argentina.", dateline: "BRASILIA"));
        Assert.Equal("ACCUSE", e.Event);
        Assert.Null(e.Location);
        Assert.Equal("no place in clause or dateline", e.LocationReason);
        Assert.Contains("location: none (no place in clause or dateline)", e.Explanation);
    }

    [Fact]
    public void Location_NoPlaceLayer_SaysSo()
    {
        var pipeline = TestSupport.CodingPipeline(new EventCoderOptions(), m => new EntityTagger(m));
        var doc = new Document("t", "Japanese Prime Minister Fumio Kishida met with Indian Prime Minister Narendra Modi in New Delhi.", new DocumentMetadata());
        pipeline.Process(doc);
        var e = Assert.Single(doc.Get(Layers.Events).Events);
        Assert.Null(e.Location);
        Assert.Equal("no places layer", e.LocationReason);
    }
}
