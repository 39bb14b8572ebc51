namespace EdgeAgent.OpcUa;

/// <summary>Timing and buffering of a subscription.</summary>
public sealed record SubscriptionOptions
{
    /// <summary>How often the server sends notifications.</summary>
    public TimeSpan PublishingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Publishing intervals without data after which the server sends a keep-alive.</summary>
    public uint KeepAliveCount { get; init; } = 10;

    /// <summary>Publishing intervals without Publish requests after which the server deletes the subscription (≥ 3 × keep-alive).</summary>
    public uint LifetimeCount { get; init; } = 60;

    /// <summary>Most notifications per Publish response (0 = no limit).</summary>
    public uint MaxNotificationsPerPublish { get; init; }

    public byte Priority { get; init; }

    /// <summary>Which timestamps to report.</summary>
    public TimestampsToReturn TimestampsToReturn { get; init; } = TimestampsToReturn.Both;

    /// <summary>
    /// Capacity of <see cref="OpcUaSubscription.Changes"/>. When the reader falls behind, publishing waits
    /// (back-pressure to the server's queues) rather than dropping values.
    /// </summary>
    public int ChannelCapacity { get; init; } = 10_000;
}
