namespace EdgeAgent.Storage;

/// <summary>What a retention pass deleted.</summary>
public sealed record RetentionResult(long Samples, long StatusEvents, long Cycles);
