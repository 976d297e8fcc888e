using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parley.Storage;

namespace Parley.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ApiTests(WebFixture web)
{
    private HttpClient Client => web.Client;

    private async Task<JsonElement> Json(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var r = await Client.GetAsync(path);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{path}: {(int)r.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    private static void AssertProblem(JsonElement problem, string code, int status)
    {
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:parley:error:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Health_LiveAndReady_ReportTheStore()
    {
        Assert.Equal("live", (await Json("/health/live")).GetProperty("status").GetString());
        var ready = await Json("/health/ready");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("documents").GetInt64() >= 31); // the example, the 30 dev articles, and what other tests upload
    }

    [Fact]
    public async Task Documents_ListPagesNewestFirst()
    {
        var first = await Json("/v1/documents?limit=10");
        var items = first.GetProperty("items");
        Assert.Equal(10, items.GetArrayLength());
        Assert.Equal(10, first.GetProperty("next_offset").GetInt32());
        var dates = items.EnumerateArray().Select(i => i.GetProperty("published").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var total = (await Json("/health/ready")).GetProperty("documents").GetInt32();
        var last = await Json($"/v1/documents?limit=10&offset={total - 1}");
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next_offset").ValueKind);
    }

    [Fact]
    public async Task Documents_Get_HasTextEventsAndHighlights()
    {
        var doc = await Json("/v1/documents/" + WebFixture.ExampleId);
        var text = doc.GetProperty("text").GetString()!;
        Assert.StartsWith("Belarus considers Kazakhstan", text, StringComparison.Ordinal);
        var events = doc.GetProperty("events");
        Assert.True(events.GetArrayLength() >= 3);
        var first = events[0].GetProperty("mention");
        var (start, end) = (first.GetProperty("trigger_start").GetInt32(), first.GetProperty("trigger_end").GetInt32());
        Assert.Equal(first.GetProperty("trigger").GetString(), text[start..end]);
        Assert.Equal(first.GetProperty("record_id").GetString(), events[0].GetProperty("record").GetProperty("id").GetString());
        var kinds = doc.GetProperty("highlights").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("trigger", kinds);
        Assert.Contains("actor", kinds);
        Assert.True(doc.GetProperty("calendar").GetArrayLength() >= 1);
        var actorTexts = events.EnumerateArray().SelectMany(e => e.GetProperty("mention").GetProperty("source").EnumerateArray().Concat(e.GetProperty("mention").GetProperty("recipient").EnumerateArray()))
            .Select(a => a.GetProperty("text").GetString()).ToHashSet();
        foreach (var h in doc.GetProperty("highlights").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "actor"))
        {
            Assert.Contains(text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()], actorTexts);
        }
    }

    [Fact]
    public async Task Documents_SearchAndUnknown()
    {
        var hits = await Json("/v1/documents/search?q=interparliamentary");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("doc_id").GetString() == WebFixture.ExampleId);
        AssertProblem(await Json("/v1/documents/no-such-document", HttpStatusCode.NotFound), "PRL3004", 404);
        AssertProblem(await Json("/v1/documents/search", HttpStatusCode.BadRequest), "PRL3003", 400);
    }

    [Fact]
    public async Task Events_FilterAndPage_Consistently()
    {
        var all = await Json("/v1/events?limit=1000");
        var total = all.GetProperty("items").GetArrayLength();
        Assert.True(total > 20, $"only {total} events");
        var paged = new List<long>();
        for (var offset = 0; ; offset += 7)
        {
            var page = await Json($"/v1/events?limit=7&offset={offset}");
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            if (page.GetProperty("next_offset").ValueKind == JsonValueKind.Null)
            {
                break;
            }
        }

        Assert.Equal(all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()), paged);
        var blr = await Json("/v1/events?actor=BLR&type=SUPPORT");
        Assert.NotEqual(0, blr.GetProperty("items").GetArrayLength());
        Assert.All(blr.GetProperty("items").EnumerateArray(), e =>
        {
            Assert.Equal("SUPPORT", e.GetProperty("event").GetString());
            Assert.Contains(e.GetProperty("source").EnumerateArray(), a => a.GetProperty("country").GetString() == "BLR");
        });
        var june = await Json("/v1/events?from=2022-06&to=2022-06");
        Assert.All(june.GetProperty("items").EnumerateArray(), e => Assert.StartsWith("2022-06", e.GetProperty("date").GetString(), StringComparison.Ordinal));
        AssertProblem(await Json("/v1/events?from=June", HttpStatusCode.BadRequest), "PRL3003", 400);
        AssertProblem(await Json("/v1/events?limit=0", HttpStatusCode.BadRequest), "PRL3003", 400);
        AssertProblem(await Json("/v1/events?limit=many", HttpStatusCode.BadRequest), "PRL3003", 400);
    }

    [Fact]
    public async Task Events_Ndjson_StreamsEveryEventOnItsLine()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using var r = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/x-ndjson", r.Content.Headers.ContentType?.MediaType);
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        long events;
        using (var store = EventStore.Open(web.StorePath))
        {
            events = store.Counts().Events;
        }

        Assert.Equal(events, lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64() > 0));
        var filtered = (await Client.GetStringAsync("/v1/events?format=ndjson&actor=KAZ")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(filtered.Length, 1, lines.Length - 1);
    }

    [Fact]
    public async Task Event_Get_AndItsDyad()
    {
        var e = (await Json("/v1/events?actor=BLR&recipient=KAZ&limit=1")).GetProperty("items")[0];
        var id = e.GetProperty("id").GetInt64();
        Assert.Equal(id, (await Json($"/v1/events/{id}")).GetProperty("id").GetInt64());
        AssertProblem(await Json("/v1/events/999999", HttpStatusCode.NotFound), "PRL3004", 404);
        var dyad = await Json("/v1/dyads/blr/KAZ?by=month");
        Assert.Equal("BLR", dyad.GetProperty("a").GetString());
        Assert.Contains(dyad.GetProperty("events").EnumerateArray(), x => x.GetProperty("id").GetInt64() == id);
        var series = dyad.GetProperty("series");
        Assert.NotEqual(0, series.GetArrayLength());
        Assert.Equal(
            series.EnumerateArray().Sum(p => p.GetProperty("events").GetInt64()),
            series.EnumerateArray().Sum(p => p.GetProperty("verbal_cooperation").GetInt64() + p.GetProperty("material_cooperation").GetInt64() + p.GetProperty("verbal_conflict").GetInt64() + p.GetProperty("material_conflict").GetInt64()));
        AssertProblem(await Json("/v1/dyads/BLR/KAZ?by=day", HttpStatusCode.BadRequest), "PRL3003", 400);
    }

    [Fact]
    public async Task ActorsNetworkCalendarStats_AgreeWithTheEvents()
    {
        var actors = await Json("/v1/actors?kind=country");
        Assert.Contains(actors.EnumerateArray(), a => a.GetProperty("country").GetString() == "KAZ" && a.GetProperty("code").GetString()!.StartsWith("KAZ", StringComparison.Ordinal));
        Assert.All(actors.EnumerateArray(), a => Assert.Equal(JsonValueKind.String, a.GetProperty("country").ValueKind));
        Assert.All(actors.EnumerateArray(), a => Assert.True(a.GetProperty("events").GetInt32() >= Math.Max(a.GetProperty("as_source").GetInt32(), a.GetProperty("as_recipient").GetInt32())));
        var network = await Json("/v1/network?kind=country&nodes=10");
        var nodes = network.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToHashSet();
        Assert.InRange(nodes.Count, 2, 10);
        Assert.All(network.GetProperty("edges").EnumerateArray(), e => Assert.True(nodes.Contains(e.GetProperty("a").GetString()) && nodes.Contains(e.GetProperty("b").GetString())));
        var calendar = await Json("/v1/calendar");
        Assert.NotEqual(0, calendar.GetArrayLength());
        var stats = await Json("/v1/stats");
        Assert.True(stats.GetProperty("counts").GetProperty("documents").GetInt64() >= 31);
        var byMonth = stats.GetProperty("by_month").EnumerateArray().Sum(m => m.GetProperty("verbal_cooperation").GetInt32() + m.GetProperty("material_cooperation").GetInt32() + m.GetProperty("verbal_conflict").GetInt32() + m.GetProperty("material_conflict").GetInt32());
        Assert.InRange(byMonth, 1, stats.GetProperty("counts").GetProperty("events").GetInt64());
        Assert.NotEqual(0, stats.GetProperty("top_dyads").GetArrayLength());
        AssertProblem(await Json("/v1/actors?kind=people", HttpStatusCode.BadRequest), "PRL3003", 400);
    }

    [Fact]
    public async Task Post_WithoutOrWithBadKey_Is401()
    {
        var body = Encoding.UTF8.GetBytes("Chile and Peru signed a fisheries agreement in Lima on Monday.");
        using var none = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = new ByteArrayContent(body) };
        none.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var r = await Client.SendAsync(none);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("Bearer", r.Headers.WwwAuthenticate.ToString());
        AssertProblem(JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement, "PRL3002", 401);
        using var bad = await web.Upload(body, "text/plain", "x.txt", key: web.ApiKey[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);

        string revoked;
        using (var store = EventStore.Open(web.StorePath))
        {
            var made = store.CreateApiKey("revoked");
            Assert.True(store.RevokeApiKey(made.Info.KeyId));
            revoked = made.Key;
        }

        using var rev = await web.Upload(body, "text/plain", "x.txt", key: revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, rev.StatusCode);
    }

    [Fact]
    public async Task Post_SameContentAgain_IsSkipped_AndBadMediaTypeIs415()
    {
        var example = await File.ReadAllBytesAsync(Path.Combine(Parley.Cli.Tests.CliRunner.RepoRoot, "examples", WebFixture.ExampleId + ".txt"));
        using var again = await web.Upload(example, "text/plain", WebFixture.ExampleId + ".txt");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("skipped", body.GetProperty("documents")[0].GetProperty("outcome").GetString());
        using var pdf = await web.Upload(example, "application/pdf", "x.pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
        AssertProblem(JsonDocument.Parse(await pdf.Content.ReadAsStringAsync()).RootElement, "PRL3007", 415);
        using var empty = await web.Upload([], "text/plain", "empty.txt");
        AssertProblem(JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement, "PRL1002", 422);
    }

    [Fact]
    public async Task UnknownRoute_IsProblem404_WithSecurityHeaders()
    {
        using var r = await Client.GetAsync("/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        AssertProblem(JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement, "PRL3004", 404);
        foreach (var path in new[] { "/v1/nothing-here", "/v1/events?from=x", "/health/live" })
        {
            using var h = await Client.GetAsync(path);
            var csp = string.Join(";", h.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", h.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task MissingPage_ForABrowser_IsAnHtmlPageWithTheCode()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/documents/no-such-<document>");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var r = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("PRL3004", html, StringComparison.Ordinal);
        Assert.Contains("no-such-&lt;document&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<document>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        var doc = await Json("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/v1/documents", "/v1/documents/{docId}", "/v1/events", "/v1/dyads/{a}/{b}", "/v1/calendar", "/v1/stats", "/v1/actors", "/health/ready" })
        {
            Assert.True(paths.TryGetProperty(p, out _), "missing " + p);
        }

        Assert.True(paths.GetProperty("/v1/documents").TryGetProperty("post", out _));

        // the API key schemes, required by the write and by nothing else
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("bearer").GetProperty("type").GetString(), schemes.GetProperty("bearer").GetProperty("scheme").GetString()));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("apiKey").GetProperty("type").GetString(), schemes.GetProperty("apiKey").GetProperty("in").GetString(), schemes.GetProperty("apiKey").GetProperty("name").GetString()));
        var post = paths.GetProperty("/v1/documents").GetProperty("post");
        Assert.Equal(["bearer", "apiKey"], post.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)));
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name == "get"))
            {
                Assert.False(op.Value.TryGetProperty("security", out _), $"GET {path.Name} should be open");
            }
        }

        // problems: the schema carries the PRL code, and each error response says which
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        Assert.Equal("^PRL[0-9]{4}$", problem.GetProperty("properties").GetProperty("code").GetProperty("pattern").GetString());
        var responses = post.GetProperty("responses");
        foreach (var (status, code) in new[] { ("401", "PRL3002"), ("413", "PRL3005"), ("415", "PRL3007"), ("429", "PRL3006"), ("400", "PRL3003"), ("503", "PRL2005") })
        {
            var response = responses.GetProperty(status);
            Assert.Contains(code, response.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        Assert.Contains("PRL3004", paths.GetProperty("/v1/events/{id}").GetProperty("get").GetProperty("responses").GetProperty("404").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

public sealed class LimitTests
{
    [Fact]
    public async Task RateLimit_Exceeded_Is429WithRetryAfter()
    {
        var folder = Directory.CreateTempSubdirectory("parley-web-limit-").FullName;
        var (app, url) = await WebFixture.StartAsync(new ServerOptions { Store = StoreLocation.Parse(Path.Combine(folder, "s.db")), ModelsRoot = WebFixture.ModelsRoot, Urls = "http://127.0.0.1:0", ReadsPerMinute = 3 });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            for (var i = 0; i < 3; i++)
            {
                using var ok = await client.GetAsync("/v1/calendar");
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }

            using var r = await client.GetAsync("/v1/calendar");
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.True(r.Headers.RetryAfter is not null);
            var problem = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("PRL3006", problem.GetProperty("code").GetString());
            using var health = await client.GetAsync("/health/live"); // health checks are never limited
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task HealthReady_StoreThatCannotOpen_Is503WithTheCode_WhileLiveAnswers()
    {
        var folder = Directory.CreateTempSubdirectory("parley-web-limit-").FullName;
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the store's folder should be");
        var (app, url) = await WebFixture.StartAsync(new ServerOptions { Store = StoreLocation.Parse(Path.Combine(blocker, "s.db")), ModelsRoot = WebFixture.ModelsRoot, Urls = "http://127.0.0.1:0" });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PRL2005", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
            using var api = await client.GetAsync("/v1/stats");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Body_LargerThanTheLimit_Is413()
    {
        var folder = Directory.CreateTempSubdirectory("parley-web-limit-").FullName;
        var store = Path.Combine(folder, "s.db");
        string key;
        using (var s = EventStore.Open(store))
        {
            key = s.CreateApiKey("t").Key;
        }

        var (app, url) = await WebFixture.StartAsync(new ServerOptions { Store = StoreLocation.Parse(store), ModelsRoot = WebFixture.ModelsRoot, Urls = "http://127.0.0.1:0", MaxRequestBodyBytes = 2048 });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('a', 5000))) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var r = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
            Assert.Equal("PRL3005", JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

            // a chunked body (no Content-Length) is cut off by Kestrel's limit while it is read, and gets the same answer
            var uri = new Uri(url);
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(uri.Host, uri.Port);
            var stream = tcp.GetStream();
            var chunk = new string('b', 5000);
            var raw = $"POST /v1/documents HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {key}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunk.Length:X}\r\n{chunk}\r\n0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(raw));
            var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
            Assert.Contains("\"code\":\"PRL3005\"", answer, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
