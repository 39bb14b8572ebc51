using System.Buffers.Binary;
using System.Text;

namespace EdgeAgent.Mqtt.Protocol;

/// <summary>
/// Bounds-checked reader over one packet body. Every shortfall or invalid value becomes an
/// <see cref="MqttProtocolException"/>, so broker bytes can never cause another exception type.
/// </summary>
internal ref struct MqttSpanReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public MqttSpanReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Remaining => _buffer.Length - _position;

    public byte ReadByte()
    {
        Need(1, "byte");
        return _buffer[_position++];
    }

    public ushort ReadUInt16()
    {
        Need(2, "two byte integer");
        var value = BinaryPrimitives.ReadUInt16BigEndian(_buffer[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Need(4, "four byte integer");
        var value = BinaryPrimitives.ReadUInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return value;
    }

    public int ReadVariableByteInteger()
    {
        if (!VariableByteInteger.TryRead(_buffer[_position..], out var value, out var consumed))
        {
            throw new MqttProtocolException("Malformed packet: truncated variable byte integer.");
        }

        _position += consumed;
        return value;
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadUInt16();
        return ReadBytes(length);
    }

    public string ReadString()
    {
        var bytes = ReadBinary();
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MqttProtocolException("Malformed packet: a string is not valid UTF-8.", ex);
        }

        // MQTT-1.5.4-2: U+0000 must not appear in a UTF-8 encoded string.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new MqttProtocolException("Malformed packet: a string contains U+0000.");
        }

        return text;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Need(count, "data");
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    public ReadOnlySpan<byte> ReadToEnd()
    {
        var span = _buffer[_position..];
        _position = _buffer.Length;
        return span;
    }

    private readonly void Need(int count, string what)
    {
        if (count > _buffer.Length - _position)
        {
            throw new MqttProtocolException($"Malformed packet: truncated {what} (needs {count} bytes, {_buffer.Length - _position} left).");
        }
    }
}
