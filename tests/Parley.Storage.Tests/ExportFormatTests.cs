using Parley.Cli.Tests;
using Parquet;
using Parquet.Schema;

namespace Parley.Storage.Tests;

/// <summary>The Phoenix and Parquet exports and the place columns they share with ICEWS.</summary>
public sealed class ExportFormatTests
{
    [Fact]
    public void Export_Phoenix_HasTheTwentySixColumnsWithDatePartsCodesAndPlace()
    {
        using var t = TestStore.Create("sqlite");
        using var store = t.Open();
        Samples.Fill(store);
        using var output = new StringWriter { NewLine = "\n" };
        EventExport.Write("phoenix-tsv", store.AllEvents(), output, placeName: (country, admin1) => admin1 is null ? "Country " + country : null);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(EventExport.PhoenixColumns, lines[0].Split('\t'));
        Assert.Equal(26, EventExport.PhoenixColumns.Count);
        Assert.All(lines, l => Assert.Equal(26, l.Split('\t').Length));
        var stockholm = lines.Select(l => l.Split('\t')).Single(f => f[23] == "no-2_1");
        Assert.Equal(["20230502", "2023", "5", "2"], stockholm[1..5]);
        Assert.Equal(["NORGOV", "NOR", "GOV", "", "SWEGOV", "SWE", "GOV", "", "040", "04", "1", "1"], stockholm[5..17]);
        Assert.Equal(["59.3326", "18.0649", "Stockholm", "26", "SWE"], stockholm[18..23]);
        var request = lines.Select(l => l.Split('\t')).Single(f => f[23] == "ar-1_1");
        Assert.Equal(["UNOIGO", "UNO", "0241", "02"], [request[9], request[10], request[13], request[14]]);
    }

    [Fact]
    public void Export_IcewsOfALocatedEvent_FillsTheCityProvinceCountryAndCoordinates()
    {
        using var t = TestStore.Create("sqlite");
        using var store = t.Open();
        var (doc, events) = Samples.ChileStory();
        store.Store(doc, events, [], DedupPolicy.None);
        using var output = new StringWriter { NewLine = "\n" };
        EventExport.Write("icews-tsv", store.AllEvents(), output, placeName: (country, admin1) => admin1 is null && country == "PER" ? "Peru" : null);
        var row = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split('\t');
        Assert.Equal(["Lima", "", "LMA", "Peru", "-12.0432", "-77.0282"], row[14..20]);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Export_Parquet_ReadsBackWithEveryEventCodesAsStringsAndNulls(string backend)
    {
        using var t = TestStore.Create(backend);
        using var store = t.Open();
        Samples.Fill(store);
        var (cl, clEvents) = Samples.ChileStory();
        store.Store(cl, clEvents, [], DedupPolicy.None);
        var expected = store.AllEvents().ToList();
        using var buffer = new MemoryStream();
        Assert.Equal(expected.Count, EventExport.WriteParquet(store.AllEvents(), buffer, rowGroupSize: 4));
        buffer.Position = 0;

        var (columns, rows) = ReadParquet(buffer);
        Assert.Equal(EventExport.ParquetColumns.Select(c => c.Name), columns.Keys);
        Assert.Equal(expected.Count, rows);
        Assert.Equal(expected.Select(e => (object?)e.Id), columns["event_id"]);
        Assert.Equal(expected.Select(e => (object?)e.Cameo), columns["cameo"]);
        Assert.Contains("0241", columns["cameo"]);
        Assert.Equal(expected.Select(e => (object?)e.Cameo[..2]), columns["cameo_root"]);
        Assert.Equal(expected.Select(e => (object?)e.Goldstein), columns["goldstein"]);
        Assert.Equal(expected.Select(e => (object?)e.Quad), columns["quad"]);
        Assert.Equal(expected.Select(e => (object?)e.Location?.Lat), columns["latitude"]);
        Assert.Equal(expected.Select(e => (object?)e.Location?.GeonamesId), columns["location_geonames_id"]);
        Assert.Equal(expected.Select(e => (object?)e.Location?.Name), columns["location_name"]);
        Assert.Equal(expected.Select(e => (object?)(e.Date is { } d ? int.Parse(d[5..7], System.Globalization.CultureInfo.InvariantCulture) : null)), columns["month"]);
        Assert.Equal(expected.Select(e => (object?)e.Mode), columns["mode"]);
        var lima = Array.IndexOf([.. columns["location_name"]], "Lima");
        Assert.Equal("CHL", columns["source_countries"][lima]);
        Assert.Equal("cl-1", columns["doc_ids"][lima]);
        Assert.Equal("https://news.example.org/cl-1", columns["urls"][lima]);
    }

    [Fact]
    public void Export_ParquetOfAnEmptyStore_IsAValidFileWithNoRows()
    {
        using var t = TestStore.Create("sqlite");
        using var store = t.Open();
        using var buffer = new MemoryStream();
        Assert.Equal(0, EventExport.WriteParquet(store.AllEvents(), buffer));
        buffer.Position = 0;
        var (columns, rows) = ReadParquet(buffer);
        Assert.Equal(0, rows);
        Assert.Equal(EventExport.ParquetColumns.Count, columns.Count);
    }

    [Fact]
    public void ExportCommand_PhoenixAndParquetToAFile_MatchTheGoldenFileAndReadBack()
    {
        using var t = TestStore.Create("sqlite");
        using (var store = t.Open())
        {
            Samples.Fill(store);
            var ottawa = new StoredLocation("Ottawa", "Ottawa", 6094817, "CAN", "08", 45.4112, -75.6981, "city", "oblique \"in\" of \"hosted\"");
            store.Store(
                Samples.Doc("ca-1", "Canada's foreign minister hosted an Argentine delegation in Ottawa.", "2023-06-01"),
                [Samples.Event("ca-1#e1", "CONSULT", "042", 1.9, 1, "2023-06-01", [Samples.A("CAN", "GOV")], [Samples.A("ARG")], "Canada's foreign minister hosted an Argentine delegation in Ottawa.") with { Location = ottawa }],
                [],
                DedupPolicy.None);
        }

        var phoenix = CliRunner.Run(null, "export", "--format", "phoenix-tsv", "--store", t.Value);
        Assert.True(phoenix.ExitCode == 0, phoenix.StdErr);
        Assert.Contains("export: 6 events", phoenix.StdErr, StringComparison.Ordinal);
        Assert.Contains("\tOttawa\tOntario\tCAN\t", phoenix.StdOut, StringComparison.Ordinal);
        GoldenFile.AssertMatches("export-cli.phoenix.tsv", phoenix.StdOut, "Parley.Storage.Tests");

        var folder = Directory.CreateTempSubdirectory("parley-parquet-test-").FullName;
        try
        {
            var path = Path.Combine(folder, "events.parquet");
            var parquet = CliRunner.Run(null, "export", "--format", "parquet", "--store", t.Value, "--output", path);
            Assert.True(parquet.ExitCode == 0, parquet.StdErr);
            Assert.Contains("export: 6 events", parquet.StdErr, StringComparison.Ordinal);
            using var file = File.OpenRead(path);
            var (columns, rows) = ReadParquet(file);
            Assert.Equal(6, rows);
            Assert.Contains("042", columns["cameo"]);
            Assert.Contains("08", columns["location_admin1"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every column of a Parquet file, by name, as boxed values (null for a missing value), and the row count.</summary>
    private static (Dictionary<string, List<object?>> Columns, long Rows) ReadParquet(Stream stream)
    {
        return Read().GetAwaiter().GetResult();

        async Task<(Dictionary<string, List<object?>>, long)> Read()
        {
            await using var reader = await ParquetReader.CreateAsync(stream);
            var columns = reader.Schema.GetDataFields().ToDictionary(f => f.Name, _ => new List<object?>());
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                rows += n;
                foreach (var field in reader.Schema.GetDataFields())
                {
                    columns[field.Name].AddRange(await ReadColumn(group, field, n));
                }
            }

            return (columns, rows);
        }

        static async Task<IEnumerable<object?>> ReadColumn(ParquetRowGroupReader group, DataField field, int n)
        {
            if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
            {
                var values = new string?[n];
                await group.ReadAsync(field, values.AsMemory());
                return values;
            }

            if (field.ClrType == typeof(long))
            {
                return field.IsNullable ? await Nullable<long>(group, field, n) : await Plain<long>(group, field, n);
            }

            if (field.ClrType == typeof(int))
            {
                return field.IsNullable ? await Nullable<int>(group, field, n) : await Plain<int>(group, field, n);
            }

            if (field.ClrType == typeof(double))
            {
                return field.IsNullable ? await Nullable<double>(group, field, n) : await Plain<double>(group, field, n);
            }

            throw new InvalidOperationException($"unexpected column type {field.ClrType} of {field.Name}");
        }

        static async Task<IEnumerable<object?>> Plain<T>(ParquetRowGroupReader group, DataField field, int n)
            where T : struct
        {
            var values = new T[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => (object?)v);
        }

        static async Task<IEnumerable<object?>> Nullable<T>(ParquetRowGroupReader group, DataField field, int n)
            where T : struct
        {
            var values = new T?[n];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v is { } x ? (object?)x : null);
        }
    }
}
