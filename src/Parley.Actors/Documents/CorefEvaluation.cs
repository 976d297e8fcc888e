using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Core;

namespace Parley.Actors.Documents;

/// <summary>One hand-annotated expectation: the n-th occurrence of a mention text in a release and the actor(s) it refers to.</summary>
/// <param name="Document">The release id (its file name without <c>.txt</c>).</param>
/// <param name="Mention">The mention's text, matched case-sensitively on word boundaries.</param>
/// <param name="Occurrence">Which occurrence of <paramref name="Mention"/> (1-based).</param>
/// <param name="Countries">The expected countries (ISO-3, sorted); empty for an actor without country (an IGO).</param>
/// <param name="Sector">The expected sector, or null when any sector is accepted (<c>*</c> in the file).</param>
/// <param name="Person">The expected person's name, or null when the mention is not a person.</param>
public sealed record CorefGold(string Document, string Mention, int Occurrence, IReadOnlyList<string> Countries, string? Sector, string? Person);

/// <summary>The verdict on one expectation.</summary>
/// <param name="Gold">The expectation.</param>
/// <param name="Found">True when a system mention overlaps the expected text.</param>
/// <param name="Correct">True when the countries, the sector (unless any is accepted) and the person agree.</param>
/// <param name="Predicted">The system's answer, for the report.</param>
public sealed record CorefVerdict(CorefGold Gold, bool Found, bool Correct, string Predicted);

/// <summary>
/// Scores document actor resolution against a hand-annotated set (<c>data/eval-coref</c>: one <c>.txt</c> per release and
/// <c>gold.tsv</c> with columns doc, mention, occurrence, countries, sector, person). Accuracy is the share of expected
/// mentions whose resolved actor(s) match; a mention the system did not find counts as wrong.
/// </summary>
public static partial class CorefEvaluation
{
    /// <summary>Reads <c>gold.tsv</c>; PRL2004 on a malformed line.</summary>
    public static IReadOnlyList<CorefGold> LoadGold(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ParleyException(Errors.DataFile, $"Coreference gold file {path} not found.");
        }

        var result = new List<CorefGold>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (number == 1 || line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 5 || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) || occurrence < 1)
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{number}: expected doc, mention, occurrence (≥ 1), countries, sector[, person]: \"{line}\".");
            }

            var countries = f[3] == "-" ? [] : f[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
            result.Add(new CorefGold(f[0], f[1], occurrence, countries, f[4] is "*" or "" ? null : f[4], f.Length > 5 && f[5].Length > 0 ? f[5] : null));
        }

        return result;
    }

    /// <summary>Judges every expectation against the actor layers of the documents (by id).</summary>
    public static IReadOnlyList<CorefVerdict> Score(IReadOnlyDictionary<string, (string Text, ActorLayer Layer)> documents, IReadOnlyList<CorefGold> gold)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gold);
        var verdicts = new List<CorefVerdict>();
        foreach (var g in gold)
        {
            if (!documents.TryGetValue(g.Document, out var doc))
            {
                throw new ParleyException(Errors.DataFile, $"Coreference gold names document '{g.Document}', which is not in the set.");
            }

            var matches = Regex.Matches(doc.Text, $@"(?<!\w){Regex.Escape(g.Mention)}(?!\w)");
            if (matches.Count < g.Occurrence)
            {
                throw new ParleyException(Errors.DataFile, $"Coreference gold: '{g.Mention}' occurs {matches.Count} times in '{g.Document}', not {g.Occurrence}.");
            }

            var span = new TextSpan(matches[g.Occurrence - 1].Index, matches[g.Occurrence - 1].Index + matches[g.Occurrence - 1].Length);
            var mention = doc.Layer.Mentions
                .Where(m => m.Span.Overlaps(span))
                .OrderByDescending(m => Math.Min(m.Span.End, span.End) - Math.Max(m.Span.Start, span.Start))
                .FirstOrDefault();
            if (mention is null)
            {
                verdicts.Add(new CorefVerdict(g, false, false, "(no mention)"));
                continue;
            }

            var countries = mention.Actors.Select(a => a.Country).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var correct = mention.Actors.Count > 0
                && countries.SequenceEqual(g.Countries, StringComparer.Ordinal)
                && (g.Sector is null || mention.Actors.All(a => a.Sector == g.Sector))
                && (g.Person is null || mention.Actors.Any(a => NameKey.Key(a.Name) == NameKey.Key(g.Person)));
            var predicted = mention.Actors.Count == 0
                ? $"unresolved ({mention.Reason})"
                : string.Join(" + ", mention.Actors.Select(a => $"{a.Country ?? a.Org ?? "-"}/{a.Sector ?? "-"}/{a.Name}")) + $" [{mention.How}]";
            verdicts.Add(new CorefVerdict(g, true, correct, predicted));
        }

        return verdicts;
    }

    /// <summary>Finds the evaluation set <c>data/eval-coref</c> under the current directory or above the executable.</summary>
    public static string LocateSet()
    {
        var local = Path.Combine("data", "eval-coref");
        if (File.Exists(Path.Combine(local, "gold.tsv")))
        {
            return Path.GetFullPath(local);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "eval-coref");
            if (File.Exists(Path.Combine(candidate, "gold.tsv")))
            {
                return candidate;
            }
        }

        throw new ParleyException(Errors.DataFile, "The coreference evaluation set data/eval-coref was not found; pass --data.");
    }
}
