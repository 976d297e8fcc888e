namespace Parley.Events.Codebook;

/// <summary>
/// The 16 PLOVER event types (draft 0.8, as normative in Parley's evaluation) and their quad categories.
/// </summary>
/// <remarks>
/// The manual's numeric quad table lists SANCTION under verbal conflict, while its per-type sections and its
/// summary table put it under material conflict; Parley follows the per-type sections (material conflict, 4).
/// Legacy names of older PLOVER drafts (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are mapped to their successors
/// by <see cref="Normalize"/>.
/// </remarks>
public static class PloverTypes
{
    /// <summary>The PLOVER codebook version Parley codes to, written into every output record.</summary>
    public const string CodebookVersion = "plover-0.8";

    private static readonly Dictionary<string, int> Quads = new(StringComparer.Ordinal)
    {
        ["AGREE"] = 1,
        ["CONSULT"] = 1,
        ["SUPPORT"] = 1,
        ["CONCEDE"] = 1,
        ["COOPERATE"] = 2,
        ["AID"] = 2,
        ["RETREAT"] = 2,
        ["REQUEST"] = 3,
        ["ACCUSE"] = 3,
        ["REJECT"] = 3,
        ["THREATEN"] = 3,
        ["PROTEST"] = 4,
        ["SANCTION"] = 4,
        ["MOBILIZE"] = 4,
        ["COERCE"] = 4,
        ["ASSAULT"] = 4,
    };

    private static readonly Dictionary<string, string> Legacy = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST",
        ["DISAPPROVE"] = "ACCUSE",
        ["INVESTIGATE"] = "ACCUSE",
        ["FIGHT"] = "ASSAULT",
    };

    /// <summary>The 16 types in the manual's order (cooperation to conflict).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Quads.Keys];

    /// <summary>True for one of the 16 current type names (upper case).</summary>
    public static bool IsType(string name) => Quads.ContainsKey(name);

    /// <summary>Maps legacy type names to the current ones; other names are returned unchanged.</summary>
    public static string Normalize(string name) => Legacy.GetValueOrDefault(name, name);

    /// <summary>
    /// The quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict;
    /// null for a name that is not a PLOVER type.
    /// </summary>
    public static int? Quad(string eventType) => Quads.TryGetValue(Normalize(eventType), out var q) ? q : null;

    /// <summary>Types whose source and recipient may be swapped or merged (meetings, cooperation).</summary>
    public static bool IsSymmetric(string eventType) => eventType is "CONSULT" or "COOPERATE";
}
