namespace EdgeAgent.Storage;

/// <summary>Options of the SQLite storage, bound from <c>$.storage</c> of the plant configuration.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Folder that holds <c>edgeagent.db</c> (created when missing).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Agent id recorded in the <c>meta</c> table of a new database (a file from another agent is reported).</summary>
    public string? AgentId { get; set; }

    /// <summary>Raw history kept, days (at least 100: assessments need three months plus margin).</summary>
    public int RetentionDays { get; set; } = 100;

    /// <summary>Rows deleted per retention transaction; small, so the recorder is never held up for long.</summary>
    public int RetentionBatchRows { get; set; } = 5000;

    /// <summary>Time between retention passes.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time between rollup rebuilds of the current plant-local day.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a connection waits for a lock held by another connection (SQLite busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Page cache of the writer connection, MiB (holds the hot index pages of every tag).</summary>
    public int CacheSizeMb { get; set; } = 32;
}
