namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>One POST the test receiver got.</summary>
internal sealed record ReceivedRequest(DateTimeOffset At, byte[] Body, string? ContentType, string IdempotencyKey, string Authorization, string RecordSeq);
