using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Parley.Core;
using Parley.Storage;

namespace Parley.Web;

/// <summary>A page of results.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many items were skipped.</param>
/// <param name="NextOffset">The offset of the next page, or null on the last page.</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Limit, int Offset, int? NextOffset);

/// <summary>A document with its annotations, as <c>GET /v1/documents/{id}</c> returns it.</summary>
/// <param name="Document">Metadata.</param>
/// <param name="IsCurrent">False for a replaced version.</param>
/// <param name="Metadata">The reader's metadata.</param>
/// <param name="Text">The verbatim text; every offset points into it.</param>
/// <param name="Events">Its event mentions with the coder's records (date trace, actors' resolution, location, planned event).</param>
/// <param name="Calendar">Its calendar items.</param>
/// <param name="Highlights">Triggers, actors, dates and quotes to highlight, by offset.</param>
internal sealed record DocumentView(DocumentSummary Document, bool IsCurrent, JsonElement Metadata, string Text, IReadOnlyList<MentionView> Events, IReadOnlyList<CalendarEntry> Calendar, IReadOnlyList<Highlight> Highlights);

/// <summary>An event mention of a document with its full coder record.</summary>
/// <param name="Mention">The stored mention.</param>
/// <param name="Record">The record of <c>parley code</c>.</param>
internal sealed record MentionView(DocumentMention Mention, JsonElement Record);

/// <summary>A dyad's series and events.</summary>
/// <param name="A">First actor.</param>
/// <param name="B">Second actor.</param>
/// <param name="By"><c>week</c> or <c>month</c>.</param>
/// <param name="Directed">Whether only A → B events count.</param>
/// <param name="Series">Counts by quad class and Goldstein per period.</param>
/// <param name="Events">The events, with their evidence.</param>
internal sealed record DyadView(string A, string B, string By, bool Directed, IReadOnlyList<DyadPeriod> Series, IReadOnlyList<StoredEvent> Events);

/// <summary>The HTTP API under <c>/v1</c>.</summary>
internal static class ApiEndpoints
{
    public const string NdjsonType = "application/x-ndjson";

    public static void Map(WebApplication app, ServerOptions options)
    {
        var v1 = app.MapGroup("/v1").RequireRateLimiting(ParleyServer.ReadPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        v1.MapGet("/documents", (StoreAccess stores, int? limit, int? offset, string? from, string? to) =>
        {
            var (n, skip) = (QueryParameters.Int(limit, "limit", 50, 1, 500), QueryParameters.Int(offset, "offset", 0, 0, 1_000_000));
            using var store = stores.Open();
            var rows = store.Documents(n + 1, skip, QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"));
            return TypedResults.Ok(new Page<DocumentSummary>([.. rows.Take(n)], n, skip, rows.Count > n ? skip + n : null));
        }).WithSummary("Current documents, newest publication first").WithTags("documents");

        v1.MapGet("/documents/search", (StoreAccess stores, string? q, int? limit) =>
        {
            var words = QueryParameters.Text(q, "q") ?? throw QueryParameters.Bad("q", "words to search for are required");
            using var store = stores.Open();
            return TypedResults.Ok(store.Search(words, QueryParameters.Int(limit, "limit", 20, 1, 200)));
        }).WithSummary("Full-text search of current documents, with snippets (matches in [brackets])").WithTags("documents");

        v1.MapGet("/documents/{docId}", (StoreAccess stores, string docId, int? version) =>
        {
            using var store = stores.Open();
            var doc = store.Document(docId, version) ?? throw new ParleyException(Errors.NotFound, $"no document '{docId}'{(version is { } v ? $" version {v}" : "")}.");
            return TypedResults.Ok(View(doc));
        }).WithSummary("One document with its text, event mentions, calendar items and highlights").WithTags("documents").ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapPost("/documents", Upload)
            .RequireRateLimiting(ParleyServer.WritePolicy)
            .AddEndpointFilter(ApiKeys.Require)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Code and store documents (plain text, HTML, JSONL or RSS/Atom in the body); needs an API key")
            .WithDescription("Authorization: Bearer KEY (or X-Api-Key: KEY), keys made with `parley keys create`. The media type chooses the reader: text/plain, text/html, application/x-ndjson (JSONL), application/rss+xml or application/atom+xml. `name` gives the file name the document id derives from.")
            .WithTags("documents");

        v1.MapGet("/events", (HttpContext http, StoreAccess stores, EventStreams streams, string? actor, string? recipient, string? type, string? from, string? to, string? text, int? limit, int? offset, string? format) =>
        {
            var query = new EventQuery
            {
                Actor = QueryParameters.Actor(actor, "actor"),
                Recipient = QueryParameters.Actor(recipient, "recipient"),
                Type = QueryParameters.Text(type, "type"),
                From = QueryParameters.Date(from, "from"),
                To = QueryParameters.Date(to, "to"),
                Text = QueryParameters.Text(text, "text"),
            };
            var ndjson = QueryParameters.OneOf(format, "format", "json", "json", "ndjson") == "ndjson"
                || http.Request.Headers.Accept.Any(a => a?.Contains(NdjsonType, StringComparison.OrdinalIgnoreCase) == true);
            if (ndjson)
            {
                return Results.Stream(stream => StreamEvents(stream, stores, streams, query, http.RequestAborted), NdjsonType);
            }

            var (n, skip) = (QueryParameters.Int(limit, "limit", 100, 1, 1000), QueryParameters.Int(offset, "offset", 0, 0, 10_000_000));
            using var store = stores.Open();
            var rows = store.QueryEvents(query with { Limit = n + 1, Offset = skip });
            return TypedResults.Ok(new Page<StoredEvent>([.. rows.Take(n)], n, skip, rows.Count > n ? skip + n : null));
        }).WithSummary("Events (after deduplication) with their mentions, oldest first; filters combine with AND; paged, or every match as NDJSON with format=ndjson or Accept: application/x-ndjson").WithTags("events");

        v1.MapGet("/events/{id:long}", (StoreAccess stores, long id) =>
        {
            using var store = stores.Open();
            return TypedResults.Ok(store.Event(id) ?? throw new ParleyException(Errors.NotFound, $"no event {id}."));
        }).WithSummary("One event with its mentions").WithTags("events").ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/actors", (StoreAccess stores, string? kind, string? from, string? to, int? limit) =>
        {
            var (k, f, t, n) = (QueryParameters.OneOf(kind, "kind", "all", "all", "country", "org"), QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"), QueryParameters.Int(limit, "limit", 100, 1, 1000));
            using var store = stores.Open();
            return TypedResults.Ok(store.ActorCounts(f, t, k, n));
        }).WithSummary("Actors (country or organisation with its sector) with their events as source and recipient, most events first; periods select whole months").WithTags("actors");

        v1.MapGet("/network", (StoreAccess stores, string? kind, string? from, string? to, int? nodes, int? min) =>
        {
            var (k, f, t) = (QueryParameters.OneOf(kind, "kind", "all", "all", "country", "org"), QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"));
            var (n, m) = (QueryParameters.Int(nodes, "nodes", 40, 1, 300), QueryParameters.Int(min, "min", 1, 1, 1_000_000));
            using var store = stores.Open();
            return TypedResults.Ok(store.Network(f, t, k, n, m));
        }).WithSummary("The actor network: entities (countries, organisations) and edges weighted by the events naming both; periods select whole months").WithTags("actors");

        v1.MapGet("/dyads/{a}/{b}", (StoreAccess stores, string a, string b, string? by, bool? directed, string? from, string? to, int? limit) =>
        {
            var (x, y) = (QueryParameters.Actor(a, "a")!.ToUpperInvariant(), QueryParameters.Actor(b, "b")!.ToUpperInvariant());
            var (f, t) = (QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"));
            var period = QueryParameters.OneOf(by, "by", "month", "week", "month");
            using var store = stores.Open();
            var n = QueryParameters.Int(limit, "limit", 200, 1, 2000);
            return TypedResults.Ok(new DyadView(x, y, period, directed == true, store.Dyad(x, y, period, directed == true, f, t), store.DyadEvents(x, y, directed == true, f, t, n)));
        }).WithSummary("The relations of two actors over time (quad classes, Goldstein) and their day-dated events, newest first").WithTags("dyads");

        v1.MapGet("/calendar", (StoreAccess stores, string? from, string? to, string? actor, int? limit) =>
        {
            using var store = stores.Open();
            return TypedResults.Ok(store.Calendar(QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"), QueryParameters.Actor(actor, "actor"), QueryParameters.Int(limit, "limit", 500, 1, 5000)));
        }).WithSummary("Announced happenings and anniversaries, by date").WithTags("calendar");

        v1.MapGet("/stats", (StoreAccess stores, string? from, string? to, int? top) =>
        {
            using var store = stores.Open();
            return TypedResults.Ok(Analytics.Stats(store, QueryParameters.Date(from, "from"), QueryParameters.Date(to, "to"), QueryParameters.Int(top, "top", 10, 1, 100)));
        }).WithSummary("Counts, events per month by quad class, frequent types and dyads, latest documents").WithTags("stats");
    }

    public static DocumentView View(StoredDocument doc)
    {
        using var metadata = JsonDocument.Parse(doc.MetadataJson);
        return new DocumentView(doc.Summary, doc.IsCurrent, metadata.RootElement.Clone(), doc.Text,
            [.. doc.Mentions.Select(m => new MentionView(m, Parse(m.RecordJson)))], doc.Calendar, Highlighter.Find(doc));
    }

    private static JsonElement Parse(string json)
    {
        using var d = JsonDocument.Parse(json);
        return d.RootElement.Clone();
    }

    /// <summary>
    /// Writes every event matching <paramref name="query"/> as one JSON line, as the store reads them (one query, nothing
    /// buffered but the event being written), flushing every <see cref="StreamFlushEvery"/> events so that the client sees
    /// rows while the rest are read; stops when the client goes away.
    /// </summary>
    private static async Task StreamEvents(Stream stream, StoreAccess stores, EventStreams streams, EventQuery query, CancellationToken cancellationToken)
    {
        streams.Opened();
        try
        {
            var json = ParleyServer.Json;
            using var store = stores.Open();
            var newline = "\n"u8.ToArray();
            var n = 0;
            foreach (var e in store.StreamEvents(query))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await JsonSerializer.SerializeAsync(stream, e, json, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(newline, cancellationToken).ConfigureAwait(false);
                if (++n % StreamFlushEvery == 0)
                {
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // the client went away: nothing to answer, nothing to log
        }
        finally
        {
            streams.Closed();
        }
    }

    /// <summary>How many NDJSON lines are written between flushes.</summary>
    internal const int StreamFlushEvery = 100;

    private static async Task<IResult> Upload(HttpContext http, DocumentIngester ingester, ServerOptions options, string? name)
    {
        var request = http.Request;
        if (request.ContentLength is { } length && length > options.MaxRequestBodyBytes)
        {
            return Problems.Result(Errors.PayloadTooLarge, 413, $"the body is {length} bytes; at most {options.MaxRequestBodyBytes} are accepted.");
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString().ToLowerInvariant() : "";
        var format = mediaType switch
        {
            "text/plain" => "text",
            "text/html" or "application/xhtml+xml" => "html",
            "application/x-ndjson" or "application/jsonl" or "application/json" => "jsonl",
            "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => "rss",
            _ => null,
        };
        if (format is null)
        {
            return Problems.Result(Errors.UnsupportedMediaType, 415, $"'{(mediaType.Length > 0 ? mediaType : "no media type")}' is not read; send text/plain, text/html, application/x-ndjson, application/rss+xml or application/atom+xml.");
        }

        var file = name ?? "upload";
        if (file.Length > 100 || file.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || file.StartsWith('.'))
        {
            return Problems.Result(Errors.InvalidParameter, 400, "parameter 'name': letters, digits, '-', '_' and '.' only, at most 100 characters.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var (stored, failures) = await Task.Run(() => ingester.Ingest(buffer.ToArray(), file, format, http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
        if (stored.Count == 0 && failures.Count > 0)
        {
            var first = failures[0];
            return Problems.Result(first.Error, Problems.Status(first.Error), first.Message);
        }

        var body = new { documents = stored, failures = failures.Select(f => new IngestFailure(f.Error.Code, f.Message)).ToList() };
        return stored.Any(s => s.Outcome != "skipped")
            ? TypedResults.Created($"/v1/documents/{Uri.EscapeDataString(stored.First(s => s.Outcome != "skipped").DocId)}", body)
            : TypedResults.Ok(body);
    }
}

/// <summary>How many NDJSON event streams are being written now (a stream ends when its last row is written or its client goes away).</summary>
internal sealed class EventStreams
{
    private int _open;

    /// <summary>Streams being written.</summary>
    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}

/// <summary>The API key check of writes.</summary>
internal static class ApiKeys
{
    /// <summary>
    /// An endpoint filter: the request must carry an active key as <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>;
    /// otherwise 401 with PRL3002 and <c>WWW-Authenticate: Bearer</c>.
    /// </summary>
    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : http.Request.Headers["X-Api-Key"].ToString();
        var stores = http.RequestServices.GetService(typeof(StoreAccess)) as StoreAccess ?? throw new InvalidOperationException("no store");
        ApiKeyInfo? key;
        using (var store = stores.Open())
        {
            key = store.VerifyApiKey(presented.Length > 0 ? presented : null);
        }

        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Result(Errors.Unauthorized, 401, presented.Length == 0
                ? "this endpoint writes: send an API key as 'Authorization: Bearer KEY' (keys are made with 'parley keys create')."
                : "the API key is not valid (unknown, malformed or revoked).");
        }

        return await next(context).ConfigureAwait(false);
    }
}
