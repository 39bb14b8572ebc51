namespace EdgeAgent.Publishing.Outbox;

/// <summary>One channel as /api/status and /metrics show it.</summary>
/// <param name="Channel"><c>https</c> or <c>mqtt</c>.</param>
/// <param name="Target">URL, or broker and topic.</param>
/// <param name="Depth">Records waiting.</param>
/// <param name="Delivered">Records delivered, ever.</param>
/// <param name="Parked">Records refused for good.</param>
/// <param name="LastPush">When the last delivery was acknowledged (UTC), or null.</param>
/// <param name="Connected">Whether the link is up (MQTT), or null when the channel does not know.</param>
/// <param name="LastError">A failure of the channel itself, else the last failure of the record at the head of the line; null when it is going well.</param>
/// <param name="HeadAttempts">Attempts spent on the record at the head of the line.</param>
/// <param name="NextAttemptAt">When the head record is tried next, when it is waiting for a retry.</param>
/// <param name="FailuresSinceStart">Failed attempts since the agent started.</param>
public sealed record OutboxChannelStatus(
    string Channel,
    string Target,
    long Depth,
    long Delivered,
    long Parked,
    DateTime? LastPush,
    bool? Connected,
    string? LastError,
    int HeadAttempts,
    DateTime? NextAttemptAt,
    long FailuresSinceStart);
