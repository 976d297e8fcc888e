namespace Parley.Actors;

/// <summary>The resolution of an actor mention.</summary>
/// <param name="Country">ISO-3 code of the actor's country, or null (IGOs, unknown).</param>
/// <param name="Org">Acronym of the international organisation or body (e.g. <c>UN</c>, <c>OSCE PA</c>), or null.</param>
/// <param name="Sector">Sector code (GOV, LEG, MIL, JUD, COP, BUS, MED, CVL, OPP, REB, ELI, …), or null.</param>
/// <param name="Name">Canonical name of the decisive entity (person, institution, organisation or country).</param>
/// <param name="How">What decided the resolution: <c>country-name</c>, <c>official-name</c>, <c>demonym</c>, <c>capital-metonym</c>, <c>abbreviation</c>, <c>dictionary-alias</c>, <c>institution</c>, <c>igo</c>, <c>person-dated</c>, <c>person</c>, <c>person-out-of-dates</c>, <c>named-actor</c>, <c>agent</c>, <c>context</c>.</param>
/// <param name="Entry">The dictionary entry that decided (source and text), for persons the code applied.</param>
/// <param name="ValidFrom">Start of the applied person role, when dated.</param>
/// <param name="ValidTo">End of the applied person role, when dated.</param>
/// <param name="Confidence">A heuristic confidence in [0, 1].</param>
/// <param name="Evidence">Every dictionary match used, in text order (the "why").</param>
public sealed record ActorResolution(
    string? Country,
    string? Org,
    string? Sector,
    string Name,
    string How,
    string Entry,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    double Confidence,
    IReadOnlyList<string> Evidence);
