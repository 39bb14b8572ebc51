using System.Diagnostics;
using EdgeAgent.Collection.Ingest;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Counters at one instant; the report is the difference of two.</summary>
public readonly record struct Snapshot(
    long Ticks,
    TimeSpan Cpu,
    TimeSpan UserCpu,
    TimeSpan KernelCpu,
    long Requests,
    long Registers,
    long Cycles,
    long GoodCycles,
    long SamplesCollected,
    long SamplesStored,
    long Flushes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    TimeSpan GcPause,
    TimeSpan SinkWall,
    TimeSpan SinkCpu)
{
    public static Snapshot Take(RequestCounter requests, MeasuringWriter writer, IngestMetrics metrics, TimingSink sink)
    {
        using var process = Process.GetCurrentProcess();
        return new Snapshot(
            Stopwatch.GetTimestamp(),
            process.TotalProcessorTime,
            process.UserProcessorTime,
            process.PrivilegedProcessorTime,
            requests.Requests,
            requests.Registers,
            writer.Cycles,
            writer.GoodCycles,
            writer.Samples,
            metrics.SamplesStored,
            metrics.Flushes,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration(),
            sink.Wall,
            sink.Cpu);
    }
}
