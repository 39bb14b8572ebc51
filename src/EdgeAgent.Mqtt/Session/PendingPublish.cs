namespace EdgeAgent.Mqtt.Session;

/// <summary>One queued PUBLISH: its encoded bytes (resent as is, with DUP patched) and its caller's completion.</summary>
internal sealed class PendingPublish
{
    public PendingPublish(byte[] packet, MqttQualityOfService qos, ushort packetId, string topic)
    {
        Packet = packet;
        Qos = qos;
        PacketId = packetId;
        Topic = topic;
    }

    public byte[] Packet { get; }

    public MqttQualityOfService Qos { get; }

    public ushort PacketId { get; }

    public string Topic { get; }

    /// <summary>Connection generation it was last written on; 0 = not yet on the current connection's wire.</summary>
    public int SentGeneration { get; set; }

    /// <summary>Written at least once in the current broker session, so the next write is a re-delivery (DUP=1).</summary>
    public bool EverSent { get; set; }

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
