namespace EdgeAgent.Publishing.Outbox;

/// <summary>A way records leave the agent. Each channel has its own queue in the outbox and its own dispatcher.</summary>
public enum OutboxChannel
{
    /// <summary>HTTPS POST to the configured URL (stored as <c>https</c>).</summary>
    Https,

    /// <summary>MQTT PUBLISH to the configured broker and topic (stored as <c>mqtt</c>).</summary>
    Mqtt,
}
