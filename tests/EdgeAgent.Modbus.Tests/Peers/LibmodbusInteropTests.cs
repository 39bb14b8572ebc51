namespace EdgeAgent.Modbus.Tests.Peers;

/// <summary>Our client against a libmodbus server (mapping in tests/peers/modbus/libmodbus_host.c: addresses 100.. only).</summary>
[Collection(LibmodbusCollection.Name)]
public class LibmodbusInteropTests(LibmodbusHostFixture host)
{
    [Fact]
    public async Task ReadsTheMappedValuesOfAllFourTables()
    {
        await using var client = NewClient();

        Assert.Equal(Enumerable.Range(0, 16).Select(i => i % 2 == 0), await client.ReadCoilsAsync(100, 16));
        Assert.Equal(Enumerable.Range(0, 16).Select(i => i % 4 == 0), await client.ReadDiscreteInputsAsync(100, 16));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (ushort)(3000 + i)), await client.ReadHoldingRegistersAsync(100, 50));
        Assert.Equal(Enumerable.Range(10, 5).Select(i => (ushort)(4000 + i)), await client.ReadInputRegistersAsync(110, 5));
    }

    [Theory]
    [InlineData(ModbusTable.HoldingRegister, 99, 2)]
    [InlineData(ModbusTable.HoldingRegister, 140, 20)]
    [InlineData(ModbusTable.InputRegister, 0, 1)]
    [InlineData(ModbusTable.Coil, 110, 10)]
    [InlineData(ModbusTable.DiscreteInput, 116, 1)]
    public async Task RangesLeavingTheMappedWindowAreIllegalDataAddress(ModbusTable table, int start, int count)
    {
        await using var client = NewClient();

        var ex = await Assert.ThrowsAsync<ModbusException>(async () =>
        {
            if (ModbusFunctionCodes.IsBitTable(table))
            {
                await client.ReadBitsAsync(table, (ushort)start, new bool[count]);
            }
            else
            {
                await client.ReadRegistersAsync(table, (ushort)start, new ushort[count]);
            }
        });

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Equal(new ushort[] { 3000 }, await client.ReadHoldingRegistersAsync(100, 1));
    }

    [Fact]
    public async Task EveryClientMethodSendsOnlyReadFunctionCodes()
    {
        int before = host.ReceivedFunctionCodes().Count;
        await using (var client = NewClient())
        {
            // Every public read entry point, the failure paths included.
            await client.ConnectAsync();
            await client.ReadCoilsAsync(100, 3);
            await client.ReadDiscreteInputsAsync(100, 3);
            await client.ReadHoldingRegistersAsync(100, 3);
            await client.ReadInputRegistersAsync(100, 3);
            await client.ReadCoilsAsync(100, new bool[2]);
            await client.ReadDiscreteInputsAsync(100, new bool[2]);
            await client.ReadHoldingRegistersAsync(100, new ushort[2]);
            await client.ReadInputRegistersAsync(100, new ushort[2]);
            await client.ReadBitsAsync(ModbusTable.Coil, 101, new bool[1]);
            await client.ReadBitsAsync(ModbusTable.DiscreteInput, 101, new bool[1]);
            await client.ReadRegistersAsync(ModbusTable.HoldingRegister, 101, new ushort[1]);
            await client.ReadRegistersAsync(ModbusTable.InputRegister, 101, new ushort[1]);
            await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
            await client.DisconnectAsync();
            await client.ReadInputRegistersAsync(100, 1);
        }

        IModbusClient viaInterface = NewClient();
        await using (viaInterface)
        {
            await viaInterface.ReadCoilsAsync(100, 1);
            await viaInterface.ReadDiscreteInputsAsync(100, 1);
            await viaInterface.ReadHoldingRegistersAsync(100, 1);
            await viaInterface.ReadInputRegistersAsync(100, 1);
        }

        var sent = await WaitForLogAsync(before + 18);
        Assert.Equal(18, sent.Count);
        Assert.All(sent, code => Assert.InRange(code, (byte)1, (byte)4));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, sent.Distinct().Order());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 3, 4, 1, 2, 3, 4 }, sent);
    }

    private async Task<List<byte>> WaitForLogAsync(int expected)
    {
        // The host flushes before it replies, so this is immediate; the loop only guards against slow file systems.
        for (int i = 0; i < 50 && host.ReceivedFunctionCodes().Count < expected; i++)
        {
            await Task.Delay(20);
        }

        return host.ReceivedFunctionCodes().Skip(expected - 18).ToList();
    }

    private ModbusTcpClient NewClient() =>
        new(new ModbusTcpClientOptions { Port = host.Port, RequestTimeout = TimeSpan.FromSeconds(3) });
}
