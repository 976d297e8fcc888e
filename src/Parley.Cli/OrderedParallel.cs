using System.Collections.Concurrent;
using System.CommandLine;
using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// Processes documents on several worker threads while the calling thread reads the input and writes the results
/// in input order, so the output is byte-identical to a sequential run. At most a window of documents
/// (four per worker) is in flight — read but not yet written — so memory stays flat however long the input is.
/// With one thread everything runs inline on the calling thread. A failure while processing a document is rethrown
/// on the calling thread when that document's turn to be written comes (after every earlier document was written).
/// </summary>
/// <typeparam name="TResult">What processing one document yields (the lines to write).</typeparam>
internal sealed class OrderedParallel<TResult> : IDisposable
{
    private readonly Func<Document, TResult> _process;
    private readonly Action<TResult> _write;
    private readonly Queue<TaskCompletionSource<TResult>> _pending = new();
    private readonly BlockingCollection<(Document Document, TaskCompletionSource<TResult> Result)>? _work;
    private readonly Thread[] _workers = [];
    private readonly int _window;
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="threads"/> workers (none when it is 1).</summary>
    public OrderedParallel(int threads, Func<Document, TResult> process, Action<TResult> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _process = process;
        _write = write;
        if (threads == 1)
        {
            return;
        }

        _window = threads * 4;
        _work = new BlockingCollection<(Document, TaskCompletionSource<TResult>)>(_window);
        _workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"parley-worker-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>The <c>--threads</c> option: worker threads, default the number of processors.</summary>
    public static Option<int> CreateOption() => new("--threads")
    {
        Description = "Worker threads that process documents in parallel (default: the number of processors); output stays in input order.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>The value of the <c>--threads</c> option, checked (PRL code on a non-positive value).</summary>
    public static int Threads(ParseResult parse, Option<int> option)
    {
        var threads = parse.GetValue(option);
        return threads >= 1 ? threads : throw new ParleyException(Errors.InvalidOption, "--threads must be at least 1.");
    }

    /// <summary>Queues one document; writes every finished result at the head of the queue, and waits when the window is full.</summary>
    public void Add(Document document)
    {
        if (_work is null)
        {
            _write(_process(document));
            return;
        }

        var result = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue(result);
        _work.Add((document, result));
        while (_pending.Count > 0 && (_pending.Count >= _window || _pending.Peek().Task.IsCompleted))
        {
            _write(_pending.Dequeue().Task.GetAwaiter().GetResult());
        }
    }

    /// <summary>Writes every queued result in order (call before a diagnostic on stderr, and at the end).</summary>
    public void Drain()
    {
        while (_pending.Count > 0)
        {
            _write(_pending.Dequeue().Task.GetAwaiter().GetResult());
        }
    }

    /// <summary>Stops the workers; documents still queued are not processed.</summary>
    public void Dispose()
    {
        if (_work is null)
        {
            return;
        }

        _stopping = true;
        _work.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _work.Dispose();
    }

    private void Work()
    {
        foreach (var (document, result) in _work!.GetConsumingEnumerable())
        {
            if (_stopping)
            {
                result.TrySetCanceled();
                continue;
            }

            try
            {
                result.SetResult(_process(document));
            }
#pragma warning disable CA1031 // any failure is handed to the writing thread, which rethrows it in order
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result.SetException(ex);
            }
        }
    }
}
