using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Actors;

/// <summary>One hand-written test case of the actor suite: a mention, an optional date and the expected answer.</summary>
/// <param name="Line">1-based line number in the suite file.</param>
/// <param name="Text">The actor mention.</param>
/// <param name="Date">The date for dated roles, or null.</param>
/// <param name="Country">Expected ISO-3 country, or null (IGOs, countryless mentions, non-actors).</param>
/// <param name="Org">Expected organisation code (as in <c>curated-igos.tsv</c>), or null.</param>
/// <param name="Sector">Expected sector code, or null (a country or organisation named without a sector).</param>
/// <param name="Region">Region label used for the per-region report (Europe, PostSoviet, Asia, IGO, None…).</param>
/// <param name="Note">What the case exercises (capital metonym, demonym, dated person…).</param>
public sealed record ActorSuiteCase(int Line, string Text, DateOnly? Date, string? Country, string? Org, string? Sector, string Region, string Note);

/// <summary>The outcome of one suite case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Actual">The resolver's answer, or null when it found nothing.</param>
/// <param name="CountryOk">Whether the country matches (null equals null).</param>
/// <param name="OrgOk">Whether the organisation matches.</param>
/// <param name="SectorOk">Whether the sector matches.</param>
public sealed record ActorSuiteOutcome(ActorSuiteCase Case, ActorResolution? Actual, bool CountryOk, bool OrgOk, bool SectorOk)
{
    /// <summary>True when country, organisation and sector all match.</summary>
    public bool Correct => CountryOk && OrgOk && SectorOk;
}

/// <summary>Accuracy of a group of cases: how many are fully correct out of how many.</summary>
/// <param name="Correct">Cases whose country, organisation and sector all match.</param>
/// <param name="Total">Cases in the group.</param>
public readonly record struct ActorSuiteScore(int Correct, int Total)
{
    /// <summary>Correct / Total, 0 for an empty group.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>The evaluation of a suite: every outcome, with overall, per-field, per-region and per-sector scores.</summary>
/// <param name="Outcomes">One outcome per case, in file order.</param>
public sealed record ActorSuiteReport(IReadOnlyList<ActorSuiteOutcome> Outcomes)
{
    /// <summary>Cases whose three fields all match.</summary>
    public ActorSuiteScore Overall => Score(Outcomes, o => o.Correct);

    /// <summary>Cases whose country matches.</summary>
    public ActorSuiteScore Country => Score(Outcomes, o => o.CountryOk);

    /// <summary>Cases whose organisation matches.</summary>
    public ActorSuiteScore Org => Score(Outcomes, o => o.OrgOk);

    /// <summary>Cases whose sector matches.</summary>
    public ActorSuiteScore Sector => Score(Outcomes, o => o.SectorOk);

    /// <summary>Full-match accuracy per region label, ordered by label.</summary>
    public IReadOnlyList<(string Region, ActorSuiteScore Score)> ByRegion =>
        [.. Outcomes.GroupBy(o => o.Case.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Score(g, o => o.Correct)))];

    /// <summary>Full-match accuracy per expected sector (<c>-</c> for cases expecting none), ordered by sector.</summary>
    public IReadOnlyList<(string Sector, ActorSuiteScore Score)> BySector =>
        [.. Outcomes.GroupBy(o => o.Case.Sector ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Score(g, o => o.Correct)))];

    /// <summary>The cases that did not fully match, in file order.</summary>
    public IReadOnlyList<ActorSuiteOutcome> Failures => [.. Outcomes.Where(o => !o.Correct)];

    private static ActorSuiteScore Score(IEnumerable<ActorSuiteOutcome> outcomes, Func<ActorSuiteOutcome, bool> ok)
    {
        var list = outcomes as IReadOnlyCollection<ActorSuiteOutcome> ?? [.. outcomes];
        return new ActorSuiteScore(list.Count(ok), list.Count);
    }
}

/// <summary>
/// The actor test suite: a readable TSV of mentions with the expected country, organisation and sector
/// (columns <c>text date country org sector region note</c>; lines starting with <c>#</c> are comments, the
/// first other line is the header; an empty expected field means null). <see cref="Evaluate"/> runs a
/// resolver over it.
/// </summary>
public static class ActorSuite
{
    /// <summary>The suite shipped with the tests, relative to the repository root.</summary>
    public static string DefaultRelativePath { get; } = Path.Combine("tests", "Parley.Actors.Tests", "Data", "actor-suite.tsv");

    /// <summary>Reads a suite file. PRL1001 when it is missing, PRL1014 (with the line) for a malformed row or date.</summary>
    public static IReadOnlyList<ActorSuiteCase> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.InputNotFound, $"Actor suite {path} not found.", new SourceLocation(path));
        }

        var cases = new List<ActorSuiteCase>();
        var header = false;
        var lineNo = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!header)
            {
                header = true;
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 6 || f[0].Trim().Length == 0)
            {
                throw new ParleyException(Errors.InvalidAnnotatedInput, "a suite row needs text, date, country, org, sector and region separated by tabs.", new SourceLocation(path, lineNo));
            }

            DateOnly? date = null;
            if (f[1].Trim().Length > 0)
            {
                if (!DateOnly.TryParseExact(f[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw new ParleyException(Errors.InvalidAnnotatedInput, $"date must be YYYY-MM-DD, got \"{f[1]}\".", new SourceLocation(path, lineNo));
                }

                date = d;
            }

            cases.Add(new ActorSuiteCase(lineNo, f[0].Trim(), date, Null(f[2]), Null(f[3]), Null(f[4]), f[5].Trim(), f.Length > 6 ? f[6].Trim() : ""));
        }

        return cases;
    }

    /// <summary>Resolves every case (with its date, no context country) and compares the three fields.</summary>
    public static ActorSuiteReport Evaluate(ActorResolver resolver, IReadOnlyList<ActorSuiteCase> cases)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(cases);
        var outcomes = new List<ActorSuiteOutcome>(cases.Count);
        foreach (var c in cases)
        {
            var r = resolver.Resolve(c.Text, c.Date);
            outcomes.Add(new ActorSuiteOutcome(c, r, r?.Country == c.Country, r?.Org == c.Org, r?.Sector == c.Sector));
        }

        return new ActorSuiteReport(outcomes);
    }

    private static string? Null(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
