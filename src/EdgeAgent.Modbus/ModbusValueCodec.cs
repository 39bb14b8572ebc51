using System.Buffers.Binary;

namespace EdgeAgent.Modbus;

/// <summary>
/// Turns 16-bit registers into typed values and back. Pure and allocation-free except for strings and the boxed
/// <see cref="Decode"/> form.
/// </summary>
/// <remarks>
/// Registers are the values as read (the wire's big-endian bytes already combined into a <see cref="ushort"/>).
/// <see cref="ModbusByteOrder.LittleEndian"/> swaps the two bytes of each register; <see cref="ModbusWordOrder"/>
/// says whether the most (<see cref="ModbusWordOrder.BigEndian"/>) or least significant register comes first.
/// Float32 1.0f (0x3F800000) is therefore [0x3F80, 0x0000] as BigEndian/BigEndian ("ABCD"),
/// [0x0000, 0x3F80] as BigEndian/LittleEndian ("CDAB"), [0x803F, 0x0000] as LittleEndian/BigEndian ("BADC")
/// and [0x0000, 0x803F] as LittleEndian/LittleEndian ("DCBA").
/// </remarks>
public static class ModbusValueCodec
{
    /// <summary>
    /// Registers a value of <paramref name="type"/> occupies. For <see cref="ModbusDataType.String"/>,
    /// <paramref name="stringLength"/> is the length in characters (bytes), two per register.
    /// </summary>
    public static int RegisterCount(ModbusDataType type, int stringLength = 0) => type switch
    {
        ModbusDataType.Bool or ModbusDataType.Int16 or ModbusDataType.UInt16 => 1,
        ModbusDataType.Int32 or ModbusDataType.UInt32 or ModbusDataType.Float32 => 2,
        ModbusDataType.Int64 or ModbusDataType.UInt64 or ModbusDataType.Float64 => 4,
        ModbusDataType.String when stringLength > 0 => (stringLength + 1) / 2,
        ModbusDataType.String => throw new ArgumentOutOfRangeException(nameof(stringLength), stringLength, "A string needs a length of at least 1 character."),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Modbus data type."),
    };

    /// <summary>True when the register is not zero.</summary>
    public static bool DecodeBool(ReadOnlySpan<ushort> registers) => Raw(registers, 1, ModbusByteOrder.BigEndian, ModbusWordOrder.BigEndian) != 0;

    /// <summary>Signed 16-bit value of the first register.</summary>
    public static short DecodeInt16(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian) =>
        unchecked((short)Raw(registers, 1, byteOrder, ModbusWordOrder.BigEndian));

    /// <summary>Unsigned 16-bit value of the first register.</summary>
    public static ushort DecodeUInt16(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian) =>
        (ushort)Raw(registers, 1, byteOrder, ModbusWordOrder.BigEndian);

    /// <summary>Signed 32-bit value of the first two registers.</summary>
    public static int DecodeInt32(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        unchecked((int)Raw(registers, 2, byteOrder, wordOrder));

    /// <summary>Unsigned 32-bit value of the first two registers.</summary>
    public static uint DecodeUInt32(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        (uint)Raw(registers, 2, byteOrder, wordOrder);

    /// <summary>Signed 64-bit value of the first four registers.</summary>
    public static long DecodeInt64(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        unchecked((long)Raw(registers, 4, byteOrder, wordOrder));

    /// <summary>Unsigned 64-bit value of the first four registers.</summary>
    public static ulong DecodeUInt64(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        Raw(registers, 4, byteOrder, wordOrder);

    /// <summary>IEEE 754 single of the first two registers.</summary>
    public static float DecodeFloat32(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        BitConverter.UInt32BitsToSingle((uint)Raw(registers, 2, byteOrder, wordOrder));

    /// <summary>IEEE 754 double of the first four registers.</summary>
    public static double DecodeFloat64(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        BitConverter.UInt64BitsToDouble(Raw(registers, 4, byteOrder, wordOrder));

    /// <summary>
    /// ASCII text of all <paramref name="registers"/>, two characters each (the first character in the high byte for
    /// <see cref="ModbusByteOrder.BigEndian"/>). Text ends at the first NUL; trailing spaces are trimmed; bytes above
    /// 0x7F become '?'. A positive <paramref name="length"/> limits the text to that many characters (an odd length
    /// ignores the last byte of the last register).
    /// </summary>
    public static string DecodeString(ReadOnlySpan<ushort> registers, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, int length = 0)
    {
        Span<char> chars = registers.Length <= 128 ? stackalloc char[registers.Length * 2] : new char[registers.Length * 2];
        int count = 0;
        for (int i = 0; i < registers.Length; i++)
        {
            ushort register = byteOrder == ModbusByteOrder.BigEndian ? registers[i] : BinaryPrimitives.ReverseEndianness(registers[i]);
            chars[count++] = ToAscii((byte)(register >> 8));
            chars[count++] = ToAscii((byte)register);
        }

        var text = chars[..count];
        if (length > 0 && length < count)
        {
            text = text[..length];
        }

        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            text = text[..nul];
        }

        return new string(text.TrimEnd(' '));
    }

    /// <summary>
    /// Any numeric type (and <see cref="ModbusDataType.Bool"/> as 0/1) as a double, the form samples are stored in.
    /// 64-bit integers above 2^53 lose precision.
    /// </summary>
    public static double DecodeNumber(
        ReadOnlySpan<ushort> registers, ModbusDataType type, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) => type switch
    {
        ModbusDataType.Bool => DecodeBool(registers) ? 1d : 0d,
        ModbusDataType.Int16 => DecodeInt16(registers, byteOrder),
        ModbusDataType.UInt16 => DecodeUInt16(registers, byteOrder),
        ModbusDataType.Int32 => DecodeInt32(registers, byteOrder, wordOrder),
        ModbusDataType.UInt32 => DecodeUInt32(registers, byteOrder, wordOrder),
        ModbusDataType.Int64 => DecodeInt64(registers, byteOrder, wordOrder),
        ModbusDataType.UInt64 => DecodeUInt64(registers, byteOrder, wordOrder),
        ModbusDataType.Float32 => DecodeFloat32(registers, byteOrder, wordOrder),
        ModbusDataType.Float64 => DecodeFloat64(registers, byteOrder, wordOrder),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a numeric Modbus data type."),
    };

    /// <summary>
    /// The value as its natural CLR type (bool, short, ushort, int, uint, long, ulong, float, double or string), boxed.
    /// For strings, <paramref name="stringLength"/> characters' worth of registers are used (all registers when 0).
    /// </summary>
    public static object Decode(
        ReadOnlySpan<ushort> registers, ModbusDataType type, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian, int stringLength = 0) => type switch
    {
        ModbusDataType.Bool => DecodeBool(registers),
        ModbusDataType.Int16 => DecodeInt16(registers, byteOrder),
        ModbusDataType.UInt16 => DecodeUInt16(registers, byteOrder),
        ModbusDataType.Int32 => DecodeInt32(registers, byteOrder, wordOrder),
        ModbusDataType.UInt32 => DecodeUInt32(registers, byteOrder, wordOrder),
        ModbusDataType.Int64 => DecodeInt64(registers, byteOrder, wordOrder),
        ModbusDataType.UInt64 => DecodeUInt64(registers, byteOrder, wordOrder),
        ModbusDataType.Float32 => DecodeFloat32(registers, byteOrder, wordOrder),
        ModbusDataType.Float64 => DecodeFloat64(registers, byteOrder, wordOrder),
        ModbusDataType.String => DecodeString(stringLength > 0 ? Slice(registers, RegisterCount(type, stringLength)) : registers, byteOrder, stringLength),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Modbus data type."),
    };

    /// <summary>Writes 1 or 0 into the first register.</summary>
    public static void EncodeBool(bool value, Span<ushort> destination) =>
        WriteRaw(value ? 1UL : 0UL, 1, destination, ModbusByteOrder.BigEndian, ModbusWordOrder.BigEndian);

    /// <summary>Writes a signed 16-bit value into the first register.</summary>
    public static void EncodeInt16(short value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian) =>
        WriteRaw(unchecked((ushort)value), 1, destination, byteOrder, ModbusWordOrder.BigEndian);

    /// <summary>Writes an unsigned 16-bit value into the first register.</summary>
    public static void EncodeUInt16(ushort value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian) =>
        WriteRaw(value, 1, destination, byteOrder, ModbusWordOrder.BigEndian);

    /// <summary>Writes a signed 32-bit value into the first two registers.</summary>
    public static void EncodeInt32(int value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(unchecked((uint)value), 2, destination, byteOrder, wordOrder);

    /// <summary>Writes an unsigned 32-bit value into the first two registers.</summary>
    public static void EncodeUInt32(uint value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(value, 2, destination, byteOrder, wordOrder);

    /// <summary>Writes a signed 64-bit value into the first four registers.</summary>
    public static void EncodeInt64(long value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(unchecked((ulong)value), 4, destination, byteOrder, wordOrder);

    /// <summary>Writes an unsigned 64-bit value into the first four registers.</summary>
    public static void EncodeUInt64(ulong value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(value, 4, destination, byteOrder, wordOrder);

    /// <summary>Writes an IEEE 754 single into the first two registers.</summary>
    public static void EncodeFloat32(float value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(BitConverter.SingleToUInt32Bits(value), 2, destination, byteOrder, wordOrder);

    /// <summary>Writes an IEEE 754 double into the first four registers.</summary>
    public static void EncodeFloat64(double value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian) =>
        WriteRaw(BitConverter.DoubleToUInt64Bits(value), 4, destination, byteOrder, wordOrder);

    /// <summary>
    /// Writes ASCII text into all of <paramref name="destination"/>, padded with NULs. Characters above 0x7F become '?';
    /// text longer than two characters per register throws.
    /// </summary>
    public static void EncodeString(string value, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > destination.Length * 2)
        {
            throw new ArgumentException($"\"{value}\" needs {(value.Length + 1) / 2} registers; only {destination.Length} given.", nameof(value));
        }

        for (int i = 0; i < destination.Length; i++)
        {
            byte high = CharAt(value, 2 * i);
            byte low = CharAt(value, (2 * i) + 1);
            ushort register = (ushort)((high << 8) | low);
            destination[i] = byteOrder == ModbusByteOrder.BigEndian ? register : BinaryPrimitives.ReverseEndianness(register);
        }
    }

    /// <summary>
    /// Writes a number as <paramref name="type"/> (integers rounded to nearest; <see cref="ModbusDataType.Bool"/> as non-zero).
    /// Throws <see cref="ArgumentOutOfRangeException"/> when the value does not fit the type.
    /// </summary>
    public static void EncodeNumber(
        double value, ModbusDataType type, Span<ushort> destination, ModbusByteOrder byteOrder = ModbusByteOrder.BigEndian, ModbusWordOrder wordOrder = ModbusWordOrder.BigEndian)
    {
        double rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        switch (type)
        {
            case ModbusDataType.Bool: EncodeBool(value != 0, destination); break;
            case ModbusDataType.Int16: EncodeInt16((short)Fit(rounded, short.MinValue, short.MaxValue, type), destination, byteOrder); break;
            case ModbusDataType.UInt16: EncodeUInt16((ushort)Fit(rounded, ushort.MinValue, ushort.MaxValue, type), destination, byteOrder); break;
            case ModbusDataType.Int32: EncodeInt32((int)Fit(rounded, int.MinValue, int.MaxValue, type), destination, byteOrder, wordOrder); break;
            case ModbusDataType.UInt32: EncodeUInt32((uint)Fit(rounded, uint.MinValue, uint.MaxValue, type), destination, byteOrder, wordOrder); break;
            case ModbusDataType.Int64: EncodeInt64((long)Fit(rounded, long.MinValue, 9223372036854774784d, type), destination, byteOrder, wordOrder); break;
            case ModbusDataType.UInt64: EncodeUInt64((ulong)Fit(rounded, 0, 18446744073709549568d, type), destination, byteOrder, wordOrder); break;
            case ModbusDataType.Float32: EncodeFloat32((float)value, destination, byteOrder, wordOrder); break;
            case ModbusDataType.Float64: EncodeFloat64(value, destination, byteOrder, wordOrder); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not a numeric Modbus data type.");
        }
    }

    private static double Fit(double value, double min, double max, ModbusDataType type)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Does not fit {type}.");
        }

        return value;
    }

    private static ReadOnlySpan<ushort> Slice(ReadOnlySpan<ushort> registers, int count)
    {
        if (registers.Length < count)
        {
            throw new ArgumentException($"{count} registers needed; {registers.Length} given.", nameof(registers));
        }

        return registers[..count];
    }

    private static ulong Raw(ReadOnlySpan<ushort> registers, int count, ModbusByteOrder byteOrder, ModbusWordOrder wordOrder)
    {
        var source = Slice(registers, count);
        ulong raw = 0;
        for (int i = 0; i < count; i++)
        {
            ushort register = wordOrder == ModbusWordOrder.BigEndian ? source[i] : source[count - 1 - i];
            if (byteOrder == ModbusByteOrder.LittleEndian)
            {
                register = BinaryPrimitives.ReverseEndianness(register);
            }

            raw = (raw << 16) | register;
        }

        return raw;
    }

    private static void WriteRaw(ulong raw, int count, Span<ushort> destination, ModbusByteOrder byteOrder, ModbusWordOrder wordOrder)
    {
        if (destination.Length < count)
        {
            throw new ArgumentException($"{count} registers needed; {destination.Length} given.", nameof(destination));
        }

        // Least significant register first, placed from the end for big-endian word order.
        for (int i = count - 1; i >= 0; i--)
        {
            ushort register = (ushort)raw;
            raw >>= 16;
            if (byteOrder == ModbusByteOrder.LittleEndian)
            {
                register = BinaryPrimitives.ReverseEndianness(register);
            }

            destination[wordOrder == ModbusWordOrder.BigEndian ? i : count - 1 - i] = register;
        }
    }

    private static char ToAscii(byte value) => value < 0x80 ? (char)value : '?';

    private static byte CharAt(string value, int index) =>
        index >= value.Length ? (byte)0 : value[index] < 0x80 ? (byte)value[index] : (byte)'?';
}
