using System.Collections.Concurrent;

namespace Parley.Actors;

/// <summary>
/// A thread-safe memo of a pure function, emptied when it holds more than a bound. The entries are counted apart
/// (<see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock of the table, too slow to ask at each
/// miss); the count is approximate under races, which only moves the moment the memo is emptied.
/// </summary>
/// <typeparam name="TKey">The function's argument.</typeparam>
/// <typeparam name="TValue">Its value.</typeparam>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _map;
    private readonly int _bound;
    private int _count;

    public BoundedCache(int bound, IEqualityComparer<TKey>? comparer = null)
    {
        _bound = bound;
        _map = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public bool TryGetValue(TKey key, out TValue value) => _map.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/>; empties the memo first when it is full.</summary>
    public void Add(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _bound)
        {
            _map.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_map.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
