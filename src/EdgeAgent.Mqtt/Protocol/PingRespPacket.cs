namespace EdgeAgent.Mqtt.Protocol;

internal sealed record PingRespPacket : MqttPacket
{
    public static PingRespPacket Instance { get; } = new();
}
