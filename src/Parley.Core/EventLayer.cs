namespace Parley.Core;

/// <summary>
/// An actor taking part in an event: the text that names it and what it resolves to. Country and organisation may
/// both be null when the text names an actor Parley cannot place (then <see cref="How"/> says why).
/// </summary>
/// <param name="Text">The words of the argument that name the actor (the mention, or the argument phrase).</param>
/// <param name="Span">Characters of <paramref name="Text"/> in the document.</param>
/// <param name="Name">Canonical name of the resolved entity (country, institution, organisation or person), or null.</param>
/// <param name="Country">ISO-3 code, or null (an organisation, or unresolved).</param>
/// <param name="Org">Acronym of an international organisation or body, or null.</param>
/// <param name="Sector">Sector code (GOV, LEG, MIL…), or null.</param>
/// <param name="How">How it was resolved (the actor rule, or <c>coreference: …</c>), or the reason it was not.</param>
public sealed record EventActor(string Text, TextSpan Span, string? Name, string? Country, string? Org, string? Sector, string How)
{
    /// <summary>True when the actor resolved to a country or an organisation.</summary>
    public bool IsResolved => Country is not null || Org is not null;
}

/// <summary>What set an event's date.</summary>
/// <param name="Value">ISO date (<c>2022-06-08</c>), partial (<c>2022-06</c>, <c>2022</c>) or null when unknown.</param>
/// <param name="Precision"><c>day</c>, <c>month</c>, <c>year</c> or <c>none</c>.</param>
/// <param name="How"><c>clause</c> (a temporal expression of the event's clause), <c>sentence</c>, <c>dct</c> (the publication date) or <c>none</c>.</param>
/// <param name="Text">The temporal expression's words, when one decided.</param>
/// <param name="Span">Its characters, when one decided.</param>
public sealed record EventDate(string? Value, string Precision, string How, string? Text, TextSpan? Span);

/// <summary>The future happening an announcement (intent, agreement, invitation, threat) refers to.</summary>
/// <param name="Event">PLOVER type of the happening (CONSULT for a planned meeting).</param>
/// <param name="Cameo">Its CAMEO code, when known.</param>
/// <param name="Actors">Who is to take part.</param>
/// <param name="ExpectedDate">When it is expected (ISO, partial allowed), or null.</param>
/// <param name="Trigger">Characters of the words naming the happening ("holding a meeting").</param>
public sealed record PlannedEvent(string Event, string? Cameo, IReadOnlyList<EventActor> Actors, string? ExpectedDate, TextSpan Trigger);

/// <summary>
/// One coded event: a PLOVER type with its CAMEO code, actors, date, evidence and the provenance of each decision.
/// </summary>
/// <param name="Id">Stable id within the document (<c>e1</c>, <c>e2</c>… in text order).</param>
/// <param name="Event">PLOVER type.</param>
/// <param name="Mode">PLOVER mode, or null.</param>
/// <param name="Contexts">PLOVER contexts.</param>
/// <param name="Cameo">CAMEO code (string, leading zeros kept).</param>
/// <param name="Goldstein">Goldstein weight of the CAMEO code, or null.</param>
/// <param name="Quad">PLOVER quad category (1–4).</param>
/// <param name="Trigger">Characters of the trigger word(s).</param>
/// <param name="TriggerWord">Document word index of the trigger's head.</param>
/// <param name="Sentences">Indices of the sentences that state the event (several when one happening is mentioned several times).</param>
/// <param name="Source">Source actors (several for compound actors).</param>
/// <param name="Recipient">Recipient actors, possibly empty.</param>
/// <param name="Modality"><c>asserted</c>, <c>negated</c> or <c>hypothetical</c>.</param>
/// <param name="Planned">The announced future happening, for announcements; else null.</param>
/// <param name="Date">The event's date and how it was found.</param>
/// <param name="Confidence">Heuristic confidence in [0, 1].</param>
/// <param name="Rule">The rule or dictionary entry that coded it (e.g. <c>CAMEO.2.0.txt:5440 MEET * (FOR TALKS)</c>).</param>
/// <param name="Explanation">Step-by-step reasons (trigger, pattern, each actor, modality, date) for <c>--explain</c>.</param>
public sealed record CodedEvent(
    string Id,
    string Event,
    string? Mode,
    IReadOnlyList<string> Contexts,
    string Cameo,
    double? Goldstein,
    int Quad,
    TextSpan Trigger,
    int TriggerWord,
    IReadOnlyList<int> Sentences,
    IReadOnlyList<EventActor> Source,
    IReadOnlyList<EventActor> Recipient,
    string Modality,
    PlannedEvent? Planned,
    EventDate Date,
    double Confidence,
    string Rule,
    IReadOnlyList<string> Explanation)
{
    /// <summary>Where the event happened, or null (then <see cref="LocationReason"/> says why).</summary>
    public EventLocation? Location { get; init; }

    /// <summary>Why <see cref="Location"/> is null (<c>no place in clause or dateline</c>, an unresolved place…); null when it is set.</summary>
    public string? LocationReason { get; init; }
}

/// <summary>
/// One item of the calendar: a happening a document announces (<c>planned</c>) or an anniversary it names
/// (<c>anniversary</c>).
/// </summary>
/// <param name="Kind"><c>planned</c> or <c>anniversary</c>.</param>
/// <param name="Event">PLOVER type of the future happening (an anniversary's celebration is SUPPORT).</param>
/// <param name="Cameo">Its CAMEO code, when known.</param>
/// <param name="Actors">Who takes part (resolved actors only).</param>
/// <param name="ExpectedDate">When (ISO, partial allowed), or null.</param>
/// <param name="OriginDate">For an anniversary, the date commemorated, or null.</param>
/// <param name="Sentences">Sentences that state it.</param>
/// <param name="Trigger">Characters of the words naming the happening.</param>
/// <param name="How">How it was found (the announcing clause or the anniversary expression).</param>
public sealed record CalendarItem(string Kind, string Event, string? Cameo, IReadOnlyList<EventActor> Actors, string? ExpectedDate, string? OriginDate, IReadOnlyList<int> Sentences, TextSpan Trigger, string How);

/// <summary>The coded events of a document in text order of their first evidence sentence, plus the candidates left out and why.</summary>
/// <param name="Events">The events (realised events and announcements; negated/hypothetical ones only when asked for).</param>
/// <param name="Discarded">Triggers that were found but produced no event, with the reason (for <c>--explain</c>).</param>
/// <param name="Producer">Versioned name of the coder (<c>parley.events.v1</c>).</param>
/// <param name="Calendar">What the document announces (also when the announcing actor is unknown) and the anniversaries it names.</param>
public sealed record EventLayer(IReadOnlyList<CodedEvent> Events, IReadOnlyList<string> Discarded, string Producer, IReadOnlyList<CalendarItem> Calendar);
