using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Simulator.Tests;

public class TagRegistersTests
{
    public static TheoryData<Endianness, Endianness> Orders => new()
    {
        { Endianness.Big, Endianness.Big },
        { Endianness.Big, Endianness.Little },
        { Endianness.Little, Endianness.Big },
        { Endianness.Little, Endianness.Little },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void RegistersDecodeBackToTheModelsValuesInEveryByteAndWordOrder(Endianness byteOrder, Endianness wordOrder)
    {
        var config = SamplePlant.Load();
        config.Equipment.Add(EveryType());
        foreach (var (_, tag) in SamplePlant.Tags(config))
        {
            tag.ByteOrder = byteOrder;
            tag.WordOrder = wordOrder;
        }

        var model = SamplePlant.Model(config: config);
        var devices = config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp).Select(s => new SimulatedModbusDevice(s, config.Equipment.Where(e => e.Source == s.Id).ToList(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)).ToList();
        var mb = (ModbusByteOrder)(int)byteOrder;
        var mw = (ModbusWordOrder)(int)wordOrder;
        var checkedTags = 0;
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(1); t = t.AddMinutes(17))
        {
            model.Advance(t);
            foreach (var device in devices)
            {
                device.Publish(model);
                var source = config.Sources.Single(s => s.Id == device.SourceId);
                foreach (var equipment in config.Equipment.Where(e => e.Source == source.Id))
                {
                    foreach (var tag in equipment.Tags)
                    {
                        var expected = model.Read(equipment, tag);
                        Assert.Equal(expected, ReadFromStore(device.Store, (byte)source.UnitId, tag, mb, mw));
                        checkedTags++;
                    }
                }
            }
        }

        Assert.True(checkedTags > 1000);
    }

    [Fact]
    public void QuantizeWrapsCountersAndSaturatesOtherValues()
    {
        var counter = new TagConfig { Type = TagType.UInt16, Scale = 0.5 };
        Assert.Equal(0.5, TagRegisters.Quantize(counter, 32_768.9, counter: true));
        Assert.Equal(32_767.5, TagRegisters.Quantize(counter, 32_768.9, counter: false));
        var signed = new TagConfig { Type = TagType.Int16 };
        Assert.Equal(-32_768, TagRegisters.Quantize(signed, 32_768, counter: true));
        Assert.Equal(32_767, TagRegisters.Quantize(signed, 40_000, counter: false));
        Assert.Equal(-32_768, TagRegisters.Quantize(signed, -40_000, counter: false));
        var offset = new TagConfig { Type = TagType.Int32, Scale = 0.1, Offset = -40 };
        Assert.Equal(21.3, TagRegisters.Quantize(offset, 21.34, counter: false), 1e-9);
        var single = new TagConfig { Type = TagType.Float32 };
        Assert.Equal((double)(float)0.1, TagRegisters.Quantize(single, 0.1, counter: false));
    }

    [Fact]
    public void AddressesNoTagOccupiesAnswerIllegalDataAddress()
    {
        var config = SamplePlant.Load();
        var source = config.Sources.Single(s => s.Id == "mb-cnc1");
        var device = new SimulatedModbusDevice(source, config.Equipment.Where(e => e.Source == source.Id).ToList(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var buffer = new ushort[8];
        // Holding 0..6 (state, two counters, speed) and 20..27 (program) are served; 7..19 are not.
        Assert.True(device.Store.TryReadRegisters(1, ModbusTable.HoldingRegister, 0, buffer.AsSpan(0, 7), out _));
        Assert.True(device.Store.TryReadRegisters(1, ModbusTable.HoldingRegister, 20, buffer, out _));
        Assert.False(device.Store.TryReadRegisters(1, ModbusTable.HoldingRegister, 0, buffer, out var error));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error);
        Assert.False(device.Store.TryReadRegisters(1, ModbusTable.InputRegister, 2, buffer.AsSpan(0, 1), out error));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error);
        Assert.False(device.Store.TryReadBits(1, ModbusTable.Coil, 1, new bool[1], out error));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error);
        Assert.False(device.Store.TryReadBits(1, ModbusTable.DiscreteInput, 0, new bool[1], out error));
    }

    /// <summary>Decodes a tag straight from the store with <see cref="ModbusValueCodec"/>, as a collector would.</summary>
    private static TagReading ReadFromStore(ModbusDataStore store, byte unit, TagConfig tag, ModbusByteOrder byteOrder, ModbusWordOrder wordOrder)
    {
        if (tag.Table is TagTable.Coil or TagTable.Discrete)
        {
            var bits = new bool[1];
            Assert.True(store.TryReadBits(unit, tag.Table == TagTable.Coil ? ModbusTable.Coil : ModbusTable.DiscreteInput, (ushort)tag.Address, bits, out _));
            return new TagReading(bits[0] ? 1 : 0);
        }

        var registers = new ushort[ConfigValidator.RegisterCount(tag)];
        Assert.True(store.TryReadRegisters(unit, tag.Table == TagTable.Holding ? ModbusTable.HoldingRegister : ModbusTable.InputRegister, (ushort)tag.Address, registers, out _));
        if (tag.Type == TagType.String)
        {
            return new TagReading(0, ModbusValueCodec.DecodeString(registers, byteOrder));
        }

        var type = tag.Type switch
        {
            TagType.Bool => ModbusDataType.Bool,
            TagType.Int16 => ModbusDataType.Int16,
            TagType.UInt16 => ModbusDataType.UInt16,
            TagType.Int32 => ModbusDataType.Int32,
            TagType.UInt32 => ModbusDataType.UInt32,
            TagType.Int64 => ModbusDataType.Int64,
            TagType.UInt64 => ModbusDataType.UInt64,
            TagType.Float32 => ModbusDataType.Float32,
            _ => ModbusDataType.Float64,
        };
        var raw = ModbusValueCodec.DecodeNumber(registers, type, byteOrder, wordOrder);
        return new TagReading(tag.Type == TagType.Bool ? raw : (raw * tag.Scale) + tag.Offset);
    }

    /// <summary>A machine on the laser's connection (unit 1 too, addresses above the laser's) with a tag of every type.</summary>
    private static EquipmentConfig EveryType() => new()
    {
        Id = "test-rig",
        Type = EquipmentType.Plc,
        HasCommunicationInterface = true,
        Source = "mb-laser",
        Tags =
        [
            new() { Name = "state", Role = TagRole.RunState, Table = TagTable.Holding, Address = 100, Type = TagType.Int16, States = new() { ["-1"] = "down", ["0"] = "off", ["5"] = "idle", ["9"] = "run" } },
            new() { Name = "good", Role = TagRole.PartCounterGood, Table = TagTable.Holding, Address = 101, Type = TagType.UInt16 },
            new() { Name = "bad", Role = TagRole.PartCounterBad, Table = TagTable.Holding, Address = 102, Type = TagType.Int32 },
            new() { Name = "total", Role = TagRole.PartCounterTotal, Table = TagTable.Holding, Address = 104, Type = TagType.UInt64 },
            new() { Name = "kwh", Role = TagRole.EnergyKwh, Table = TagTable.Input, Address = 100, Type = TagType.Int64, Scale = 0.001 },
            new() { Name = "gas", Role = TagRole.GasM3, Table = TagTable.Input, Address = 104, Type = TagType.Float32 },
            new() { Name = "water", Role = TagRole.WaterM3, Table = TagTable.Input, Address = 106, Type = TagType.Float64 },
            new() { Name = "temperature", Table = TagTable.Input, Address = 110, Type = TagType.Int16, Scale = 0.1, Offset = -20, Unit = "°C" },
            new() { Name = "feedOverride", Table = TagTable.Input, Address = 111, Type = TagType.UInt32, Scale = 0.01, Unit = "%" },
            new() { Name = "pressure", Table = TagTable.Input, Address = 113, Type = TagType.Float64, Unit = "MPa" },
            new() { Name = "running", Table = TagTable.Holding, Address = 110, Type = TagType.Bool },
            new() { Name = "program", Table = TagTable.Holding, Address = 111, Type = TagType.String, Length = 3 },
            new() { Name = "fault", Table = TagTable.Discrete, Address = 5, Type = TagType.Bool },
        ],
    };
}
