namespace EdgeAgent.Web.Tests.Support;

/// <summary>A clock that says what the test says (timers still run in real time, so retries and delays work).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
