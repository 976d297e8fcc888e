using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parley.Cli;

/// <summary>
/// The CPU time consumed by the calling thread, for benchmarks on a shared machine where wall clock inside a worker
/// also counts the time other processes hold the core. Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> (a vDSO call,
/// well under a microsecond); elsewhere, or if the call fails, the wall clock (<see cref="IsCpuTime"/> false).
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = Probe();

    /// <summary>Whether <see cref="Now"/> is the thread's CPU time (otherwise the wall clock).</summary>
    public static bool IsCpuTime => Available;

    /// <summary>The thread's CPU time in seconds since an arbitrary origin (per thread: subtract two readings of the same thread).</summary>
    public static double Now()
    {
        if (Available && ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds + (ts.Nanoseconds * 1e-9);
        }

        return (double)Stopwatch.GetTimestamp() / Stopwatch.Frequency;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
