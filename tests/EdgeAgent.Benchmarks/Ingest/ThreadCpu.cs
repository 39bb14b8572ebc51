using System.Runtime.InteropServices;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>CPU time of the calling thread (Linux clock_gettime); lets the report split the recorder's wall time into work and waiting.</summary>
public static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the platform supports it (Linux only); otherwise <see cref="Now"/> returns zero.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!IsSupported || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
