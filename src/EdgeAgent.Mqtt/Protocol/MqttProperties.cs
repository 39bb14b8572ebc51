namespace EdgeAgent.Mqtt.Protocol;

/// <summary>The MQTT 5 properties the client acts on; others are validated and skipped.</summary>
internal sealed class MqttProperties
{
    public static MqttProperties Empty { get; } = new();

    public uint? SessionExpiryInterval { get; set; }

    public ushort? ReceiveMaximum { get; set; }

    public byte? MaximumQos { get; set; }

    public bool? RetainAvailable { get; set; }

    public uint? MaximumPacketSize { get; set; }

    public string? AssignedClientIdentifier { get; set; }

    public ushort? ServerKeepAlive { get; set; }

    public string? ReasonString { get; set; }

    public ushort? TopicAlias { get; set; }
}
