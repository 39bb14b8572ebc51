namespace EdgeAgent.Mqtt;

/// <summary>
/// Publishes application messages to one MQTT broker and keeps the connection alive
/// (keep-alive, reconnect with backoff, persistent session).
/// </summary>
/// <remarks>
/// Unacknowledged QoS 1 messages are held in memory only, for the life of the process.
/// Durability across restarts is the caller's job: mark a message delivered only after
/// <see cref="PublishAsync"/> has completed successfully.
/// </remarks>
public interface IMqttPublisher : IAsyncDisposable
{
    /// <summary>True while a network connection with an accepted CONNACK is up.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Opens the first connection (one attempt, bounded by <see cref="MqttClientOptions.ConnectTimeout"/>).
    /// Throws <see cref="MqttConnectException"/> when the broker refuses (for example "not authorised"),
    /// <see cref="MqttProtocolException"/> on a malformed answer, or the transport's exception.
    /// After it succeeds the client reconnects by itself until <see cref="DisconnectAsync"/>.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a PUBLISH and completes when it is done: for QoS 1 when the broker's PUBACK arrives,
    /// for QoS 0 when it has been written to the socket. Messages go out in the order of the calls.
    /// While the connection is down the message waits and is (re)sent after the reconnect.
    /// Throws <see cref="MqttPublishException"/> on a negative PUBACK (MQTT 5) or when the broker's
    /// limits forbid the message, <see cref="TimeoutException"/> after <see cref="MqttClientOptions.PublishTimeout"/>.
    /// </summary>
    Task PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce,
        bool retain = false,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends DISCONNECT, closes the connection and stops reconnecting. Publishes still waiting
    /// fail with <see cref="MqttException"/>; the caller's outbox keeps them.
    /// </summary>
    Task DisconnectAsync(CancellationToken cancellationToken = default);
}
