namespace EdgeAgent.Modbus.Tests;

public class ModbusDataStoreTests
{
    [Fact]
    public void OnlyAddedRangesAreServed()
    {
        var store = new ModbusDataStore();
        store.AddRange(3, ModbusTable.HoldingRegister, 100, 10);
        store.AddRange(3, ModbusTable.HoldingRegister, 110, 5);

        Assert.True(store.TryReadRegisters(3, ModbusTable.HoldingRegister, 100, new ushort[15], out _));
        Assert.False(store.TryReadRegisters(3, ModbusTable.HoldingRegister, 99, new ushort[2], out var before));
        Assert.False(store.TryReadRegisters(3, ModbusTable.HoldingRegister, 110, new ushort[6], out var after));
        Assert.False(store.TryReadRegisters(3, ModbusTable.InputRegister, 100, new ushort[1], out var otherTable));
        Assert.False(store.TryReadRegisters(4, ModbusTable.HoldingRegister, 100, new ushort[1], out var otherUnit));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, before);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, after);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, otherTable);
        Assert.Equal(ModbusExceptionCode.GatewayTargetFailedToRespond, otherUnit);
        Assert.True(store.IsServed(3, ModbusTable.HoldingRegister, 114));
        Assert.False(store.IsServed(3, ModbusTable.HoldingRegister, 115));
    }

    [Fact]
    public void SettersStoreWhatReadsReturn()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.InputRegister, 0, 20);
        store.AddRange(1, ModbusTable.DiscreteInput, 0, 20);

        store.SetValue(1, ModbusTable.InputRegister, 0, 123.456, ModbusDataType.Float32, wordOrder: ModbusWordOrder.LittleEndian);
        store.SetValue(1, ModbusTable.InputRegister, 2, -5, ModbusDataType.Int16);
        store.SetString(1, ModbusTable.InputRegister, 3, "CNC-01", 8);
        store.SetRegister(1, ModbusTable.InputRegister, 19, 0xFFFF);
        store.SetBits(1, ModbusTable.DiscreteInput, 4, [true, true]);
        store.SetBit(1, ModbusTable.DiscreteInput, 5, false);

        var registers = new ushort[20];
        Assert.True(store.TryReadRegisters(1, ModbusTable.InputRegister, 0, registers, out _));
        Assert.Equal(new ushort[] { 0xE979, 0x42F6 }, registers[..2]);
        Assert.Equal((short)-5, ModbusValueCodec.DecodeInt16(registers.AsSpan(2)));
        Assert.Equal("CNC-01", ModbusValueCodec.DecodeString(registers.AsSpan(3, 4)));
        Assert.Equal(0xFFFF, store.GetRegister(1, ModbusTable.InputRegister, 19));
        Assert.True(store.GetBit(1, ModbusTable.DiscreteInput, 4));
        Assert.False(store.GetBit(1, ModbusTable.DiscreteInput, 5));
    }

    [Fact]
    public void SettingOutsideTheRangesOrTheWrongKindThrows()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 2);
        store.AddRange(1, ModbusTable.Coil, 0, 2);

        Assert.Throws<ArgumentException>(() => store.SetRegisters(1, ModbusTable.HoldingRegister, 1, [1, 2]));
        Assert.Throws<ArgumentException>(() => store.SetRegister(2, ModbusTable.HoldingRegister, 0, 1));
        Assert.Throws<ArgumentException>(() => store.SetRegister(1, ModbusTable.Coil, 0, 1));
        Assert.Throws<ArgumentException>(() => store.SetBit(1, ModbusTable.HoldingRegister, 0, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.AddRange(1, ModbusTable.Coil, 65535, 2));
    }

    [Fact]
    public void MultiRegisterValuesAreNeverSeenHalfWritten()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 4);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                // Both words always equal: a torn read would show two different words.
                ushort word = (ushort)i;
                store.SetRegisters(1, ModbusTable.HoldingRegister, 0, [word, word, word, word]);
            }
        });

        var read = new ushort[4];
        for (int i = 0; i < 200_000; i++)
        {
            Assert.True(store.TryReadRegisters(1, ModbusTable.HoldingRegister, 0, read, out _));
            Assert.True(read[0] == read[1] && read[1] == read[2] && read[2] == read[3], $"torn read {string.Join(',', read)}");
        }

        stop.Cancel();
        writer.Wait();
    }
}
