namespace EdgeAgent.Storage.Tests;

/// <summary>A clock stopped at one instant (timers still tick in real time).</summary>
internal sealed class FixedTime(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
