using System.Collections.Concurrent;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Collection.Ingest;

/// <summary>
/// Last value of every tag and the online state of every source, for the status page and API.
/// Written by ingest only; read concurrently by the web layer.
/// </summary>
public sealed class LiveState
{
    private readonly ConcurrentDictionary<TagKey, Sample> _lastValues = new();
    private readonly ConcurrentDictionary<string, DeviceLiveState> _sources = new(StringComparer.Ordinal);

    /// <summary>Last sample of every tag seen since start.</summary>
    public IReadOnlyDictionary<TagKey, Sample> LastValues => _lastValues;

    /// <summary>State of every source seen since start.</summary>
    public IReadOnlyDictionary<string, DeviceLiveState> Sources => _sources;

    /// <summary>Total samples received since start (before deadband filtering).</summary>
    public long SamplesReceived => Interlocked.Read(ref _samplesReceived);

    private long _samplesReceived;

    /// <summary>Applies one cycle's outcome.</summary>
    public void Apply(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var sample in batch.Samples)
        {
            _lastValues[sample.Key] = sample;
        }

        Interlocked.Add(ref _samplesReceived, batch.Samples.Count);
        _sources.AddOrUpdate(
            batch.SourceId,
            id => new DeviceLiveState(id, batch.CycleGood, batch.CycleGood ? "connected" : "no data", batch.TimestampUtc,
                batch.CycleGood ? batch.TimestampUtc : null, 1, batch.CycleGood ? 1 : 0),
            (_, s) => s with
            {
                LastSeenUtc = batch.CycleGood ? batch.TimestampUtc : s.LastSeenUtc,
                Cycles = s.Cycles + 1,
                GoodCycles = s.GoodCycles + (batch.CycleGood ? 1 : 0),
            });
    }

    /// <summary>Applies an online/offline transition.</summary>
    public void Apply(StatusEvent status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _sources.AddOrUpdate(
            status.SourceId,
            id => new DeviceLiveState(id, status.Online, status.Reason, status.TimestampUtc, null, 0, 0),
            (_, s) => s with { Online = status.Online, Reason = status.Reason, SinceUtc = status.TimestampUtc });
    }
}
