using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Parley.Storage;

/// <content>The Parquet export.</content>
public static partial class EventExport
{
    /// <summary>The Parquet columns, in order: name, CLR type (a nullable type is an optional column; strings are UTF-8 and null when absent).</summary>
    public static IReadOnlyList<(string Name, Type Type)> ParquetColumns { get; } =
    [
        ("event_id", typeof(long)), ("first_record", typeof(string)), ("date", typeof(string)), ("year", typeof(int?)), ("month", typeof(int?)), ("day", typeof(int?)),
        ("event", typeof(string)), ("mode", typeof(string)), ("contexts", typeof(string)), ("cameo", typeof(string)), ("cameo_root", typeof(string)), ("goldstein", typeof(double?)),
        ("quad", typeof(int)), ("source_names", typeof(string)), ("source_countries", typeof(string)), ("source_orgs", typeof(string)), ("source_sectors", typeof(string)),
        ("recipient_names", typeof(string)), ("recipient_countries", typeof(string)), ("recipient_orgs", typeof(string)), ("recipient_sectors", typeof(string)),
        ("mentions", typeof(int)), ("doc_ids", typeof(string)), ("urls", typeof(string)), ("publishers", typeof(string)), ("dedup_policy", typeof(string)), ("evidence", typeof(string)),
        ("location_name", typeof(string)), ("location_country", typeof(string)), ("location_admin1", typeof(string)), ("location_geonames_id", typeof(long?)),
        ("location_precision", typeof(string)), ("latitude", typeof(double?)), ("longitude", typeof(double?)),
    ];

    /// <summary>
    /// Writes <paramref name="events"/> as an Apache Parquet file (columns <see cref="ParquetColumns"/>, one row per event,
    /// codes as strings, lists <c>;</c>-separated as in the CSV) to <paramref name="output"/>, which must be writable and
    /// seekable. Events are buffered <paramref name="rowGroupSize"/> at a time, one row group each, so memory stays bounded.
    /// Returns the number of events.
    /// </summary>
    public static long WriteParquet(IEnumerable<StoredEvent> events, Stream output, int rowGroupSize = 50_000)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        var fields = ParquetColumns.Select(c => new DataField(c.Name, c.Type, isNullable: c.Type == typeof(string) || Nullable.GetUnderlyingType(c.Type) is not null)).ToArray();
        var schema = new ParquetSchema(fields);
        return WriteParquetAsync(events, output, schema, fields, rowGroupSize).GetAwaiter().GetResult();
    }

    private static async Task<long> WriteParquetAsync(IEnumerable<StoredEvent> events, Stream output, ParquetSchema schema, DataField[] fields, int rowGroupSize)
    {
        long n = 0;
        await using var writer = await ParquetWriter.CreateAsync(schema, output).ConfigureAwait(false);
        var batch = new List<StoredEvent>(Math.Min(rowGroupSize, 65_536));
        foreach (var e in events)
        {
            batch.Add(e);
            if (batch.Count == rowGroupSize)
            {
                await WriteRowGroupAsync(writer, fields, batch).ConfigureAwait(false);
                n += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0 || n == 0)
        {
            await WriteRowGroupAsync(writer, fields, batch).ConfigureAwait(false);
            n += batch.Count;
        }

        return n;
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, DataField[] fields, List<StoredEvent> batch)
    {
        using var group = writer.CreateRowGroup();
        var i = 0;
        async Task Text(Func<StoredEvent, string?> value) => await group.WriteAsync(fields[i++], batch.Select(e => value(e) is { Length: > 0 } v ? v : null).ToList()!, null).ConfigureAwait(false);
        async Task Value<T>(Func<StoredEvent, T> value)
            where T : struct => await group.WriteAsync(fields[i++], new ReadOnlyMemory<T>([.. batch.Select(value)])).ConfigureAwait(false);
        async Task Optional<T>(Func<StoredEvent, T?> value)
            where T : struct => await group.WriteAsync(fields[i++], new ReadOnlyMemory<T?>([.. batch.Select(value)])).ConfigureAwait(false);
        static int? DatePart(StoredEvent e, int index) =>
            (e.Date ?? "").Split('-') is var parts && parts.Length > index && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        await Value(e => e.Id).ConfigureAwait(false);
        await Text(e => e.FirstRecord).ConfigureAwait(false);
        await Text(e => e.Date).ConfigureAwait(false);
        await Optional(e => DatePart(e, 0)).ConfigureAwait(false);
        await Optional(e => DatePart(e, 1)).ConfigureAwait(false);
        await Optional(e => DatePart(e, 2)).ConfigureAwait(false);
        await Text(e => e.Event).ConfigureAwait(false);
        await Text(e => e.Mode).ConfigureAwait(false);
        await Text(e => string.Join(';', e.Contexts)).ConfigureAwait(false);
        await Text(e => e.Cameo).ConfigureAwait(false);
        await Text(e => e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo).ConfigureAwait(false);
        await Optional(e => e.Goldstein).ConfigureAwait(false);
        await Value(e => e.Quad).ConfigureAwait(false);
        foreach (var side in new Func<StoredEvent, IReadOnlyList<StoredActor>>[] { e => e.Source, e => e.Recipient })
        {
            await Text(e => Names(side(e))).ConfigureAwait(false);
            await Text(e => Join(side(e).Select(a => a.Country))).ConfigureAwait(false);
            await Text(e => Join(side(e).Select(a => a.Org))).ConfigureAwait(false);
            await Text(e => Join(side(e).Select(a => a.Sector))).ConfigureAwait(false);
        }

        await Value(e => e.MentionCount).ConfigureAwait(false);
        await Text(e => Join(e.Mentions.Select(m => m.DocId))).ConfigureAwait(false);
        await Text(e => Join(e.Mentions.Select(m => m.Url))).ConfigureAwait(false);
        await Text(e => Join(e.Mentions.Select(m => m.Publisher))).ConfigureAwait(false);
        await Text(e => e.DedupPolicy).ConfigureAwait(false);
        await Text(e => e.Mentions.Count > 0 ? e.Mentions[0].Evidence : null).ConfigureAwait(false);
        await Text(e => e.Location?.Name).ConfigureAwait(false);
        await Text(e => e.Location?.Country).ConfigureAwait(false);
        await Text(e => e.Location?.Admin1).ConfigureAwait(false);
        await Optional(e => e.Location?.GeonamesId).ConfigureAwait(false);
        await Text(e => e.Location?.Precision).ConfigureAwait(false);
        await Optional(e => e.Location?.Lat).ConfigureAwait(false);
        await Optional(e => e.Location?.Lon).ConfigureAwait(false);
    }
}
