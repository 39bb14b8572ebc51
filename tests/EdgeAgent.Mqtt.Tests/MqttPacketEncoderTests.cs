using EdgeAgent.Mqtt.Protocol;

namespace EdgeAgent.Mqtt.Tests;

public sealed class MqttPacketEncoderTests
{
    [Fact]
    public void Connect311CarriesPersistentSessionCredentialsAndKeepAlive()
    {
        var packet = MqttPacketEncoder.EncodeConnect(new MqttClientOptions
        {
            ClientId = "gw1",
            ProtocolVersion = MqttProtocolVersion.V311,
            KeepAlive = TimeSpan.FromSeconds(60),
            Username = "u",
            Password = "p",
        });

        byte[] expected =
        [
            0x10, 21, // CONNECT, remaining length
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, // protocol name, level 4
            0xC0, // user name + password, Clean Session 0
            0x00, 60, // keep-alive
            0x00, 0x03, (byte)'g', (byte)'w', (byte)'1',
            0x00, 0x01, (byte)'u',
            0x00, 0x01, (byte)'p',
        ];
        Assert.Equal(expected, packet);
    }

    [Fact]
    public void Connect5CarriesSessionExpiryAndMaximumPacketSize()
    {
        var packet = MqttPacketEncoder.EncodeConnect(new MqttClientOptions
        {
            ClientId = "gw1",
            ProtocolVersion = MqttProtocolVersion.V500,
            KeepAlive = TimeSpan.FromSeconds(30),
            SessionExpiryInterval = TimeSpan.FromSeconds(3600),
            MaxIncomingPacketSize = 65536,
        });

        byte[] variableHeader =
        [
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05,
            0x00, // no credentials, Clean Start 0
            0x00, 30,
            10, // property length
            0x11, 0x00, 0x00, 0x0E, 0x10, // Session Expiry Interval 3600
            0x27, 0x00, 0x01, 0x00, 0x00, // Maximum Packet Size 65536
            0x00, 0x03, (byte)'g', (byte)'w', (byte)'1',
        ];
        Assert.Equal(0x10, packet[0]);
        Assert.Equal(variableHeader.Length, packet[1]);
        Assert.Equal(variableHeader, packet[2..]);
    }

    [Fact]
    public void CleanSessionSetsFlagAndOmitsSessionExpiry()
    {
        var packet = MqttPacketEncoder.EncodeConnect(new MqttClientOptions
        {
            ClientId = string.Empty,
            CleanSession = true,
            ProtocolVersion = MqttProtocolVersion.V500,
        });

        Assert.Equal(0x02, packet[9]);
        Assert.Equal(5, packet[12]); // only Maximum Packet Size
    }

    [Fact]
    public void PublishQos1HasPacketIdAndRetainFlag()
    {
        var packet = MqttPacketEncoder.EncodePublish("a/b", [1, 2, 3], MqttQualityOfService.AtLeastOnce, retain: true, packetId: 0x1234, MqttProtocolVersion.V311);

        Assert.Equal(new byte[] { 0x33, 10, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0x12, 0x34, 1, 2, 3 }, packet);
    }

    [Fact]
    public void Publish5HasAnEmptyPropertyList()
    {
        var packet = MqttPacketEncoder.EncodePublish("t", [9], MqttQualityOfService.AtMostOnce, retain: false, packetId: 0, MqttProtocolVersion.V500);

        Assert.Equal(new byte[] { 0x30, 5, 0x00, 0x01, (byte)'t', 0x00, 9 }, packet);
    }

    [Fact]
    public void PublishRoundTripsThroughTheDecoder()
    {
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        foreach (var version in new[] { MqttProtocolVersion.V311, MqttProtocolVersion.V500 })
        {
            var packet = MqttPacketEncoder.EncodePublish("plant/line-1/summary", payload, MqttQualityOfService.AtLeastOnce, false, 7, version);
            Assert.True(MqttPacketDecoder.TryReadFixedHeader(packet, 1 << 20, out var header));

            var decoded = Assert.IsType<PublishPacket>(MqttPacketDecoder.Decode(packet[0], packet.AsSpan(header.HeaderLength), version));

            Assert.Equal("plant/line-1/summary", decoded.Topic);
            Assert.Equal(payload, decoded.Payload);
            Assert.Equal((ushort)7, decoded.PacketId);
            Assert.Equal(MqttQualityOfService.AtLeastOnce, decoded.Qos);
        }
    }

    [Fact]
    public void SubscribeUsesReservedFlagsTwo()
    {
        var packet = MqttPacketEncoder.EncodeSubscribe(5, "a/#", MqttQualityOfService.AtLeastOnce, MqttProtocolVersion.V311);

        Assert.Equal(new byte[] { 0x82, 8, 0x00, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'#', 0x01 }, packet);
    }

    [Fact]
    public void PubAckPingAndDisconnectAreFixed()
    {
        Assert.Equal(new byte[] { 0x40, 0x02, 0xAB, 0xCD }, MqttPacketEncoder.EncodePubAck(0xABCD));
        Assert.Equal(new byte[] { 0xC0, 0x00 }, MqttPacketEncoder.PingReq);
        Assert.Equal(new byte[] { 0xE0, 0x00 }, MqttPacketEncoder.Disconnect);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/+/b")]
    [InlineData("a/#")]
    [InlineData("a\0b")]
    public void InvalidTopicNamesAreRefused(string topic)
    {
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.EncodePublish(topic, [], MqttQualityOfService.AtMostOnce, false, 0, MqttProtocolVersion.V311));
    }
}
