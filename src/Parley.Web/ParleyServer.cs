using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core;

namespace Parley.Web;

/// <summary>
/// Builds Parley's web server on Kestrel: the API under <c>/v1</c>, <c>/openapi/v1.json</c> and its reference page
/// <c>/reference</c>, <c>/health/live</c> and <c>/health/ready</c>, and the dashboard pages with their scripts and styles
/// (embedded in this assembly). Every error is a problem details body with a PRL code; every response carries a content
/// security policy that allows only this server's own scripts, styles and images.
/// </summary>
public static class ParleyServer
{
    internal const string ReadPolicy = "read";
    internal const string WritePolicy = "write";

    /// <summary>The JSON conventions of the API: snake_case names, as in the CLI's output.</summary>
    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The content security policy of every response.</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Builds (does not start) the server. Logging goes to stderr (<paramref name="logLevel"/> and above). Call
    /// <c>StartAsync</c>/<c>RunAsync</c> on the result; <see cref="Addresses"/> gives the bound addresses once started.
    /// </summary>
    public static WebApplication Build(ServerOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ParleyServer).Assembly.GetName().Name, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None); // Problems logs what is not a Parley error
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StoreAccess>();
        builder.Services.AddSingleton<DocumentIngester>();
        builder.Services.AddSingleton<EventStreams>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = Json.PropertyNamingPolicy;
            o.SerializerOptions.Encoder = Json.Encoder;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer(OpenApiConventions.Apply));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new ValueTask(Problems.Write(context.HttpContext, Errors.RateLimited, 429, "Too many requests from this address; retry after the time in Retry-After."));
            };
            o.AddPolicy(ReadPolicy, http => Window(http, "r", options.ReadsPerMinute));
            o.AddPolicy(WritePolicy, http => Window(http, "w", options.WritesPerMinute));
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            // set when the response starts, so that error responses (whose headers the exception handler clears) carry them too
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Problems.HandleException });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = Problems.HandleStatus });
        app.UseRateLimiter();

        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("health").WithSummary("The process is up");
        app.MapGet("/health/ready", (StoreAccess stores) =>
        {
            using var store = stores.Open();
            return TypedResults.Ok(new { status = "ready", store = stores.Location.Display, schema = store.SchemaVersion, documents = store.Counts().Documents });
        }).WithTags("health").WithSummary("The store can be opened and read (503 with PRL2005 otherwise)").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, options);
        Pages.Map(app);
        MapAssets(app);
        return app;
    }

    /// <summary>The addresses a started server listens on (<c>http://127.0.0.1:PORT</c>).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    private static RateLimitPartition<string> Window(HttpContext http, string kind, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(kind + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>Serves the embedded <c>wwwroot</c> files under <c>/assets/</c>, cached for a day.</summary>
    private static void MapAssets(WebApplication app)
    {
        var assembly = typeof(ParleyServer).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        app.MapGet("/assets/{**path}", (string path, HttpContext http) =>
        {
            var name = "wwwroot/" + path;
            if (!names.Contains(name) || assembly.GetManifestResourceStream(name) is not { } stream)
            {
                return Problems.Result(Errors.NotFound, 404, $"no asset '{path}'.");
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Stream(stream, ContentType(path));
        }).ExcludeFromDescription();
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".json" => "application/json",
        ".txt" or "" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
