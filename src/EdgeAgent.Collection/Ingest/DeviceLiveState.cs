namespace EdgeAgent.Collection.Ingest;

/// <summary>What is known right now about one source (device connection).</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Online">Whether the last cycle reached the device.</param>
/// <param name="Reason">Why it is in this state ("connected", "timeout", "connection refused", ...).</param>
/// <param name="SinceUtc">When it entered this state.</param>
/// <param name="LastSeenUtc">Last time it delivered good data, or null if never.</param>
/// <param name="Cycles">Cycles attempted since start.</param>
/// <param name="GoodCycles">Cycles that delivered good data since start.</param>
public sealed record DeviceLiveState(
    string SourceId,
    bool Online,
    string Reason,
    DateTime SinceUtc,
    DateTime? LastSeenUtc,
    long Cycles,
    long GoodCycles);
