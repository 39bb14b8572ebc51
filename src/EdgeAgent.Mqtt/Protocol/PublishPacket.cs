namespace EdgeAgent.Mqtt.Protocol;

internal sealed record PublishPacket(
    string Topic,
    byte[] Payload,
    MqttQualityOfService Qos,
    bool Retain,
    bool Duplicate,
    ushort PacketId) : MqttPacket;
