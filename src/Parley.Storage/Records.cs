using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Parley.Core;

namespace Parley.Storage;

/// <summary>A document as stored: its reader metadata, raw text and the hash that makes ingestion idempotent.</summary>
/// <param name="DocId">The document id given by the reader (record id or file name). Changed content under the same id is a new version.</param>
/// <param name="Text">The body text, verbatim; every offset of its events points into it.</param>
/// <param name="Title">The headline, when any.</param>
/// <param name="Url">The canonical URL, when known.</param>
/// <param name="Published">The publication time as ISO 8601 (partial allowed), when known.</param>
/// <param name="Language">ISO 639-1 language code, when decided.</param>
/// <param name="Format">The input format (<c>text</c>, <c>html</c>, <c>jsonl</c>, <c>rss</c>, <c>atom</c>).</param>
/// <param name="Publisher">Who published it: the dateline agency or the URL's host, when known.</param>
/// <param name="MetadataJson">The full reader metadata as a JSON object.</param>
public sealed record DocumentRecord(string DocId, string Text, string? Title, string? Url, string? Published, string? Language, string Format, string? Publisher, string MetadataJson)
{
    /// <summary>
    /// SHA-256 (hex) of title, publication time and text: the same content gives the same hash whatever its id or
    /// file, so ingesting it again is skipped; a corrected text, title or date is new content.
    /// </summary>
    public string ContentHash => Hash(Title, Published, Text);

    /// <summary>The content hash of a title, publication time and text (see <see cref="ContentHash"/>).</summary>
    public static string Hash(string? title, string? published, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes((title ?? "") + "\u001f" + (published ?? "") + "\u001f" + text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

/// <summary>An actor of an event or calendar item, as the coder resolved it.</summary>
/// <param name="Text">The words naming it.</param>
/// <param name="Name">Canonical name, when resolved.</param>
/// <param name="Country">ISO-3 country code, or null.</param>
/// <param name="Org">International organisation acronym, or null.</param>
/// <param name="Sector">Sector code (GOV, LEG, MIL…), or null.</param>
/// <param name="How">How it was resolved, or why not.</param>
public sealed record StoredActor(string Text, string? Name, string? Country, string? Org, string? Sector, string How)
{
    /// <summary>The entity deduplication compares: the country, else the organisation; null when unresolved.</summary>
    [JsonIgnore]
    public string? Entity => Country ?? Org;
}

/// <summary>
/// One coded event as a document states it (an event mention), with full provenance. Several mentions from
/// different documents may be linked to one stored event by cross-story deduplication.
/// </summary>
/// <param name="RecordId">The event's id in the coder's output (<c>doc#e1</c>).</param>
/// <param name="Event">PLOVER type.</param>
/// <param name="Mode">PLOVER mode, or null.</param>
/// <param name="Contexts">PLOVER contexts.</param>
/// <param name="Cameo">CAMEO code as a string (leading zeros kept).</param>
/// <param name="Goldstein">Goldstein weight, or null.</param>
/// <param name="Quad">Quad class 1–4 (verbal/material cooperation, verbal/material conflict).</param>
/// <param name="Date">ISO date, partial allowed, or null.</param>
/// <param name="DateTraceJson">How the date was found, as JSON (value, precision, how, text).</param>
/// <param name="Source">Source actors.</param>
/// <param name="Recipient">Recipient actors.</param>
/// <param name="Sentence">Index of the first sentence stating it.</param>
/// <param name="Evidence">The evidence sentence(s).</param>
/// <param name="EvidenceStart">Start offset of the first evidence sentence in the document text.</param>
/// <param name="EvidenceEnd">End offset (exclusive) of the last evidence sentence.</param>
/// <param name="Trigger">The trigger words.</param>
/// <param name="TriggerStart">Start offset of the trigger.</param>
/// <param name="TriggerEnd">End offset (exclusive) of the trigger.</param>
/// <param name="Confidence">The coder's confidence in [0, 1].</param>
/// <param name="Coder">Coder version (<c>parley.events.v1</c>).</param>
/// <param name="Codebook">Codebook version (<c>plover-0.8</c>).</param>
/// <param name="Modality"><c>asserted</c>, <c>negated</c> or <c>hypothetical</c>.</param>
/// <param name="RecordJson">The complete output record of <c>parley code</c>, as JSON.</param>
public sealed record EventMention(
    string RecordId,
    string Event,
    string? Mode,
    IReadOnlyList<string> Contexts,
    string Cameo,
    double? Goldstein,
    int Quad,
    string? Date,
    string DateTraceJson,
    IReadOnlyList<StoredActor> Source,
    IReadOnlyList<StoredActor> Recipient,
    int Sentence,
    string Evidence,
    int EvidenceStart,
    int EvidenceEnd,
    string Trigger,
    int TriggerStart,
    int TriggerEnd,
    double Confidence,
    string Coder,
    string Codebook,
    string Modality,
    string RecordJson)
{
    /// <summary>Where the event happened (the <c>location</c> of <c>parley code</c>), or null when the coder found no place.</summary>
    public StoredLocation? Location { get; init; }
}

/// <summary>
/// Where an event happened, as <c>parley code</c> writes it (<c>location</c>) and the store keeps it (JSON, same names):
/// a place the text names for the event or the dateline city, resolved through the places gazetteer.
/// </summary>
/// <param name="Text">The words naming the place (the mention, or the dateline place).</param>
/// <param name="Name">The gazetteer's name of the place.</param>
/// <param name="GeonamesId">GeoNames id of a city; null for a region or a country.</param>
/// <param name="Country">ISO-3 code of the country the place lies in.</param>
/// <param name="Admin1">GeoNames first-order administrative code (<c>KZ.02</c>-style code of a province); null for a country.</param>
/// <param name="Lat">Latitude (WGS 84 degrees), when known.</param>
/// <param name="Lon">Longitude (WGS 84 degrees), when known.</param>
/// <param name="Precision"><c>city</c>, <c>admin</c> or <c>country</c>: how exactly the place is known.</param>
/// <param name="How">Why this place (the rule that chose it and how the gazetteer resolved it).</param>
public sealed record StoredLocation(string? Text, string Name, long? GeonamesId, string? Country, string? Admin1, double? Lat, double? Lon, string? Precision, string? How);

/// <summary>A calendar item: a happening a document announces, or an anniversary it names.</summary>
/// <param name="Kind"><c>planned</c> or <c>anniversary</c>.</param>
/// <param name="Event">PLOVER type of the happening.</param>
/// <param name="Cameo">CAMEO code, when known.</param>
/// <param name="Actors">Who takes part.</param>
/// <param name="ExpectedDate">When it is expected (ISO, partial allowed), or null.</param>
/// <param name="OriginDate">For an anniversary, the date commemorated.</param>
/// <param name="Evidence">The sentence(s) stating it.</param>
/// <param name="EvidenceStart">Start offset of the evidence.</param>
/// <param name="EvidenceEnd">End offset (exclusive) of the evidence.</param>
/// <param name="Trigger">The words naming the happening.</param>
/// <param name="How">How it was found.</param>
/// <param name="Coder">Coder version.</param>
public sealed record CalendarEntry(string Kind, string Event, string? Cameo, IReadOnlyList<StoredActor> Actors, string? ExpectedDate, string? OriginDate, string Evidence, int EvidenceStart, int EvidenceEnd, string Trigger, string How, string Coder);

/// <summary>How mentions from different documents are merged into one event.</summary>
public enum DedupKind
{
    /// <summary>Every mention is its own event.</summary>
    None,

    /// <summary>Same type, same actors and the same day.</summary>
    Day,

    /// <summary>Same type, same actors and dates at most <see cref="DedupPolicy.Days"/> apart.</summary>
    Window,
}

/// <summary>
/// A cross-story deduplication policy: <c>none</c>, <c>day</c> or <c>window:N</c>. Two mentions from different documents
/// are one event when they have the same PLOVER type, the same actor entities (country, else organisation) on each side —
/// for CONSULT and COOPERATE, the same set of parties whatever their side — compatible sectors (for each entity, the sector
/// sets share one, or one of them is empty), and day-precise dates within the window. Mentions without a day-precise date or
/// without any resolved actor are never merged. The policy's text is recorded with each event and mention.
/// </summary>
/// <param name="Kind">The policy.</param>
/// <param name="Days">The window in days (0 for <c>day</c> and <c>none</c>).</param>
public sealed record DedupPolicy(DedupKind Kind, int Days)
{
    /// <summary>The <c>none</c> policy.</summary>
    public static DedupPolicy None { get; } = new(DedupKind.None, 0);

    /// <summary>Parses <c>none</c>, <c>day</c> or <c>window:N</c> (N from 0 to 366).</summary>
    /// <exception cref="ParleyException">PRL3001 for any other value.</exception>
    public static DedupPolicy Parse(string? value)
    {
        var v = (value ?? "none").Trim().ToLowerInvariant();
        if (v == "none")
        {
            return None;
        }

        if (v == "day")
        {
            return new DedupPolicy(DedupKind.Day, 0);
        }

        if (v.StartsWith("window:", StringComparison.Ordinal) && int.TryParse(v["window:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 366)
        {
            return new DedupPolicy(DedupKind.Window, n);
        }

        throw new ParleyException(Errors.InvalidOption, $"--dedup: '{value}' is not none, day or window:N (N days, 0–366)");
    }

    /// <summary>The policy as written on the command line and recorded in the store.</summary>
    public override string ToString() => Kind switch
    {
        DedupKind.None => "none",
        DedupKind.Day => "day",
        _ => string.Create(CultureInfo.InvariantCulture, $"window:{Days}"),
    };
}

/// <summary>What storing a document did.</summary>
public enum StoreOutcome
{
    /// <summary>A document id seen for the first time.</summary>
    Added,

    /// <summary>Changed content under a known id: stored as the next version, whose events replace the previous version's.</summary>
    NewVersion,

    /// <summary>The same content is already stored (under this id or another): nothing was written.</summary>
    Skipped,
}

/// <summary>The result of storing one document.</summary>
/// <param name="Outcome">Added, new version or skipped.</param>
/// <param name="Version">The version stored (1 for a new id); for a skip, the stored version of the same content.</param>
/// <param name="Mentions">Event mentions written.</param>
/// <param name="NewEvents">Events created (mentions not merged into an existing event).</param>
/// <param name="Merged">Mentions linked to an event already stored from another document.</param>
/// <param name="Reason">Why it was skipped, or null.</param>
public sealed record StoreResult(StoreOutcome Outcome, int Version, int Mentions, int NewEvents, int Merged, string? Reason);
