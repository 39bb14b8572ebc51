namespace EdgeAgent.Publishing.Outbox;

/// <summary>Row counts of one channel.</summary>
/// <param name="Pending">Rows waiting (the channel's depth).</param>
/// <param name="Delivered">Rows delivered, ever.</param>
/// <param name="Parked">Rows refused for good.</param>
/// <param name="LastDeliveredAt">When the newest delivery was acknowledged, or null.</param>
public sealed record OutboxCounts(long Pending, long Delivered, long Parked, DateTimeOffset? LastDeliveredAt);
