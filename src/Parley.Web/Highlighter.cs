using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Storage;

namespace Parley.Web;

/// <summary>A highlighted stretch of a document's text.</summary>
/// <param name="Start">Start offset in the text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Kind"><c>trigger</c>, <c>actor</c>, <c>date</c> or <c>quote</c>.</param>
/// <param name="Record">The event mention it belongs to (<c>doc#e1</c>), or null for quotes.</param>
/// <param name="Label">A short description (the event type, the actor's code and role, the date's value).</param>
internal sealed record Highlight(int Start, int End, string Kind, string? Record, string? Label);

/// <summary>
/// Finds what the article view highlights: each mention's trigger (stored offsets), its actors' and its date's words
/// (their text found inside the mention's evidence sentence, the first occurrence), and quoted speech (text between
/// typographic or straight double quotes, 12 characters or more).
/// </summary>
internal static partial class Highlighter
{
    public static IReadOnlyList<Highlight> Find(StoredDocument document)
    {
        var text = document.Text;
        var list = new List<Highlight>();
        foreach (var m in document.Mentions)
        {
            if (m.TriggerEnd > m.TriggerStart && m.TriggerEnd <= text.Length)
            {
                list.Add(new Highlight(m.TriggerStart, m.TriggerEnd, "trigger", m.RecordId, $"{m.Event} ({m.Cameo})"));
            }

            foreach (var (actor, role) in m.Source.Select(a => (a, "source")).Concat(m.Recipient.Select(a => (a, "recipient"))))
            {
                if (Locate(text, actor.Text, m.EvidenceStart, m.EvidenceEnd) is { } at)
                {
                    list.Add(new Highlight(at, at + actor.Text.Length, "actor", m.RecordId, $"{role}: {actor.Entity ?? actor.Name ?? actor.Text}{(actor.Sector is { } s ? " " + s : "")}"));
                }
            }

            if (DateText(m.RecordJson) is { } date && Locate(text, date, m.EvidenceStart, m.EvidenceEnd) is { } d)
            {
                list.Add(new Highlight(d, d + date.Length, "date", m.RecordId, m.Date));
            }
        }

        foreach (Match q in Quote().Matches(text))
        {
            list.Add(new Highlight(q.Index, q.Index + q.Length, "quote", null, null));
        }

        return [.. list.DistinctBy(h => (h.Start, h.End, h.Kind, h.Record)).OrderBy(h => h.Start).ThenByDescending(h => h.End)];
    }

    /// <summary>The text of a mention's date expression, from the stored record's <c>date_trace</c>.</summary>
    public static string? DateText(string recordJson)
    {
        try
        {
            using var json = JsonDocument.Parse(recordJson);
            return json.RootElement.TryGetProperty("date_trace", out var trace) && trace.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Locate(string text, string? words, int start, int end)
    {
        if (string.IsNullOrWhiteSpace(words) || start < 0 || end > text.Length || end <= start)
        {
            return null;
        }

        var at = text.AsSpan(start, end - start).IndexOf(words, StringComparison.Ordinal);
        return at < 0 ? null : start + at;
    }

    [GeneratedRegex("[“\"][^“”\"\\n]{12,}[”\"]")]
    private static partial Regex Quote();
}
