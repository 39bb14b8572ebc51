using EdgeAgent.Publishing.Outbox;

namespace EdgeAgent.Publishing;

/// <summary>
/// Sends one outbox row through one channel, once. It does not retry: the dispatcher owns retries, backoff and the
/// outbox state, so every channel gets the same ordering and durability rules.
/// </summary>
public interface IRecordPublisher : IAsyncDisposable
{
    /// <summary>Where records go (URL, broker and topic), for logs and the status page.</summary>
    string Target { get; }

    /// <summary>Whether the link to the receiver is up, when the channel knows (MQTT); null otherwise.</summary>
    bool? Connected { get; }

    /// <summary>One attempt. Exceptions other than cancellation by <paramref name="cancellationToken"/> count as a retry.</summary>
    Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken);
}
