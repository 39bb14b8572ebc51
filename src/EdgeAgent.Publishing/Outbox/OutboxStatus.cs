namespace EdgeAgent.Publishing.Outbox;

/// <summary>The outbox as /api/status shows it.</summary>
/// <param name="Depth">Records waiting, all enabled channels together.</param>
/// <param name="LastPush">The newest acknowledged delivery on any channel (UTC), or null.</param>
/// <param name="Channels">Each enabled channel.</param>
/// <param name="Parked">Refused records (newest first, at most 20) with their reasons.</param>
public sealed record OutboxStatus(long Depth, DateTime? LastPush, IReadOnlyList<OutboxChannelStatus> Channels, IReadOnlyList<ParkedRecord> Parked)
{
    /// <summary>No channel configured.</summary>
    public static OutboxStatus Empty { get; } = new(0, null, [], []);
}
