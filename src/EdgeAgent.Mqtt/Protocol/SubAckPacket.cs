namespace EdgeAgent.Mqtt.Protocol;

internal sealed record SubAckPacket(ushort PacketId, byte[] ReasonCodes, string? ReasonString) : MqttPacket;
