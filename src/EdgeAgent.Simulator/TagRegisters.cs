using EdgeAgent.Collection.Modbus;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Simulator;

/// <summary>
/// A configured tag's place and layout on a Modbus device, and its value in raw registers and back: the inverse of
/// the tag's scale/offset, integer rounding, wrap-around of counters at the type's range, byte and word order
/// (through <see cref="ModbusValueCodec"/>).
/// </summary>
public static class TagRegisters
{
    public static ModbusTable Table(TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ModbusTagMapping.Table(tag.Table);
    }

    /// <summary>Whether the tag lives in a bit table (coils, discrete inputs).</summary>
    public static bool IsBit(TagConfig tag) => Table(tag) is ModbusTable.Coil or ModbusTable.DiscreteInput;

    /// <summary>Registers (or bits) the tag occupies.</summary>
    public static int Count(TagConfig tag) => IsBit(tag) ? 1 : ConfigValidator.RegisterCount(tag);

    public static ModbusDataType DataType(TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ModbusTagMapping.DataType(tag.Type);
    }

    public static ModbusByteOrder ByteOrder(TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ModbusTagMapping.ByteOrder(tag.ByteOrder);
    }

    public static ModbusWordOrder WordOrder(TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return ModbusTagMapping.WordOrder(tag.WordOrder);
    }

    /// <summary>Characters a string tag holds (two per register).</summary>
    public static int StringLength(TagConfig tag) => Math.Max(1, tag.Length) * 2;

    /// <summary>
    /// What the device can show for <paramref name="value"/>: integer types hold whole raw steps (a counter counts a
    /// step only once it is complete and wraps at the type's range; other values round and saturate), float32 holds
    /// single precision.
    /// </summary>
    public static double Quantize(TagConfig tag, double value, bool counter)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var raw = (value - tag.Offset) / tag.Scale;
        raw = tag.Type switch
        {
            TagType.Bool => raw != 0 ? 1 : 0,
            TagType.Float32 => (float)raw,
            TagType.Float64 or TagType.String => raw,
            _ => counter ? Wrap(Math.Floor(raw + 1e-9), tag.Type) : Saturate(Math.Round(raw, MidpointRounding.AwayFromZero), tag.Type),
        };
        return tag.Type == TagType.Bool ? raw : (raw * tag.Scale) + tag.Offset;
    }

    /// <summary>Writes a reading (as given by <see cref="PlantModel.Read(string, string)"/>) into the tag's registers.</summary>
    public static void Encode(TagConfig tag, TagReading reading, Span<ushort> registers)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Type == TagType.String)
        {
            var text = reading.Text ?? "";
            var length = StringLength(tag);
            ModbusValueCodec.EncodeString(text.Length > length ? text[..length] : text, registers[..ModbusValueCodec.RegisterCount(ModbusDataType.String, length)], ByteOrder(tag));
            return;
        }

        var raw = tag.Type == TagType.Bool ? reading.Number : (reading.Number - tag.Offset) / tag.Scale;
        ModbusValueCodec.EncodeNumber(raw, DataType(tag), registers, ByteOrder(tag), WordOrder(tag));
    }

    /// <summary>Reads a tag's engineering value back from its registers (what a collector does).</summary>
    public static TagReading Decode(TagConfig tag, ReadOnlySpan<ushort> registers)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Type == TagType.String)
        {
            return new TagReading(0, ModbusValueCodec.DecodeString(registers[..ModbusValueCodec.RegisterCount(ModbusDataType.String, StringLength(tag))], ByteOrder(tag)));
        }

        var raw = ModbusValueCodec.DecodeNumber(registers, DataType(tag), ByteOrder(tag), WordOrder(tag));
        return new TagReading(tag.Type == TagType.Bool ? raw : (raw * tag.Scale) + tag.Offset);
    }

    private static double Wrap(double raw, TagType type)
    {
        var (bits, signed) = Range(type);
        var modulus = Math.Pow(2, bits);
        var wrapped = raw - (modulus * Math.Floor(raw / modulus));
        return signed && wrapped >= modulus / 2 ? wrapped - modulus : wrapped;
    }

    private static double Saturate(double raw, TagType type)
    {
        var (bits, signed) = Range(type);
        var modulus = Math.Pow(2, bits);
        // The largest doubles below 2^63 and 2^64, so the codec's range check never sees a value one step too big.
        var max = bits == 64 ? Math.BitDecrement(signed ? modulus / 2 : modulus) : (signed ? modulus / 2 : modulus) - 1;
        var min = signed ? -modulus / 2 : 0;
        return Math.Clamp(raw, min, max);
    }

    private static (int Bits, bool Signed) Range(TagType type) => type switch
    {
        TagType.Int16 => (16, true),
        TagType.UInt16 => (16, false),
        TagType.Int32 => (32, true),
        TagType.UInt32 => (32, false),
        TagType.Int64 => (64, true),
        _ => (64, false),
    };
}
