namespace EdgeAgent.Evidence.Tests;

/// <summary>A clock that says what the test sets.</summary>
internal sealed class FixedTime : TimeProvider
{
    public FixedTime(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
