using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Parley.Core;
using Parley.Events.Coding;
using Parley.Ingest;
using Parley.Readers;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// <c>parley ingest PATH... [--store S] [--dedup none|day|window:N] [--jobs N]</c>: reads documents with the readers of
/// <c>code</c>, codes them with the same pipeline, and stores documents, event mentions, events and calendar items.
/// One reader, <c>--jobs</c> coding workers (sharing one pipeline) and one writer are joined by bounded channels,
/// so memory stays bounded whatever the input size. The writer stores whole documents, up to 32 per transaction (what
/// has been coded meanwhile): a run killed at any point leaves no half document, and a rerun skips what is stored (same content hash) and completes the rest. Bad
/// documents are reported with their code and never stop the batch; a summary ends the run on stderr.
/// </summary>
internal static class IngestCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>--store</c> option shared by ingest, query and export.</summary>
    public static Option<string?> StoreOption() => new("--store")
    {
        Description = "The store: an SQLite file path (default: $PARLEY_STORE, else parley.db), or PostgreSQL as postgres://user:pass@host:port/db or 'Host=…;Database=…'.",
    };

    public static Command Create()
    {
        var store = StoreOption();
        var dedup = new Option<string>("--dedup") { Description = "Cross-story deduplication: none, day (same type, actors and day) or window:N (dates within N days).", DefaultValueFactory = _ => "none" };
        var jobs = new Option<int>("--jobs") { Description = "Coding workers (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("ingest", "Code documents and store them with their events in the event store (idempotent, resumable).") { store, dedup, jobs };
        var inputs = DocumentInputs.AddTo(command, stdinWhenNone: false);
        command.SetAction((parse, cancellationToken) =>
        {
            var policy = DedupPolicy.Parse(parse.GetValue(dedup));
            var location = StoreLocation.Parse(parse.GetValue(store));
            var (reader, files) = inputs.Prepare(parse);
            var summary = Run(reader, files, location, policy, Math.Clamp(parse.GetValue(jobs), 1, 64), cancellationToken);
            summary.Print(location);
            return Task.FromResult(summary.ExitCode);
        });
        return command;
    }

    /// <summary>What an ingest run did.</summary>
    internal sealed class Summary
    {
        public int Read { get; set; }

        public int Added { get; set; }

        public int NewVersions { get; set; }

        public int Skipped { get; set; }

        public List<Diagnostic> Failures { get; } = [];

        public long Mentions { get; set; }

        public long NewEvents { get; set; }

        public long Merged { get; set; }

        public long CalendarItems { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>Time the coding workers spent coding, summed over the workers.</summary>
        public TimeSpan CodingTime { get; set; }

        /// <summary>Time the writer spent storing (its transactions, commits included).</summary>
        public TimeSpan StoringTime { get; set; }

        /// <summary>Write transactions (each stores up to <see cref="EventStore.MaxBatch"/> documents).</summary>
        public int Transactions { get; set; }

        public int ExitCode => Failures.Count == 0 ? ExitCodes.Success : Added + NewVersions + Skipped > 0 ? ExitCodes.PartialFailure : ExitCodes.InputFailure;

        public void Print(StoreLocation location)
        {
            var seconds = Math.Max(Elapsed.TotalSeconds, 1e-3);
            CliConsole.Info(FormattableString.Invariant(
                $"ingest: {Read + Failures.Count(f => f.Error != Errors.DocumentNotStored)} documents: {Added} new, {NewVersions} new versions, {Skipped} skipped (same content), {Failures.Count} failed; {Mentions} event mentions ({NewEvents} new events, {Merged} merged into events of other stories), {CalendarItems} calendar items; {Elapsed.TotalSeconds:0.0} s ({(Added + NewVersions + Skipped) / seconds:0.0} documents/s); store {location.Display}"));
            foreach (var group in Failures.GroupBy(f => f.Error.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                CliConsole.Info($"ingest: failed {group.Key} ({group.First().Error.Title}): {group.Count()}");
            }
        }
    }

    private sealed record Outcome(CodedDocument? Coded, Diagnostic? Failure);

    /// <summary>Reads, codes and stores <paramref name="files"/>; reports failures on stderr as they happen.</summary>
    internal static Summary Run(DocumentReader reader, IReadOnlyList<string> files, StoreLocation location, DedupPolicy policy, int jobs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var writerStore = EventStore.Open(location);
        using var lookup = EventStore.Open(location);
        var summary = new Summary();
        var documents = Channel.CreateBounded<Document>(new BoundedChannelOptions(jobs * 2));
        var coded = Channel.CreateBounded<Outcome>(new BoundedChannelOptions(Math.Max(jobs * 2, 2 * EventStore.MaxBatch)) { SingleReader = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;
        var progress = new Progress(summary);

        // One pipeline for all workers (its components are read-only once loaded, as `code --threads` relies on), loaded
        // on the first document, so a rerun that skips everything loads no model.
        var shared = new Lazy<Pipeline>(() => CodeCommand.CreatePipeline(new EventCoderOptions()), LazyThreadSafetyMode.ExecutionAndPublication);
        var workers = Enumerable.Range(0, jobs).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var document in documents.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    var pipeline = shared.Value; // a missing model or codebook stops the command, not one document
                    Outcome outcome;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        pipeline.Process(document, token);
                        outcome = new Outcome(StoreRecords.From(document), null);
                        lock (summary)
                        {
                            summary.CodingTime += Stopwatch.GetElapsedTime(started);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        throw;
                    }
                    catch (ParleyException ex)
                    {
                        outcome = new Outcome(null, new Diagnostic(Errors.DocumentNotStored, $"{document.Id}: not coded: {ex.Diagnostic}", document.Metadata.Origin));
                    }
#pragma warning disable CA1031 // one bad document must never stop the batch: any failure is reported with its reason
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        outcome = new Outcome(null, new Diagnostic(Errors.DocumentNotStored, $"{document.Id}: not coded: {ex.GetType().Name}: {ex.Message}", document.Metadata.Origin));
                    }

                    await coded.Writer.WriteAsync(outcome, token).ConfigureAwait(false);
                }
            },
            token)).ToArray();
        var allCoded = Task.WhenAll(workers).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    documents.Writer.TryComplete(); // a worker died (e.g. a model file is missing): stop reading
                }

                coded.Writer.TryComplete(t.Exception?.InnerException);
            },
            TaskScheduler.Default);

        // The writer stores what the workers have coded in one transaction (up to EventStore.MaxBatch documents, each in a
        // savepoint): after the first document of a batch it gathers more for up to BatchWindow, so the commits (and the
        // WAL's writes) are shared by several documents even when coding is slower than storing. A killed run loses at
        // most the open batch, which the rerun codes again.
        var writer = Task.Run(
            async () =>
            {
                var batch = new List<CodedDocument>(EventStore.MaxBatch);
                while (await coded.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    batch.Clear();
                    var opened = Stopwatch.GetTimestamp();
                    while (batch.Count < EventStore.MaxBatch)
                    {
                        if (!coded.Reader.TryRead(out var outcome))
                        {
                            var left = BatchWindow - Stopwatch.GetElapsedTime(opened);
                            if (left <= TimeSpan.Zero || !await WaitForMore(coded.Reader, left, token).ConfigureAwait(false))
                            {
                                break;
                            }

                            continue;
                        }

                        if (outcome.Failure is { } failure)
                        {
                            Fail(summary, progress, failure);
                            progress.Tick();
                        }
                        else
                        {
                            batch.Add(outcome.Coded!);
                        }
                    }

                    if (batch.Count > 0)
                    {
                        StoreBatch(writerStore, batch, policy, summary, progress);
                    }
                }
            },
            token);
        _ = writer.ContinueWith(_ => cancel.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        try
        {
            foreach (var result in reader.Read(files, token))
            {
                foreach (var warning in result.Warnings)
                {
                    progress.Clear();
                    CliConsole.Warn("warning" + warning.ToString()["error".Length..]);
                }

                if (result.Document is not { } document)
                {
                    Fail(summary, progress, result.Diagnostic!);
                    continue;
                }

                summary.Read++;
                var hash = DocumentRecord.Hash(document.Metadata.Title, document.Metadata.Published?.ToIso(), document.Text);
                if (lookup.ContainsContent(hash))
                {
                    lock (summary)
                    {
                        summary.Skipped++;
                    }

                    progress.Tick();
                    continue;
                }

                if (!documents.Writer.TryWrite(document))
                {
                    documents.Writer.WriteAsync(document, token).AsTask().GetAwaiter().GetResult();
                }
            }
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException && (writer.IsFaulted || allCoded.IsCompleted))
        {
            // a worker or the writer failed: its exception is rethrown below
        }
        finally
        {
            documents.Writer.TryComplete();
        }

        try
        {
            writer.GetAwaiter().GetResult();
        }
        catch (ChannelClosedException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        Task.WhenAll(workers).GetAwaiter().GetResult();

        progress.Clear();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>How long the writer gathers coded documents into one transaction after the first.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits until <paramref name="reader"/> has an item or <paramref name="within"/> has passed: true when an item is there,
    /// false on the timeout or when the channel is complete (the caller then stores what it has).
    /// </summary>
    private static async Task<bool> WaitForMore(ChannelReader<Outcome> reader, TimeSpan within, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(within);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stores a batch of coded documents in one transaction and counts the results; a refused document fails alone.</summary>
    internal static void StoreBatch(EventStore store, List<CodedDocument> batch, DedupPolicy policy, Summary summary, Progress? progress)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<StoreItemResult>? results = null;
        try
        {
            results = store.StoreMany([.. batch.Select(c => new StoreItem(c.Record, c.Mentions, c.Calendar))], policy);
        }
        catch (ParleyException ex)
        {
            foreach (var c in batch)
            {
                Fail(summary, progress, new Diagnostic(Errors.DocumentNotStored, $"{c.Document.Id}: not stored: {ex.Message}", c.Document.Metadata.Origin));
            }
        }

        lock (summary)
        {
            summary.StoringTime += Stopwatch.GetElapsedTime(started);
            summary.Transactions++;
        }

        for (var i = 0; results is not null && i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                Fail(summary, progress, new Diagnostic(Errors.DocumentNotStored, $"{batch[i].Document.Id}: not stored: {error.Message}", batch[i].Document.Metadata.Origin));
            }
            else
            {
                Count(summary, results[i].Result!, batch[i].Calendar.Count);
            }

            progress?.Tick();
        }
    }

    private static void Count(Summary summary, StoreResult result, int calendarItems)
    {
        lock (summary)
        {
            switch (result.Outcome)
            {
                case StoreOutcome.Added:
                    summary.Added++;
                    break;
                case StoreOutcome.NewVersion:
                    summary.NewVersions++;
                    break;
                default:
                    summary.Skipped++;
                    return;
            }

            summary.Mentions += result.Mentions;
            summary.NewEvents += result.NewEvents;
            summary.Merged += result.Merged;
            summary.CalendarItems += calendarItems;
        }
    }

    private static void Fail(Summary summary, Progress? progress, Diagnostic failure)
    {
        lock (summary)
        {
            summary.Failures.Add(failure);
        }

        progress?.Clear();
        CliConsole.Error(failure.ToString());
    }

    /// <summary>A one-line progress display on stderr, only when stderr is a terminal, redrawn at most 4 times a second.</summary>
    internal sealed class Progress(Summary summary)
    {
        private readonly bool _enabled = CliConsole.IsErrorTerminal;
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private bool _shown;

        public void Tick()
        {
            if (!_enabled || _since.ElapsedMilliseconds < 250)
            {
                return;
            }

            lock (summary)
            {
                _since.Restart();
                Console.Error.Write(FormattableString.Invariant($"\ringest: {summary.Read} read, {summary.Added + summary.NewVersions} stored, {summary.Skipped} skipped, {summary.Failures.Count} failed, {summary.Mentions} events "));
                _shown = true;
            }
        }

        public void Clear()
        {
            if (_shown)
            {
                lock (summary)
                {
                    Console.Error.Write("\r\u001b[2K");
                    _shown = false;
                }
            }
        }
    }
}
