using System.Runtime.InteropServices;

namespace Parley.Linguistics.Tagging;

/// <summary>
/// A fixed-size, zero-initialised native array for the large read-only lookup tables of the linear models. Random
/// lookups into tables of tens of megabytes miss the TLB on almost every access with 4 KiB pages, so on Linux the
/// memory is aligned to 2 MiB and advised as transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>; the kernel may
/// ignore the advice, which costs nothing but the speed-up). Freed by the finalizer: the models live as long as the
/// process, and those made while training are few.
/// </summary>
/// <typeparam name="T">The element type (unmanaged).</typeparam>
internal sealed unsafe class PinnedTable<T> where T : unmanaged
{
    private const nuint HugePage = 2 * 1024 * 1024;
    private const int MadviseHugePage = 14;

    public PinnedTable(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = (nuint)Math.Max(1, length) * (nuint)sizeof(T);
        var huge = bytes >= HugePage && OperatingSystem.IsLinux();
        var size = huge ? (bytes + HugePage - 1) & ~(HugePage - 1) : bytes;
        Pointer = (T*)NativeMemory.AlignedAlloc(size, huge ? HugePage : 64);
        GC.AddMemoryPressure((long)size);
        _size = size;
        if (huge)
        {
            try
            {
                _ = NativeMethods.Madvise((nint)Pointer, size, MadviseHugePage);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // no libc madvise: ordinary pages
            }
        }

        NativeMemory.Clear(Pointer, size);
    }

    ~PinnedTable()
    {
        NativeMemory.AlignedFree(Pointer);
        GC.RemoveMemoryPressure((long)_size);
    }

    private readonly nuint _size;

    /// <summary>The first element; valid while this object is reachable (callers keep it alive across their use).</summary>
    public T* Pointer { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements as a span (bounds-checked access for building the table).</summary>
    public Span<T> AsSpan() => new(Pointer, Length);
}

/// <summary>The libc calls of <see cref="PinnedTable{T}"/>.</summary>
internal static class NativeMethods
{
    [DllImport("libc", EntryPoint = "madvise")]
    internal static extern int Madvise(nint address, nuint length, int advice);
}
