namespace EdgeAgent.Core.Configuration;

/// <summary>Where and how long data is kept.</summary>
public sealed class StorageConfig
{
    /// <summary>Minimum retention: assessments need at least three months of history plus margin.</summary>
    public const int MinimumRetentionDays = 100;

    public string DataFolder { get; set; } = "data";
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>A sample inside its deadband is still stored after this many seconds (proves the tag is alive).</summary>
    public int HeartbeatSeconds { get; set; } = 300;

    /// <summary>Samples per write transaction.</summary>
    public int BatchSize { get; set; } = 5000;
}
