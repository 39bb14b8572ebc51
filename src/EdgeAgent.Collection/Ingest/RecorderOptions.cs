namespace EdgeAgent.Collection.Ingest;

/// <summary>How the recorder batches writes.</summary>
public sealed class RecorderOptions
{
    /// <summary>Samples per write transaction at most.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Longest time a tag may go without a stored sample.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait after a failed write; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
