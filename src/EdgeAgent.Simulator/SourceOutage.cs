namespace EdgeAgent.Simulator;

/// <summary>One period during which a flaky source is off the network: from <see cref="FromUtc"/> (inclusive) to <see cref="ToUtc"/>.</summary>
public readonly record struct SourceOutage(DateTime FromUtc, DateTime ToUtc)
{
    public TimeSpan Duration => ToUtc - FromUtc;

    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;
}
