using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>
/// Sits between the collectors and the ingest channel: counts what the collectors hand over (cycles, samples) and the
/// deepest the channel got right after a write, exactly rather than by sampling.
/// </summary>
public sealed class MeasuringWriter(IngestChannel channel) : ChannelWriter<IngestMessage>
{
    private readonly ChannelWriter<IngestMessage> _inner = channel.Writer;
    private long _cycles;
    private long _goodCycles;
    private long _samples;
    private int _maxDepth;

    public long Cycles => Interlocked.Read(ref _cycles);
    public long GoodCycles => Interlocked.Read(ref _goodCycles);
    public long Samples => Interlocked.Read(ref _samples);
    public int MaxDepth => Volatile.Read(ref _maxDepth);

    public override bool TryWrite(IngestMessage item)
    {
        if (!_inner.TryWrite(item))
        {
            return false;
        }

        if (item.Batch is { } batch)
        {
            Interlocked.Increment(ref _cycles);
            if (batch.CycleGood)
            {
                Interlocked.Increment(ref _goodCycles);
            }

            Interlocked.Add(ref _samples, batch.Samples.Count);
        }

        var depth = channel.Count;
        var max = Volatile.Read(ref _maxDepth);
        while (depth > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxDepth, depth, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }

        return true;
    }

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => _inner.WaitToWriteAsync(cancellationToken);

    public override bool TryComplete(Exception? error = null) => _inner.TryComplete(error);
}
