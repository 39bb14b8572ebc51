using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;

namespace EdgeAgent.Collection.Tests.Support;

/// <summary>
/// A sink that holds writes until <see cref="Open"/> (a slow or stuck disk), honouring cancellation as a real write
/// waiting for the database would; then passes them to an inner sink, or keeps them when there is none.
/// </summary>
internal sealed class GatedSink(IIngestSink? inner = null, bool gateFirstWriteOnly = false) : IIngestSink
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Sample> _samples = [];
    private int _writes;
    private volatile bool _waiting;

    /// <summary>True while a write waits at the gate.</summary>
    public bool Waiting => _waiting;

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public void Open() => _gate.TrySetResult();

    public async Task WriteAsync(IReadOnlyList<Sample> samples, IReadOnlyList<StatusEvent> events, IReadOnlyList<CycleCount> cycles, CancellationToken cancellationToken)
    {
        if (!gateFirstWriteOnly || Interlocked.Increment(ref _writes) == 1)
        {
            _waiting = true;
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                _waiting = false;
            }
        }

        if (inner is not null)
        {
            await inner.WriteAsync(samples, events, cycles, cancellationToken);
            return;
        }

        lock (_samples)
        {
            _samples.AddRange(samples);
        }
    }
}
