namespace EdgeAgent.Collection.Ingest;

/// <summary>Counters of the ingest pipeline, exposed on /metrics and /api/status.</summary>
public sealed class IngestMetrics
{
    private long _samplesReceived;
    private long _samplesStored;
    private long _statusEvents;
    private long _flushes;
    private long _flushFailures;
    private long _pendingSamples;

    public long SamplesReceived => Interlocked.Read(ref _samplesReceived);
    public long SamplesStored => Interlocked.Read(ref _samplesStored);
    public long StatusEvents => Interlocked.Read(ref _statusEvents);
    public long Flushes => Interlocked.Read(ref _flushes);
    public long FlushFailures => Interlocked.Read(ref _flushFailures);

    /// <summary>Samples held in memory because the last write failed (e.g. disk full); they are retried, not dropped.</summary>
    public long PendingSamples => Interlocked.Read(ref _pendingSamples);

    /// <summary>The last storage error, or null once a write succeeds again.</summary>
    public string? LastStorageError { get; private set; }

    internal void Received(int count) => Interlocked.Add(ref _samplesReceived, count);

    internal void StatusEvent() => Interlocked.Increment(ref _statusEvents);

    internal void Flushed(int stored)
    {
        Interlocked.Add(ref _samplesStored, stored);
        Interlocked.Increment(ref _flushes);
        Interlocked.Exchange(ref _pendingSamples, 0);
        LastStorageError = null;
    }

    internal void FlushFailed(int pending, string error)
    {
        Interlocked.Increment(ref _flushFailures);
        Interlocked.Exchange(ref _pendingSamples, pending);
        LastStorageError = error;
    }
}
