namespace EdgeAgent.Hosting;

/// <summary>What a simulation run did.</summary>
internal sealed record SimulationSummary(
    DateOnly From,
    DateOnly To,
    long Ticks,
    long SamplesRead,
    long SamplesStored,
    TimeSpan Wall,
    TimeSpan Cpu,
    long DatabaseBytes);
