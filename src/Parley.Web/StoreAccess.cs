using Parley.Core;
using Parley.Events.Coding;
using Parley.Ingest;
using Parley.Readers;
using Parley.Storage;

namespace Parley.Web;

/// <summary>Opens the served store: one connection per request (an <see cref="EventStore"/> is not shared between threads).</summary>
internal sealed class StoreAccess(ServerOptions options)
{
    public StoreLocation Location { get; } = options.Store;

    public EventStore Open() => EventStore.Open(Location);
}

/// <summary>What one uploaded document became.</summary>
/// <param name="DocId">The document id.</param>
/// <param name="Outcome"><c>added</c>, <c>new_version</c> or <c>skipped</c> (the same content is stored).</param>
/// <param name="Version">The stored version (0 when skipped before coding).</param>
/// <param name="Mentions">Event mentions stored.</param>
/// <param name="NewEvents">Events created.</param>
/// <param name="Merged">Mentions merged into events of other stories.</param>
/// <param name="CalendarItems">Calendar items stored.</param>
internal sealed record IngestedDocument(string DocId, string Outcome, int Version, int Mentions, int NewEvents, int Merged, int CalendarItems);

/// <summary>A document of an upload that was refused, with its code.</summary>
/// <param name="Code">The PRL code.</param>
/// <param name="Message">Why.</param>
internal sealed record IngestFailure(string Code, string Message);

/// <summary>
/// Codes and stores uploaded documents with the pipeline of <c>parley ingest</c> (loaded on the first upload and shared:
/// its components are read-only once loaded). Coding runs on the request's thread; writes are serialised, one document per
/// transaction, as the CLI's single writer does.
/// </summary>
internal sealed class DocumentIngester(ServerOptions options, StoreAccess stores)
{
    private readonly Lazy<Pipeline> _pipeline = new(() => CodingPipeline.Create(options.ModelsRoot, new EventCoderOptions()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _write = new(1, 1);

    public (List<IngestedDocument> Stored, List<Diagnostic> Failures) Ingest(byte[] body, string name, string format, CancellationToken cancellationToken)
    {
        var reader = new DocumentReader(new ReaderOptions { Format = format, MaxInputBytes = Math.Max(options.MaxRequestBodyBytes, 1) });
        var stored = new List<IngestedDocument>();
        var failures = new List<Diagnostic>();
        using var store = stores.Open();
        foreach (var result in reader.ReadBytes(body, name, cancellationToken))
        {
            if (result.Document is not { } document)
            {
                failures.Add(result.Diagnostic!);
                continue;
            }

            if (store.ContainsContent(DocumentRecord.Hash(document.Metadata.Title, document.Metadata.Published?.ToIso(), document.Text)))
            {
                stored.Add(new IngestedDocument(document.Id, "skipped", 0, 0, 0, 0, 0));
                continue;
            }

            CodedDocument coded;
            try
            {
                _pipeline.Value.Process(document, cancellationToken);
                coded = StoreRecords.From(document);
            }
            catch (ParleyException ex) when (ex.Diagnostic.Error != Errors.DataFile)
            {
                failures.Add(new Diagnostic(Errors.DocumentNotStored, $"{document.Id}: not coded: {ex.Diagnostic.Message}"));
                continue;
            }

            _write.Wait(cancellationToken);
            try
            {
                var r = coded.StoreIn(store, options.Dedup);
                var outcome = r.Outcome switch { StoreOutcome.Added => "added", StoreOutcome.NewVersion => "new_version", _ => "skipped" };
                stored.Add(new IngestedDocument(document.Id, outcome, r.Version, r.Mentions, r.NewEvents, r.Merged, coded.Calendar.Count));
            }
            finally
            {
                _write.Release();
            }
        }

        return (stored, failures);
    }
}
