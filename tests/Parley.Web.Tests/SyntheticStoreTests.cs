using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Parley.Storage;

namespace Parley.Web.Tests;

/// <summary>A server over a store of 10,000 synthetic events (the generator of <c>parley bench dyad</c>), for streaming, paging and the aggregates.</summary>
public sealed class SyntheticStoreFixture : IAsyncLifetime
{
    public const int Events = 10_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("parley-web-synthetic-").FullName;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public string StorePath => Path.Combine(_folder, "store.db");

    public (string A, string B) Densest { get; private set; }

    public async Task InitializeAsync()
    {
        using (var store = EventStore.Open(StorePath))
        {
            Densest = store.AddSyntheticEvents(Events);
        }

        (App, var url) = await WebFixture.StartAsync(new ServerOptions { Store = StoreLocation.Parse(StorePath), ModelsRoot = WebFixture.ModelsRoot, Urls = "http://127.0.0.1:0", ReadsPerMinute = 100_000 });
        Client.BaseAddress = new Uri(url);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left behind on a slow machine
        }
    }
}

public sealed class SyntheticStoreTests(SyntheticStoreFixture fixture) : IClassFixture<SyntheticStoreFixture>
{
    private HttpClient Client => fixture.Client;

    private async Task<JsonElement> Json(string path)
    {
        using var r = await Client.GetAsync(path);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task EventsNdjson_AllEvents_StreamsChunkedValidLinesInIdOrder()
    {
        using var r = await Client.GetAsync("/v1/events?format=ndjson", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/x-ndjson", r.Content.Headers.ContentType?.MediaType);
        Assert.Null(r.Content.Headers.ContentLength); // written as read: chunked, no length known in advance
        Assert.True(r.Headers.TransferEncodingChunked);
        using var reader = new StreamReader(await r.Content.ReadAsStreamAsync());
        long previous = 0, count = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            var e = JsonDocument.Parse(line).RootElement;
            var id = e.GetProperty("id").GetInt64();
            Assert.True(id > previous);
            previous = id;
            Assert.Equal(1, e.GetProperty("mentions").GetArrayLength());
            count++;
        }

        Assert.Equal(SyntheticStoreFixture.Events, count);
    }

    [Fact]
    public async Task EventsNdjson_FirstLinesArriveWhileTheRestIsStillBeingWritten_AndAClientLeavingEndsTheStream()
    {
        var streams = fixture.App.Services.GetRequiredService<EventStreams>();
        using var cancel = new CancellationTokenSource();
        using (var r = await Client.GetAsync("/v1/events?format=ndjson", HttpCompletionOption.ResponseHeadersRead, cancel.Token))
        {
            using var reader = new StreamReader(await r.Content.ReadAsStreamAsync(cancel.Token));
            for (var i = 0; i < 10; i++)
            {
                Assert.True(JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!).RootElement.GetProperty("id").GetInt64() > 0);
            }

            // ten lines read of some 8 MB: the server is still writing (blocked on the connection), not done
            Assert.Equal(1, streams.Open);
            await cancel.CancelAsync();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (streams.Open > 0 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, streams.Open); // the handler stopped and closed its store
        Assert.Equal(SyntheticStoreFixture.Events, (await Json("/v1/stats")).GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task EventsNdjson_Filters_KeepOnlyMatchingEvents()
    {
        var (a, b) = fixture.Densest;
        var lines = (await Client.GetStringAsync($"/v1/events?format=ndjson&actor={a}&recipient={b}&type=ACCUSE&from=2016&to=2019-06")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var e = JsonDocument.Parse(line).RootElement;
            Assert.Equal("ACCUSE", e.GetProperty("event").GetString());
            Assert.Equal(a, e.GetProperty("source")[0].GetProperty("country").GetString());
            Assert.Equal(b, e.GetProperty("recipient")[0].GetProperty("country").GetString());
            var date = e.GetProperty("date").GetString()!;
            Assert.True(string.CompareOrdinal(date, "2016") >= 0 && string.CompareOrdinal(date, "2019-07") < 0, date);
        }

        using var store = EventStore.Open(fixture.StorePath);
        Assert.Equal(store.QueryEvents(new EventQuery { Actor = a, Recipient = b, Type = "ACCUSE", From = "2016", To = "2019-06", Limit = 100_000 }).Count, lines.Length);
    }

    [Fact]
    public async Task EventsPaging_PagesJoinUpToTheWholeList_AndTheLastHasNoNext()
    {
        var whole = (await Json("/v1/events?actor=USA&from=2020-01&to=2020-02&limit=1000")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.InRange(whole.Count, 30, 999);
        var paged = new List<long>();
        int? offset = 0;
        while (offset is { } o)
        {
            var page = await Json($"/v1/events?actor=USA&from=2020-01&to=2020-02&limit=25&offset={o}");
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            offset = page.GetProperty("next_offset").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_offset").GetInt32();
        }

        Assert.Equal(whole, paged);
        var end = await Json($"/v1/events?limit=50&offset={SyntheticStoreFixture.Events - 20}");
        Assert.Equal(20, end.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, end.GetProperty("next_offset").ValueKind);
    }

    [Fact]
    public async Task StatsNetworkActorsAndDyad_AnswerFromTheRollups()
    {
        var stats = await Json("/v1/stats?top=12");
        Assert.Equal(SyntheticStoreFixture.Events, stats.GetProperty("events").GetInt64());
        Assert.Equal(120, stats.GetProperty("by_month").GetArrayLength()); // 2015–2024
        Assert.Equal(12, stats.GetProperty("top_types").GetArrayLength());
        Assert.Equal(SyntheticStoreFixture.Events, stats.GetProperty("top_types").EnumerateArray().Sum(t => t.GetProperty("events").GetInt64()));
        var (a, b) = fixture.Densest;
        var top = stats.GetProperty("top_dyads")[0];
        Assert.Equal((string.CompareOrdinal(a, b) < 0 ? a : b, string.CompareOrdinal(a, b) < 0 ? b : a), (top.GetProperty("a").GetString(), top.GetProperty("b").GetString()));

        var network = await Json("/v1/network?nodes=40");
        Assert.Equal(40, network.GetProperty("nodes").GetArrayLength());
        Assert.Equal(SyntheticStoreFixture.Events, network.GetProperty("edges").EnumerateArray().Sum(e => e.GetProperty("events").GetInt64())); // one pair per event
        var year = await Json("/v1/network?nodes=40&from=2022&to=2022");
        Assert.InRange(year.GetProperty("edges").EnumerateArray().Sum(e => e.GetProperty("events").GetInt64()), 700, 1300);

        var actors = await Json("/v1/actors?limit=1000");
        Assert.Equal(200, actors.GetArrayLength()); // 40 countries × 5 sectors
        Assert.Equal(2 * SyntheticStoreFixture.Events, actors.EnumerateArray().Sum(x => x.GetProperty("events").GetInt64()));
        Assert.Equal(("2015-01", "2024-12"), (actors[0].GetProperty("first_month").GetString(), actors[0].GetProperty("last_month").GetString()));

        var dyad = await Json($"/v1/dyads/{a}/{b}?limit=2000");
        var series = dyad.GetProperty("series").EnumerateArray().Sum(p => p.GetProperty("events").GetInt64());
        var events = dyad.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(series, top.GetProperty("events").GetInt64());
        Assert.Equal(Math.Min(series, 2000), events.Count);
        var dates = events.Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }
}
