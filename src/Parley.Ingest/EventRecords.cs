using Parley.Core;
using Parley.Events.Codebook;
using Parley.Events.Coding;

namespace Parley.Ingest;

/// <summary>The JSON record of one coded event: the output contract of <c>parley code</c>, also kept in the store.</summary>
public static class EventRecords
{
    /// <summary>
    /// The record of <paramref name="e"/> as an ordered dictionary ready for <c>System.Text.Json</c>: ids, PLOVER type,
    /// mode, contexts, CAMEO code, Goldstein weight, quad, date with its trace, location (or null with the reason),
    /// source and recipient actors, evidence (one sentence as a string, several as a list) with offsets, trigger,
    /// confidence, coder and codebook; <c>modality</c> only when not asserted, <c>planned_event</c> for announcements, and
    /// the rule and explanation when <paramref name="explain"/>.
    /// </summary>
    public static Dictionary<string, object?> Create(Document document, CodedEvent e, bool explain)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(e);
        var tokens = document.Get(Layers.Tokens);
        var sentences = e.Sentences.Select(s => tokens.Sentences[s].Span).ToList();
        var record = new Dictionary<string, object?>
        {
            ["doc_id"] = document.Id,
            ["id"] = $"{document.Id}#{e.Id}",
            ["event"] = e.Event,
            ["mode"] = e.Mode,
            ["context"] = e.Contexts,
            ["cameo"] = e.Cameo,
            ["goldstein"] = e.Goldstein,
            ["quad"] = e.Quad,
            ["date"] = e.Date.Value,
            ["date_trace"] = new Dictionary<string, object?>
            {
                ["value"] = e.Date.Value,
                ["precision"] = e.Date.Precision,
                ["how"] = e.Date.How,
                ["text"] = e.Date.Text,
            },
            ["location"] = e.Location is { } l ? new Dictionary<string, object?>
            {
                ["text"] = l.Text,
                ["name"] = l.Name,
                ["geonames_id"] = l.GeoNamesId,
                ["country"] = l.Country,
                ["admin1"] = l.Admin1,
                ["lat"] = l.Latitude,
                ["lon"] = l.Longitude,
                ["precision"] = l.Precision,
                ["how"] = l.How,
            } : null,
            ["location_reason"] = e.LocationReason,
            ["source"] = e.Source.Select(Actor).ToList(),
            ["recipient"] = e.Recipient.Select(Actor).ToList(),
            ["evidence"] = sentences.Count == 1 ? document.Slice(sentences[0]) : sentences.Select(document.Slice).ToList(),
            ["evidence_offsets"] = sentences.Select(s => new[] { s.Start, s.End }).ToList(),
            ["trigger"] = new Dictionary<string, object> { ["text"] = document.Slice(e.Trigger), ["start"] = e.Trigger.Start, ["end"] = e.Trigger.End },
            ["confidence"] = e.Confidence,
            ["coder"] = EventCoder.Producer,
            ["codebook"] = PloverTypes.CodebookVersion,
        };
        if (e.Modality != "asserted")
        {
            record["modality"] = e.Modality;
        }

        if (e.Planned is { } p)
        {
            record["planned_event"] = new Dictionary<string, object?>
            {
                ["event"] = p.Event,
                ["cameo"] = p.Cameo,
                ["actors"] = p.Actors.Select(Actor).ToList(),
                ["expected_date"] = p.ExpectedDate,
                ["text"] = document.Slice(p.Trigger),
            };
        }

        if (explain)
        {
            record["rule"] = e.Rule;
            record["explain"] = e.Explanation;
        }

        return record;
    }

    /// <summary>The record of one actor: <c>text</c>, canonical <c>name</c>, ISO-3 <c>country</c>, <c>org</c> code, <c>sector</c> and <c>how</c> it was resolved.</summary>
    public static Dictionary<string, object?> Actor(EventActor a) => a is null ? throw new ArgumentNullException(nameof(a)) : new()
    {
        ["text"] = a.Text,
        ["name"] = a.Name,
        ["country"] = a.Country,
        ["org"] = a.Org,
        ["sector"] = a.Sector,
        ["how"] = a.How,
    };
}
