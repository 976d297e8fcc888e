using System.Globalization;
using System.Text.Json;

namespace Parley.Storage;

/// <summary>
/// Writes stored events in exchange formats, one event (after deduplication) per line, codes as strings:
/// <list type="bullet">
/// <item><c>plover-jsonl</c>: one JSON object per event (PLOVER type, mode, contexts, CAMEO, Goldstein, quad, date, place, actors, and every mention with its provenance).</item>
/// <item><c>icews-tsv</c>: the 20 columns of the ICEWS coded event files, tab-separated with a header.</item>
/// <item><c>phoenix-tsv</c>: the 26 columns of the Phoenix (PETRARCH) event data sets, tab-separated with a header.</item>
/// <item><c>csv</c>: a flat RFC 4180 table with a header.</item>
/// <item><c>parquet</c>: the CSV's columns and the event's place in an Apache Parquet file (<see cref="WriteParquet"/>).</item>
/// </list>
/// The columns are documented in <c>src/Parley.Storage/README.md</c>.
/// </summary>
public static partial class EventExport
{
    /// <summary>The format names accepted by <see cref="Write"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["plover-jsonl", "icews-tsv", "phoenix-tsv", "csv", "parquet"];

    /// <summary>The formats whose output is binary (written by <see cref="WriteParquet"/>, not <see cref="Write"/>).</summary>
    public static IReadOnlyList<string> BinaryFormats { get; } = ["parquet"];

    /// <summary>The Phoenix (PETRARCH) event data columns, in order.</summary>
    public static IReadOnlyList<string> PhoenixColumns { get; } =
    [
        "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
        "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
        "SentenceID", "URLs", "NewsSources",
    ];

    /// <summary>The ICEWS coded-event columns, in order.</summary>
    public static IReadOnlyList<string> IcewsColumns { get; } =
    [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
        "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
    ];

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "event_id", "first_record", "date", "event", "mode", "contexts", "cameo", "goldstein", "quad", "source_names", "source_countries", "source_orgs", "source_sectors",
        "recipient_names", "recipient_countries", "recipient_orgs", "recipient_sectors", "mentions", "doc_ids", "dedup_policy", "evidence",
    ];

    /// <summary>
    /// Writes <paramref name="events"/> to <paramref name="output"/> in a text <paramref name="format"/>; <paramref name="cameoName"/>
    /// gives the CAMEO description for ICEWS's Event Text (the PLOVER type is used when it returns null);
    /// <paramref name="placeName"/> gives the name of a country (ISO-3, admin1 null) or of a first-order region (ISO-3 and
    /// GeoNames admin1 code) for the place columns of ICEWS and Phoenix (the codes are written when it is null or returns
    /// null). Returns the number of events.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown format, or <c>parquet</c> (binary: see <see cref="WriteParquet"/>).</exception>
    public static long Write(string format, IEnumerable<StoredEvent> events, TextWriter output, Func<string, string?>? cameoName = null, Func<string, string?, string?>? placeName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        long n = 0;
        switch (format)
        {
            case "plover-jsonl":
                foreach (var e in events)
                {
                    output.WriteLine(JsonSerializer.Serialize(Plover(e), EventStore.Json));
                    n++;
                }

                break;
            case "icews-tsv":
                output.WriteLine(string.Join('\t', IcewsColumns));
                foreach (var e in events)
                {
                    output.WriteLine(string.Join('\t', Icews(e, cameoName, placeName).Select(Tsv)));
                    n++;
                }

                break;
            case "phoenix-tsv":
                output.WriteLine(string.Join('\t', PhoenixColumns));
                foreach (var e in events)
                {
                    output.WriteLine(string.Join('\t', Phoenix(e, placeName).Select(Tsv)));
                    n++;
                }

                break;
            case "csv":
                output.WriteLine(string.Join(',', CsvColumns));
                foreach (var e in events)
                {
                    output.WriteLine(string.Join(',', CsvRow(e).Select(Csv)));
                    n++;
                }

                break;
            case "parquet":
                throw new ArgumentException("parquet is a binary format: use WriteParquet", nameof(format));
            default:
                throw new ArgumentException($"unknown export format '{format}' (expected {string.Join(", ", Formats)})", nameof(format));
        }

        return n;
    }

    /// <summary>The PLOVER JSON object of one event (the <c>plover-jsonl</c> line, also printed by <c>parley query events --json</c>).</summary>
    public static Dictionary<string, object?> Plover(StoredEvent e) => new()
    {
        ["id"] = e.FirstRecord,
        ["store_id"] = e.Id,
        ["date"] = e.Date,
        ["event"] = e.Event,
        ["mode"] = e.Mode,
        ["context"] = e.Contexts,
        ["cameo"] = e.Cameo,
        ["goldstein"] = e.Goldstein,
        ["quad"] = e.Quad,
        ["location"] = e.Location,
        ["source"] = e.Source,
        ["recipient"] = e.Recipient,
        ["dedup_policy"] = e.DedupPolicy,
        ["mention_count"] = e.MentionCount,
        ["mentions"] = e.Mentions.Select(m => new Dictionary<string, object?>
        {
            ["doc_id"] = m.DocId,
            ["version"] = m.Version,
            ["record_id"] = m.RecordId,
            ["sentence"] = m.Sentence,
            ["evidence"] = m.Evidence,
            ["evidence_offsets"] = new[] { m.EvidenceStart, m.EvidenceEnd },
            ["trigger"] = m.Trigger,
            ["confidence"] = m.Confidence,
            ["coder"] = m.Coder,
            ["codebook"] = m.Codebook,
            ["dedup_policy"] = m.DedupPolicy,
            ["publisher"] = m.Publisher,
            ["url"] = m.Url,
            ["published"] = m.Published,
        }).ToList(),
    };

    private static string[] Icews(StoredEvent e, Func<string, string?>? cameoName, Func<string, string?, string?>? placeName)
    {
        var first = e.Mentions.Count > 0 ? e.Mentions[0] : null;
        var place = e.Location;
        return
        [
            e.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? "", Names(e.Source), Join(e.Source.Select(a => a.Sector)), Join(e.Source.Select(a => a.Country ?? a.Org)),
            cameoName?.Invoke(e.Cameo) ?? e.Event, e.Cameo, Number(e.Goldstein), Names(e.Recipient), Join(e.Recipient.Select(a => a.Sector)),
            Join(e.Recipient.Select(a => a.Country ?? a.Org)), first?.DocId ?? "", first is null ? "" : (first.Sentence + 1).ToString(CultureInfo.InvariantCulture),
            first?.Publisher ?? "", place?.Precision == "city" ? place.Name : "", "", Province(place, placeName), place?.Country is { } c ? placeName?.Invoke(c, null) ?? c : "",
            Number(place?.Lat, "0.####"), Number(place?.Lon, "0.####"),
        ];
    }

    /// <summary>The first-order region of a place: its name for a region, else the name of its admin1 code (the code when no name is known).</summary>
    private static string Province(StoredLocation? place, Func<string, string?, string?>? placeName) => place switch
    {
        null => "",
        { Precision: "admin" } => place.Name,
        { Admin1: { Length: > 0 } admin1, Country: { } country } => placeName?.Invoke(country, admin1) ?? admin1,
        _ => "",
    };

    private static string[] Phoenix(StoredEvent e, Func<string, string?, string?>? placeName)
    {
        var digits = (e.Date ?? "").Replace("-", "", StringComparison.Ordinal);
        var part = (e.Date ?? "").Split('-', StringSplitOptions.RemoveEmptyEntries);
        string DatePart(int i) => part.Length > i && int.TryParse(part[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "";
        var source = PhoenixActor(e.Source);
        var target = PhoenixActor(e.Recipient);
        var place = e.Location;
        var first = e.Mentions.Count > 0 ? e.Mentions[0] : null;
        return
        [
            e.Id.ToString(CultureInfo.InvariantCulture), digits, DatePart(0), DatePart(1), DatePart(2), source.Full, source.Entity, source.Role, "", target.Full, target.Entity,
            target.Role, "", e.Cameo, e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo, e.Quad.ToString(CultureInfo.InvariantCulture), Number(e.Goldstein), string.Join(';', e.Contexts),
            Number(place?.Lat, "0.####"), Number(place?.Lon, "0.####"), place?.Name ?? "", Province(place, placeName), place?.Country ?? "",
            first is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{first.DocId}_{first.Sentence + 1}"), Join(e.Mentions.Select(m => m.Url)),
            Join(e.Mentions.Select(m => m.Publisher)),
        ];
    }

    /// <summary>The Phoenix actor of one side: its first actor with a country or organisation (else its first actor) as entity and role (sector) codes.</summary>
    private static (string Full, string Entity, string Role) PhoenixActor(IReadOnlyList<StoredActor> actors)
    {
        var a = actors.FirstOrDefault(a => a.Entity is not null) ?? actors.FirstOrDefault();
        if (a is null)
        {
            return ("", "", "");
        }

        var entity = a.Entity ?? "";
        var role = a.Sector ?? "";
        return (entity + role, entity, role);
    }

    private static string[] CsvRow(StoredEvent e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture), e.FirstRecord, e.Date ?? "", e.Event, e.Mode ?? "", string.Join(';', e.Contexts), e.Cameo, Number(e.Goldstein),
        e.Quad.ToString(CultureInfo.InvariantCulture), Names(e.Source), Join(e.Source.Select(a => a.Country)), Join(e.Source.Select(a => a.Org)), Join(e.Source.Select(a => a.Sector)),
        Names(e.Recipient), Join(e.Recipient.Select(a => a.Country)), Join(e.Recipient.Select(a => a.Org)), Join(e.Recipient.Select(a => a.Sector)),
        e.MentionCount.ToString(CultureInfo.InvariantCulture), Join(e.Mentions.Select(m => m.DocId)), e.DedupPolicy, e.Mentions.Count > 0 ? e.Mentions[0].Evidence : "",
    ];

    private static string Names(IEnumerable<StoredActor> actors) => Join(actors.Select(a => a.Name ?? a.Text));

    /// <summary>Distinct non-empty values joined with <c>;</c>, in first-seen order.</summary>
    private static string Join(IEnumerable<string?> values) => string.Join(';', values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));

    private static string Number(double? value, string format = "0.###") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string Tsv(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
