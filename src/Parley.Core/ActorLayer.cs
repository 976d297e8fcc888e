namespace Parley.Core;

/// <summary>What kind of expression an actor mention is.</summary>
public enum ActorMentionKind
{
    /// <summary>A proper name of a person, organisation, institution or country ("Anna Virtanen", "Ms. Virtanen", "Finland", "the Senate").</summary>
    Name,

    /// <summary>A nationality adjective or demonym standing on its own ("Peruvian" in "Peruvian exports").</summary>
    Norp,

    /// <summary>A title or office with its qualifiers ("Finnish Foreign Minister", "Chairman of the Committee on … of the Senate of Chile", "Kazakh leadership").</summary>
    Role,

    /// <summary>A personal pronoun (he, him, his, she, her, hers).</summary>
    Pronoun,

    /// <summary>A definite description referring back ("the minister", "the senator", "the Finnish side", "the country").</summary>
    Nominal,

    /// <summary>A plural expression for several actors at once ("both countries", "the two sides", "the parliamentarians").</summary>
    Group,
}

/// <summary>An actor as the document establishes it: the country, organisation and sector it acts for, and its name.</summary>
/// <param name="Country">ISO-3 country code, or null (international organisations, unknown).</param>
/// <param name="Org">International organisation code (<c>UN</c>, <c>OSCE PA</c>), or null.</param>
/// <param name="Sector">Sector code (GOV, LEG, MIL, JUD, …), or null when the text gives none.</param>
/// <param name="Name">Canonical name: the person's full name, the institution's or the country's name.</param>
/// <param name="Role">The document's title for a person or unnamed office holder ("Minister for Foreign Affairs of Finland"), else null.</param>
public sealed record DocumentActor(string? Country, string? Org, string? Sector, string Name, string? Role);

/// <summary>
/// One actor mention of a document with the actor(s) it refers to. A mention of a compound ("both countries")
/// refers to several actors; an unresolved mention has none and says why in <see cref="Reason"/>.
/// </summary>
/// <param name="Span">Characters of the mention.</param>
/// <param name="Kind">The kind of expression.</param>
/// <param name="FirstWord">Index of its first word in <see cref="TokenLayer.Words"/>.</param>
/// <param name="WordCount">Number of words.</param>
/// <param name="Chain">Id of the coreference chain (entity) it belongs to, 1-based in order of first mention; 0 for none.</param>
/// <param name="Actors">The resolved actor, several for a group, none when unresolved.</param>
/// <param name="How">The rule that resolved it (<c>dictionary</c>, <c>document-role:apposition</c>, <c>honorific-surname</c>, <c>pronoun</c>, <c>role-nominal</c>, <c>side</c>, <c>group</c>, <c>the-country</c>, …), or <c>unresolved</c>.</param>
/// <param name="Antecedent">The earlier mention it was linked to, when a coreference rule decided.</param>
/// <param name="Confidence">A heuristic confidence in [0, 1].</param>
/// <param name="Reason">Why the mention is unresolved, or a note on the decision (a stale dictionary role overridden); null otherwise.</param>
/// <param name="Evidence">The dictionary matches and rule steps behind the decision, for explanation.</param>
public sealed record ActorMention(
    TextSpan Span,
    ActorMentionKind Kind,
    int FirstWord,
    int WordCount,
    int Chain,
    IReadOnlyList<DocumentActor> Actors,
    string How,
    TextSpan? Antecedent,
    double Confidence,
    string? Reason,
    IReadOnlyList<string> Evidence);

/// <summary>One entity of the document: a coreference chain with its canonical name, role and actor(s).</summary>
/// <param name="Id">The chain id used by <see cref="ActorMention.Chain"/>.</param>
/// <param name="Type">What the chain is: <c>person</c>, <c>office</c> (an unnamed office holder), <c>organisation</c>, <c>country</c>, <c>delegation</c> or <c>group</c>.</param>
/// <param name="Name">Canonical name (the longest name of a person, the institution's or country's name).</param>
/// <param name="Role">The role the document gives it, or null.</param>
/// <param name="Actors">The actor(s) it resolves to; empty when unresolved.</param>
/// <param name="MentionCount">How many mentions the chain has.</param>
public sealed record ActorChain(int Id, string Type, string Name, string? Role, IReadOnlyList<DocumentActor> Actors, int MentionCount);

/// <summary>The document-level actor mentions (text order) and their chains (order of first mention). Immutable.</summary>
/// <param name="Mentions">The mentions.</param>
/// <param name="Chains">The chains.</param>
/// <param name="Producer">Versioned name of the component that produced the layer.</param>
public sealed record ActorLayer(IReadOnlyList<ActorMention> Mentions, IReadOnlyList<ActorChain> Chains, string Producer);
