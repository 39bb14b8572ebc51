namespace EdgeAgent.Storage;

/// <summary>What a retention pass deleted (rollups are never deleted).</summary>
/// <param name="Samples">Raw samples deleted.</param>
/// <param name="StatusEvents">Status events deleted (the last one of each source before the cutoff is kept as carry-in).</param>
/// <param name="Cycles">Per-minute cycle rows deleted.</param>
public sealed record RetentionResult(long Samples, long StatusEvents, long Cycles);
