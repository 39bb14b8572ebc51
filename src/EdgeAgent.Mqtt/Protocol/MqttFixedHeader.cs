namespace EdgeAgent.Mqtt.Protocol;

/// <summary>First byte and remaining length of a packet, plus how many bytes they took.</summary>
internal readonly record struct MqttFixedHeader(byte FirstByte, int RemainingLength, int HeaderLength)
{
    public MqttPacketType Type => (MqttPacketType)(FirstByte >> 4);

    public int Flags => FirstByte & 0x0F;

    public int TotalLength => HeaderLength + RemainingLength;
}
