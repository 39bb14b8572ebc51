using EdgeAgent.Mqtt.Protocol;

namespace EdgeAgent.Mqtt.Tests;

public sealed class MqttPacketDecoderTests
{
    [Fact]
    public void ConnAck311ReadsSessionPresentAndReturnCode()
    {
        var connAck = Assert.IsType<ConnAckPacket>(MqttPacketDecoder.Decode(0x20, [0x01, 0x05], MqttProtocolVersion.V311));

        Assert.True(connAck.SessionPresent);
        Assert.Equal(5, connAck.ReasonCode);
        Assert.Equal("not authorised", MqttReasonCodes.DescribeConnect(MqttProtocolVersion.V311, connAck.ReasonCode));
    }

    [Fact]
    public void ConnAck5ReadsTheLimitsTheClientActsOn()
    {
        byte[] body =
        [
            0x00, 0x00,
            22,
            0x21, 0x00, 0x0A, // Receive Maximum 10
            0x24, 0x01, // Maximum QoS 1
            0x25, 0x00, // Retain Available 0
            0x27, 0x00, 0x00, 0x10, 0x00, // Maximum Packet Size 4096
            0x13, 0x00, 0x05, // Server Keep Alive 5
            0x26, 0x00, 0x01, (byte)'k', 0x00, 0x00, // a user property is skipped
        ];
        body[2] = (byte)(body.Length - 3);

        var connAck = Assert.IsType<ConnAckPacket>(MqttPacketDecoder.Decode(0x20, body, MqttProtocolVersion.V500));

        Assert.Equal((ushort)10, connAck.Properties.ReceiveMaximum);
        Assert.Equal((byte)1, connAck.Properties.MaximumQos);
        Assert.False(connAck.Properties.RetainAvailable);
        Assert.Equal(4096u, connAck.Properties.MaximumPacketSize);
        Assert.Equal((ushort)5, connAck.Properties.ServerKeepAlive);
    }

    [Fact]
    public void PubAck5CarriesTheReasonCodeAndReasonString()
    {
        byte[] body = [0x00, 0x09, 0x87, 6, 0x1F, 0x00, 0x03, (byte)'a', (byte)'c', (byte)'l'];

        var ack = Assert.IsType<PubAckPacket>(MqttPacketDecoder.Decode(0x40, body, MqttProtocolVersion.V500));

        Assert.Equal((ushort)9, ack.PacketId);
        Assert.Equal(0x87, ack.ReasonCode);
        Assert.Equal("acl", ack.ReasonString);
        Assert.Equal("not authorised", MqttReasonCodes.Describe(ack.ReasonCode));
    }

    [Fact]
    public void ShortPubAck5MeansSuccess()
    {
        var ack = Assert.IsType<PubAckPacket>(MqttPacketDecoder.Decode(0x40, [0x00, 0x09], MqttProtocolVersion.V500));

        Assert.Equal(0, ack.ReasonCode);
    }

    [Fact]
    public void DisconnectFromA5BrokerCarriesItsReason()
    {
        var disconnect = Assert.IsType<DisconnectPacket>(MqttPacketDecoder.Decode(0xE0, [0x8B], MqttProtocolVersion.V500));

        Assert.Equal("server shutting down", MqttReasonCodes.Describe(disconnect.ReasonCode));
    }

    [Theory]
    [InlineData(0x21, new byte[] { 0x00, 0x00 }, "reserved fixed-header flags")]
    [InlineData(0x20, new byte[] { 0x02, 0x00 }, "reserved acknowledge flags")]
    [InlineData(0x20, new byte[] { 0x00 }, "truncated")]
    [InlineData(0x40, new byte[] { 0x00, 0x01, 0x00 }, "trailing")]
    [InlineData(0x40, new byte[] { 0x00, 0x00 }, "packet identifier 0")]
    [InlineData(0x36, new byte[] { 0x00, 0x01, (byte)'t', 0x00, 0x01 }, "QoS 3")]
    [InlineData(0x38, new byte[] { 0x00, 0x01, (byte)'t' }, "DUP set on a QoS 0")]
    [InlineData(0x30, new byte[] { 0x00, 0x02, 0xC3, 0x28 }, "UTF-8")]
    [InlineData(0x10, new byte[] { 0x00 }, "must not send")]
    [InlineData(0xE0, new byte[] { }, "must not send")]
    public void MalformedPacketsAreProtocolErrors311(byte firstByte, byte[] body, string reason)
    {
        var ex = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.Decode(firstByte, body, MqttProtocolVersion.V311));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x20, new byte[] { 0x00, 0x00, 0x02, 0x7F, 0x00 }, "unknown property")]
    [InlineData(0x20, new byte[] { 0x00, 0x00, 0x05, 0x21, 0x00 }, "truncated")]
    [InlineData(0x20, new byte[] { 0x00, 0x00, 0x03, 0x21, 0x00, 0x00 }, "Receive Maximum of 0")]
    [InlineData(0x32, new byte[] { 0x00, 0x01, (byte)'t', 0x00, 0x01, 0x03, 0x23, 0x00, 0x01 }, "topic alias")]
    public void MalformedPropertiesAreProtocolErrors5(byte firstByte, byte[] body, string reason)
    {
        var ex = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.Decode(firstByte, body, MqttProtocolVersion.V500));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnnouncedLengthAboveTheMaximumIsRefusedBeforeReadingTheBody()
    {
        var ex = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.TryReadFixedHeader([0x30, 0xFF, 0xFF, 0xFF, 0x7F], 1 << 20, out _));

        Assert.Contains("exceeds the maximum packet size", ex.Message, StringComparison.Ordinal);
    }
}
