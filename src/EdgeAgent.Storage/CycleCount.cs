namespace EdgeAgent.Storage;

/// <summary>Poll cycles of one source within one UTC minute: attempted and delivering good data.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="MinuteUtc">Start of the minute, UTC.</param>
/// <param name="Attempts">Cycles attempted.</param>
/// <param name="Good">Cycles that delivered good data.</param>
public sealed record CycleCount(string SourceId, DateTime MinuteUtc, int Attempts, int Good);
