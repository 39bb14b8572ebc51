using EdgeAgent.Mqtt.Protocol;

namespace EdgeAgent.Mqtt.Tests;

public sealed class VariableByteIntegerTests
{
    // The boundary table of MQTT 3.1.1 section 2.2.3 / MQTT 5.0 section 1.5.5.
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void EncodesAndDecodesTheSpecificationBoundaries(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var written = VariableByteInteger.Write(buffer, value);

        Assert.Equal(expected, buffer[..written]);
        Assert.True(VariableByteInteger.TryRead(expected, out var decoded, out var consumed));
        Assert.Equal(value, decoded);
        Assert.Equal(expected.Length, consumed);
    }

    [Fact]
    public void RefusesToEncodeAboveTheLimit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VariableByteInteger.Write(new byte[8], 268_435_456));
    }

    [Fact]
    public void AFifthByteIsAProtocolError()
    {
        Assert.Throws<MqttProtocolException>(() => VariableByteInteger.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _, out _));
    }

    [Fact]
    public void ANonMinimalEncodingIsAProtocolError()
    {
        Assert.Throws<MqttProtocolException>(() => VariableByteInteger.TryRead([0x80, 0x00], out _, out _));
    }

    [Fact]
    public void ATruncatedValueAsksForMoreBytes()
    {
        Assert.False(VariableByteInteger.TryRead([0x80, 0x80], out _, out _));
        Assert.False(VariableByteInteger.TryRead([], out _, out _));
    }
}
