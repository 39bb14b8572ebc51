namespace EdgeAgent.Core.Rollups;

/// <summary>
/// Collection cycles of one source within one UTC minute, as the recorder stores them: the rollup input that says
/// whether the agent was collecting at all, and how well.
/// </summary>
/// <param name="SourceId">The source.</param>
/// <param name="MinuteUtc">Start of the UTC minute.</param>
/// <param name="Attempts">Cycles attempted in the minute.</param>
/// <param name="Good">Cycles that delivered good data.</param>
public readonly record struct SourceCycles(string SourceId, DateTime MinuteUtc, long Attempts, long Good);
