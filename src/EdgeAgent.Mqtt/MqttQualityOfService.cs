namespace EdgeAgent.Mqtt;

/// <summary>Delivery guarantee of a PUBLISH. QoS 2 is deliberately not offered: the outbox above us already de-duplicates by message id.</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>QoS 0: fire and forget; complete once written to the socket.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: complete once the broker sends PUBACK; resent with DUP=1 after a reconnect.</summary>
    AtLeastOnce = 1,
}
