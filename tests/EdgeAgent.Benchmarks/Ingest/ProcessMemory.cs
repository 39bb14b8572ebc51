using System.Diagnostics;
using System.Globalization;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Resident memory of this process, from /proc/self/status on Linux (the kernel's own peak), else from <see cref="Process"/>.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size in bytes (VmHWM).</summary>
    public static long PeakResidentBytes() => ReadStatusKb("VmHWM:") is { } kb ? kb * 1024 : CurrentProcess(p => p.PeakWorkingSet64);

    /// <summary>Current resident set size in bytes (VmRSS).</summary>
    public static long ResidentBytes() => ReadStatusKb("VmRSS:") is { } kb ? kb * 1024 : CurrentProcess(p => p.WorkingSet64);

    private static long CurrentProcess(Func<Process, long> read)
    {
        using var process = Process.GetCurrentProcess();
        return read(process);
    }

    private static long? ReadStatusKb(string field)
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Path))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var number = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
