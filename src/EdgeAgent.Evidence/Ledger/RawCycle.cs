namespace EdgeAgent.Evidence.Ledger;

/// <summary>One row of <c>collection_cycles</c>: poll cycles of one source in one UTC minute.</summary>
/// <param name="Source">Source id.</param>
/// <param name="MinuteMs">Start of the minute, UTC unix milliseconds.</param>
/// <param name="Attempts">Cycles attempted.</param>
/// <param name="Good">Cycles that delivered good data.</param>
public readonly record struct RawCycle(string Source, long MinuteMs, long Attempts, long Good);
