namespace EdgeAgent.Mqtt;

/// <summary>An application message delivered to this client by the broker (subscriptions are for tests and diagnostics).</summary>
public sealed record MqttReceivedMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService Qos,
    bool Retain,
    bool Duplicate);
