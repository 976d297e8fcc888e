using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Web;

/// <summary>Checks of query and path values; a bad value raises PRL3003 (HTTP 400) naming the parameter.</summary>
internal static partial class QueryParameters
{
    /// <summary>An ISO date, full or partial (<c>2022</c>, <c>2022-06</c>, <c>2022-06-08</c>), or null.</summary>
    public static string? Date(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return IsoDate().IsMatch(value) ? value : throw Bad(name, $"'{Clip(value)}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }

    /// <summary>An integer within bounds, or the default when absent.</summary>
    public static int Int(int? value, string name, int fallback, int min, int max) => value switch
    {
        null => fallback,
        var v when v < min || v > max => throw Bad(name, $"{v} is outside {min}–{max}"),
        var v => v.Value,
    };

    /// <summary>An actor as the store's queries take it: a code (<c>KAZ</c>, <c>NATO</c>, <c>KAZ-LEG</c>) or a name, at most 80 characters of letters, digits, spaces, dots and dashes.</summary>
    public static string? Actor(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return ActorText().IsMatch(value) ? value.Trim() : throw Bad(name, $"'{Clip(value)}' is not an actor code or name");
    }

    /// <summary>One of the allowed values (case-insensitive), or the default when absent.</summary>
    public static string OneOf(string? value, string name, string fallback, params string[] allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw Bad(name, $"'{Clip(value)}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>Free text of at most 200 characters, or null.</summary>
    public static string? Text(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Length <= 200 ? value.Trim() : throw Bad(name, "longer than 200 characters");
    }

    public static ParleyException Bad(string name, string why) => new(Errors.InvalidParameter, $"parameter '{name}': {why}.");

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[\p{L}\p{N} .'’-]{1,80}$")]
    private static partial Regex ActorText();
}
