namespace EdgeAgent.Mqtt.Protocol;

internal sealed record PubAckPacket(ushort PacketId, byte ReasonCode, string? ReasonString) : MqttPacket;
