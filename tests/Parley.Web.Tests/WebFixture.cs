using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Parley.Cli.Tests;
using Parley.Storage;

namespace Parley.Web.Tests;

/// <summary>
/// A real Parley server on Kestrel (a free loopback port) over a temporary SQLite store, with the bundled example and the
/// 30 dev articles ingested through <c>POST /v1/documents</c>. Shared by the API and browser tests (one pipeline load).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-web-test-").FullName;
    private WebApplication? _app;

    public string StorePath => Path.Combine(_folder, "store.db");

    public string BaseUrl { get; private set; } = "";

    public string ApiKey { get; private set; } = "";

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(3) };

    /// <summary>The id of the bundled example document.</summary>
    public const string ExampleId = "belarus-kazakhstan-2022-06-08";

    public async Task InitializeAsync()
    {
        using (var store = EventStore.Open(StorePath))
        {
            ApiKey = store.CreateApiKey("web tests").Key;
        }

        (_app, BaseUrl) = await StartAsync(new ServerOptions { Store = StoreLocation.Parse(StorePath), ModelsRoot = ModelsRoot, Urls = "http://127.0.0.1:0" });
        Client.BaseAddress = new Uri(BaseUrl);
        var example = await File.ReadAllBytesAsync(Path.Combine(CliRunner.RepoRoot, "examples", ExampleId + ".txt"));
        var r = await Upload(example, "text/plain", ExampleId + ".txt");
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        r = await Upload(DevArticlesJsonl(), "application/x-ndjson", "dev.jsonl");
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine: the temp folder is left behind
        }
    }

    /// <summary>POSTs a body to /v1/documents with this fixture's key.</summary>
    public async Task<HttpResponseMessage> Upload(byte[] body, string mediaType, string name, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/documents?name={Uri.EscapeDataString(name)}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? ApiKey);
        return await Client.SendAsync(request);
    }

    /// <summary>The models folder of the repository.</summary>
    public static string ModelsRoot => Path.Combine(CliRunner.RepoRoot, "models");

    /// <summary>Starts a server with <paramref name="options"/>; returns it and its base URL.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(ServerOptions options)
    {
        var app = ParleyServer.Build(options);
        await app.StartAsync();
        return (app, ParleyServer.Addresses(app)[0]);
    }

    /// <summary>The dev articles as JSONL, through the shared converter.</summary>
    private static byte[] DevArticlesJsonl() => System.Text.Encoding.UTF8.GetBytes(CliRunner.DevArticlesJsonl());
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
