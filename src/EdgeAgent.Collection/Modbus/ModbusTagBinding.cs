using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Modbus;
using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Collection.Modbus;

/// <summary>A configured tag translated into Modbus terms: where to read it and how to decode it.</summary>
public sealed class ModbusTagBinding
{
    public ModbusTagBinding(TagKey key, TagConfig tag, int index)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Key = key;
        Tag = tag;
        Table = ModbusTagMapping.Table(tag.Table);
        Type = ModbusTagMapping.DataType(tag.Type);
        ByteOrder = ModbusTagMapping.ByteOrder(tag.ByteOrder);
        WordOrder = ModbusTagMapping.WordOrder(tag.WordOrder);
        // TagConfig.Length counts registers; the codec counts characters (two per register).
        var count = IsBit ? 1 : ModbusValueCodec.RegisterCount(Type, tag.Length * 2);
        Item = new ModbusReadItem(Table, tag.Address, count, index);
    }

    public TagKey Key { get; }
    public TagConfig Tag { get; }
    public ModbusTable Table { get; }
    public ModbusDataType Type { get; }
    public ModbusByteOrder ByteOrder { get; }
    public ModbusWordOrder WordOrder { get; }
    public ModbusReadItem Item { get; }

    public bool IsBit => Table is ModbusTable.Coil or ModbusTable.DiscreteInput;

    /// <summary>Decodes this tag's registers into a good sample (scale and offset applied to numbers).</summary>
    public Sample Decode(ReadOnlySpan<ushort> registers, DateTime timestampUtc)
    {
        if (Type == ModbusDataType.String)
        {
            return new Sample(Key, timestampUtc, double.NaN, ModbusValueCodec.DecodeString(registers, ByteOrder), SampleQuality.Good);
        }

        var raw = ModbusValueCodec.DecodeNumber(registers, Type, ByteOrder, WordOrder);
        return new Sample(Key, timestampUtc, (raw * Tag.Scale) + Tag.Offset, null, SampleQuality.Good);
    }

    /// <summary>A coil or discrete input as a good sample (1 or 0).</summary>
    public Sample Decode(bool bit, DateTime timestampUtc) => new(Key, timestampUtc, bit ? 1 : 0, null, SampleQuality.Good);

    /// <summary>A reading the device refused or could not deliver: stored as quality, not as a value.</summary>
    public Sample Bad(DateTime timestampUtc, SampleQuality quality, string status) => new(Key, timestampUtc, double.NaN, null, quality, status);
}
