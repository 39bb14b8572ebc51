namespace EdgeAgent.Core.Model;

/// <summary>
/// The outcome of one poll cycle (or one publish interval) of one source, handed from a collector to ingest.
/// A failed cycle is a batch too (<see cref="CycleGood"/> false, usually no samples): counting cycles against good
/// cycles gives collection availability, the basis of the networked-equipment ratio.
/// </summary>
/// <param name="SourceId">The source that produced the readings.</param>
/// <param name="TimestampUtc">Time of the cycle, UTC.</param>
/// <param name="Samples">The readings (may be empty).</param>
/// <param name="CycleGood">Whether the cycle delivered good data.</param>
public sealed record SampleBatch(string SourceId, DateTime TimestampUtc, IReadOnlyList<Sample> Samples, bool CycleGood = true);
