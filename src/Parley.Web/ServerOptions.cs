using Parley.Storage;

namespace Parley.Web;

/// <summary>How <see cref="ParleyServer"/> runs: where it listens, which store it serves, and its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>The event store served (opened once per request; SQLite or PostgreSQL).</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The folder of the shipped models, used by <c>POST /v1/documents</c> to code documents (loaded on the first upload).</summary>
    public required string ModelsRoot { get; init; }

    /// <summary>
    /// Where to listen, Kestrel style (<c>http://127.0.0.1:5080</c>; several separated by <c>;</c>). Port 0 picks a free
    /// port (tests); <see cref="ParleyServer.Addresses"/> tells which.
    /// </summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The largest request body accepted, in bytes (larger bodies get 413 with PRL3005). Default 8 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Requests per minute per client address for reads (API and pages); more get 429 with PRL3006.</summary>
    public int ReadsPerMinute { get; init; } = 600;

    /// <summary>Uploads per minute per client address (<c>POST /v1/documents</c>).</summary>
    public int WritesPerMinute { get; init; } = 30;

    /// <summary>Cross-story deduplication applied to uploaded documents.</summary>
    public DedupPolicy Dedup { get; init; } = DedupPolicy.None;
}
