namespace EdgeAgent.Core.Rollups;

/// <summary>What one counter reading adds to its rollup.</summary>
/// <param name="Delta">Amount added, never negative.</param>
/// <param name="Reset">Whether a wrap, reset or replacement was detected.</param>
/// <param name="KeepBaseline">Whether the next delta is taken from the previous reading (float jitter), not from this one.</param>
public readonly record struct CounterStep(double Delta, bool Reset, bool KeepBaseline);
