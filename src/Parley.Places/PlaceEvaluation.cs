using System.Text;
using Parley.Core;

namespace Parley.Places;

/// <summary>One case of a place suite: a mention with its context and the expected place.</summary>
/// <param name="Line">Line number in the suite file (1-based).</param>
/// <param name="Text">The mention text.</param>
/// <param name="ContextCountry">ISO-3 context country, or null.</param>
/// <param name="Dateline">Dateline place, or null.</param>
/// <param name="Country">Expected ISO-3 country, or null when the mention must stay unresolved.</param>
/// <param name="Precision">Expected precision, or null when unresolved.</param>
/// <param name="Id">Expected GeoNames id (a city) or admin1 code (a region); empty for a country or when any place of the right country and precision will do.</param>
/// <param name="Category">Free category for the report (capital, namesake, renamed, country, region, unknown…).</param>
public sealed record PlaceCase(int Line, string Text, string? ContextCountry, string? Dateline, string? Country, PlacePrecision? Precision, string Id, string Category);

/// <summary>The outcome of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Got">What the resolver returned (null: unresolved).</param>
/// <param name="Correct">True when country, precision and id (when given) all match, or both are unresolved.</param>
public sealed record PlaceCaseResult(PlaceCase Case, PlaceResolution? Got, bool Correct);

/// <summary>
/// Reads a place suite (UTF-8 TSV, header <c>text context dateline country precision id category</c>; <c>-</c> or
/// empty for none; <c>country</c> = <c>-</c> means "must stay unresolved") and scores a resolver on it.
/// </summary>
public static class PlaceEvaluation
{
    /// <summary>The expected header of a suite file.</summary>
    public const string Header = "text\tcontext\tdateline\tcountry\tprecision\tid\tcategory";

    /// <summary>Parses a suite. PRL1014 naming the file and line when a row is malformed.</summary>
    public static IReadOnlyList<PlaceCase> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.InputNotFound, $"Place suite {path} not found.");
        }

        var cases = new List<PlaceCase>();
        var n = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (n == 1)
            {
                if (line != Header)
                {
                    throw new ParleyException(Errors.InvalidAnnotatedInput, $"{path}:1: expected the header \"{Header.Replace('\t', ' ')}\".");
                }

                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 7 || f[0].Trim().Length == 0)
            {
                throw new ParleyException(Errors.InvalidAnnotatedInput, $"{path}:{n}: expected 7 tab-separated columns with a text, got {f.Length}.");
            }

            static string? Opt(string s) => s is "" or "-" ? null : s;
            PlacePrecision? precision = Opt(f[4]) switch
            {
                null => null,
                "city" => PlacePrecision.City,
                "admin" => PlacePrecision.Admin,
                "country" => PlacePrecision.Country,
                var other => throw new ParleyException(Errors.InvalidAnnotatedInput, $"{path}:{n}: precision must be city, admin or country, got \"{other}\"."),
            };
            var country = Opt(f[3]);
            if ((country is null) != (precision is null))
            {
                throw new ParleyException(Errors.InvalidAnnotatedInput, $"{path}:{n}: country and precision must both be given, or both '-' for an unresolvable mention.");
            }

            cases.Add(new PlaceCase(n, f[0], Opt(f[1]), Opt(f[2]), country, precision, f[5] == "-" ? "" : f[5], f[6]));
        }

        return cases;
    }

    /// <summary>Resolves every case and compares it with the expectation.</summary>
    public static IReadOnlyList<PlaceCaseResult> Evaluate(PlaceResolver resolver, IEnumerable<PlaceCase> cases)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select(c =>
        {
            var got = resolver.Resolve(c.Text, c.ContextCountry, c.Dateline);
            return new PlaceCaseResult(c, got, IsCorrect(c, got));
        }).ToList();
    }

    /// <summary>Accuracy in [0, 1] (0 for no cases).</summary>
    public static double Accuracy(IReadOnlyCollection<PlaceCaseResult> results) =>
        results is null || results.Count == 0 ? 0 : (double)results.Count(r => r.Correct) / results.Count;

    private static bool IsCorrect(PlaceCase c, PlaceResolution? got)
    {
        if (c.Country is null || got is null)
        {
            return c.Country is null && got is null;
        }

        if (got.Country != c.Country || got.Precision != c.Precision)
        {
            return false;
        }

        return c.Id.Length == 0 || c.Precision switch
        {
            PlacePrecision.City => got.GeoNamesId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == c.Id,
            PlacePrecision.Admin => got.Admin1 == c.Id,
            _ => true,
        };
    }
}
