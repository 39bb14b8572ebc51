// Shared source: compiled into EdgeAgent.Collection and, linked by EdgeAgent.Simulator.csproj, into EdgeAgent.Simulator,
// so the collector and the simulated device read a tag's configuration the same way. Neither project may reference
// the other, and neither Core nor Modbus may know the other's types; see DEVELOPERS.md.
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Collection.Modbus;

/// <summary>The configuration's tag layout (table, type, byte and word order) in the Modbus library's terms.</summary>
internal static class ModbusTagMapping
{
    public static ModbusTable Table(TagTable table) => table switch
    {
        TagTable.Coil => ModbusTable.Coil,
        TagTable.Discrete => ModbusTable.DiscreteInput,
        TagTable.Holding => ModbusTable.HoldingRegister,
        _ => ModbusTable.InputRegister,
    };

    public static ModbusDataType DataType(TagType type) => type switch
    {
        TagType.Bool => ModbusDataType.Bool,
        TagType.Int16 => ModbusDataType.Int16,
        TagType.UInt16 => ModbusDataType.UInt16,
        TagType.Int32 => ModbusDataType.Int32,
        TagType.UInt32 => ModbusDataType.UInt32,
        TagType.Int64 => ModbusDataType.Int64,
        TagType.UInt64 => ModbusDataType.UInt64,
        TagType.Float32 => ModbusDataType.Float32,
        TagType.Float64 => ModbusDataType.Float64,
        _ => ModbusDataType.String,
    };

    public static ModbusByteOrder ByteOrder(Endianness order) =>
        order == Endianness.Big ? ModbusByteOrder.BigEndian : ModbusByteOrder.LittleEndian;

    public static ModbusWordOrder WordOrder(Endianness order) =>
        order == Endianness.Big ? ModbusWordOrder.BigEndian : ModbusWordOrder.LittleEndian;
}
