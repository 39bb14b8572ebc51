namespace EdgeAgent.Mqtt.Protocol;

/// <summary>
/// The variable byte integer of MQTT (remaining length, property lengths): 7 bits per byte,
/// high bit = "more bytes follow", at most 4 bytes, so at most 268,435,455.
/// </summary>
internal static class VariableByteInteger
{
    public const int MaxValue = 268_435_455;
    public const int MaxBytes = 4;

    public static int SizeOf(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value), value, "MQTT variable byte integers hold 0..268,435,455."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    public static int Write(Span<byte> destination, int value)
    {
        var size = SizeOf(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = i < size - 1 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>
    /// Decodes from the start of <paramref name="source"/>. Returns false when more bytes are needed;
    /// throws <see cref="MqttProtocolException"/> when the encoding is malformed (a fifth byte, or not minimal).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var multiplier = 1;
        for (var i = 0; i < MaxBytes; i++)
        {
            if (i >= source.Length)
            {
                return false;
            }

            var b = source[i];
            value += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0)
            {
                // MQTT-1.5.5-1: the minimum number of bytes must be used, so a trailing zero byte is malformed.
                if (i > 0 && b == 0)
                {
                    throw new MqttProtocolException("Malformed variable byte integer: not minimally encoded.");
                }

                consumed = i + 1;
                return true;
            }

            multiplier <<= 7;
        }

        throw new MqttProtocolException("Malformed variable byte integer: more than 4 bytes (limit 268,435,455).");
    }
}
