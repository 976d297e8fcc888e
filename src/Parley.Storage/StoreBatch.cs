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
    /// <summary>The most documents <see cref="StoreMany(IReadOnlyList{StoreItem}, DedupPolicy)"/> writes in one transaction.</summary>
    public const int MaxBatch = 32;

    /// <summary>
    /// Stores several documents as <see cref="Store(DocumentRecord, IReadOnlyList{EventMention}, IReadOnlyList{CalendarEntry}, DedupPolicy)"/>
    /// does, in order, in ONE transaction (one commit instead of one per document). When the database refuses any of them,
    /// that transaction is rolled back and the documents are stored again one per transaction, so a refused document is
    /// left out alone (its <see cref="StoreItemResult.Error"/> says why) and the others are kept. A run killed before the
    /// commit leaves none of the batch (never half a document), so a rerun stores it again. Later items see earlier ones
    /// (the same content twice is stored once; deduplication links their events).
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBatch"/> items.</exception>
    /// <exception cref="ParleyException">PRL2005 when the commit itself fails (nothing of the batch is then stored).</exception>
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

        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
        }

        var results = new StoreItemResult[items.Count];
        if (items.Count == 0)
        {
            return results;
        }

        if (items.Count > 1)
        {
            var docIds = new HashSet<string>(StringComparer.Ordinal);
            var tx = _db.BeginTransaction();
            _tx = tx;
            var refused = false;
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (!docIds.Add(items[i].Document.DocId))
                    {
                        FlushPending(); // a new version of a document of this batch removes the rows of the previous one: they must be written
                    }

                    results[i] = new StoreItemResult(StoreInTransaction(items[i].Document, items[i].Mentions, items[i].Calendar, policy), null);
                }

                FlushPending();
            }
            catch (DbException)
            {
                refused = true; // some document is refused: store them one by one below to find it
            }

            try
            {
                if (!refused)
                {
                    beforeCommit?.Invoke();
                    tx.Commit();
                    return results;
                }
            }
            catch (DbException ex)
            {
                throw new ParleyException(Errors.StoreUnavailable, $"the store refused a batch of {items.Count} documents ({items[0].Document.DocId}…): {ex.Message}", null, ex);
            }
            finally
            {
                ClearPending();
                _tx = null;
                tx.Dispose(); // rolls back when not committed
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                results[i] = new StoreItemResult(Store(items[i].Document, items[i].Mentions, items[i].Calendar, policy, items.Count == 1 ? beforeCommit : null), null);
            }
            catch (ParleyException ex) when (ex.Diagnostic.Error == Errors.StoreUnavailable)
            {
                results[i] = new StoreItemResult(null, ex);
            }
        }

        return results;
    }
}
