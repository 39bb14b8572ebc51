using System.Diagnostics;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Passes writes to the real sink and adds up their wall and thread-CPU time (the sink writes synchronously).</summary>
public sealed class TimingSink(IIngestSink inner) : IIngestSink
{
    private long _wallTicks;
    private long _cpuTicks;
    private long _writes;

    public TimeSpan Wall => TimeSpan.FromTicks(Interlocked.Read(ref _wallTicks));
    public TimeSpan Cpu => TimeSpan.FromTicks(Interlocked.Read(ref _cpuTicks));
    public long Writes => Interlocked.Read(ref _writes);

    public async Task WriteAsync(IReadOnlyList<Sample> samples, IReadOnlyList<StatusEvent> events, IReadOnlyList<CycleCount> cycles, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = ThreadCpu.Now();
        var write = inner.WriteAsync(samples, events, cycles, cancellationToken);
        // SqliteStorage completes synchronously once its lock is free, so the thread CPU delta is the write's own.
        var cpuUsed = write.IsCompleted ? ThreadCpu.Now() - cpu : TimeSpan.Zero;
        await write.ConfigureAwait(false);
        Interlocked.Add(ref _wallTicks, Stopwatch.GetElapsedTime(started).Ticks);
        Interlocked.Add(ref _cpuTicks, cpuUsed.Ticks);
        Interlocked.Increment(ref _writes);
    }
}
