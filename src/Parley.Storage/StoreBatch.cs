using System.Data.Common;
using Parley.Core;

namespace Parley.Storage;

/// <summary>A document to store with its event mentions and calendar items: one item of <see cref="EventStore.StoreMany(IReadOnlyList{StoreItem}, DedupPolicy)"/>.</summary>
/// <param name="Document">The document.</param>
/// <param name="Mentions">Its event mentions.</param>
/// <param name="Calendar">Its calendar items.</param>
public sealed record StoreItem(DocumentRecord Document, IReadOnlyList<EventMention> Mentions, IReadOnlyList<CalendarEntry> Calendar);

/// <summary>What storing one item of a batch did: its result, or the coded error that kept it out of the store.</summary>
/// <param name="Result">The result, or null when the item was refused.</param>
/// <param name="Error">Why the database refused the item (PRL2005), or null.</param>
public sealed record StoreItemResult(StoreResult? Result, ParleyException? Error);

/// <content>Storing several documents in one transaction.</content>
public sealed partial class EventStore
{
    /// <summary>The most documents <see cref="StoreMany(IReadOnlyList{StoreItem}, DedupPolicy)"/> writes in one transaction (PostgreSQL keeps up to 64 subtransactions in its fast cache).</summary>
    public const int MaxBatch = 32;

    /// <summary>
    /// Stores several documents as <see cref="Store(DocumentRecord, IReadOnlyList{EventMention}, IReadOnlyList{CalendarEntry}, DedupPolicy)"/>
    /// does, in order, in ONE transaction (fewer commits: the store's main cost per document), each inside a savepoint: a
    /// document the database refuses is rolled back alone and reported in its <see cref="StoreItemResult.Error"/>, the others
    /// are kept. A run killed before the commit leaves none of the batch (never half a document), so a rerun stores it
    /// again. Later items see earlier ones (the same content twice is stored once; deduplication links them).
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatch"/> items.</exception>
    /// <exception cref="ParleyException">PRL2005 when the transaction itself fails (nothing of the batch is then stored).</exception>
    public IReadOnlyList<StoreItemResult> StoreMany(IReadOnlyList<StoreItem> items, DedupPolicy policy) => StoreMany(items, policy, null);

    /// <summary>As the public overload; <paramref name="beforeCommit"/> runs inside the transaction just before it commits (tests kill the write there).</summary>
    internal IReadOnlyList<StoreItemResult> StoreMany(IReadOnlyList<StoreItem> items, DedupPolicy policy, Action? beforeCommit)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(policy);
        if (items.Count > MaxBatch)
        {
            throw new ArgumentException($"at most {MaxBatch} documents per batch", nameof(items));
        }

        var results = new StoreItemResult[items.Count];
        if (items.Count == 0)
        {
            return results;
        }

        var docIds = new HashSet<string>(StringComparer.Ordinal);
        using var tx = _db.BeginTransaction();
        _tx = tx;
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                ArgumentNullException.ThrowIfNull(item);
                const string Savepoint = "parley_document";
                if (!docIds.Add(item.Document.DocId))
                {
                    FlushPending(); // a new version of a document of this batch removes the rows of the previous one: they must be written
                }

                tx.Save(Savepoint);
                var mark = PendingMark;
                try
                {
                    results[i] = new StoreItemResult(StoreInTransaction(item.Document, item.Mentions, item.Calendar, policy), null);
                    tx.Release(Savepoint);
                }
                catch (DbException ex)
                {
                    tx.Rollback(Savepoint);
                    DropPending(mark);
                    results[i] = new StoreItemResult(null, new ParleyException(Errors.StoreUnavailable, $"{item.Document.DocId}: the store refused the document: {ex.Message}", null, ex));
                }
            }

            FlushPending();
            beforeCommit?.Invoke();
            tx.Commit();
            return results;
        }
        catch (DbException ex)
        {
            throw new ParleyException(Errors.StoreUnavailable, $"the store refused a batch of {items.Count} documents ({items[0].Document.DocId}…): {ex.Message}", null, ex);
        }
        finally
        {
            ClearPending();
            _tx = null;
        }
    }
}
