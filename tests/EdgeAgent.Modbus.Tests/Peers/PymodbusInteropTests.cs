using System.Net.Sockets;

namespace EdgeAgent.Modbus.Tests.Peers;

/// <summary>Our client against a real pymodbus server (data layout in tests/peers/modbus/pymodbus_server.py).</summary>
[Collection(PymodbusCollection.Name)]
public class PymodbusInteropTests(PymodbusServerFixture server)
{
    [Fact]
    public async Task ReadsCoils()
    {
        await using var client = NewClient(server.Port);
        Assert.Equal(Enumerable.Range(0, 16).Select(a => a % 3 == 0), await client.ReadCoilsAsync(0, 16));
        Assert.Equal(Enumerable.Range(5, 9).Select(a => a % 3 == 0), await client.ReadCoilsAsync(5, 9));
    }

    [Fact]
    public async Task ReadsDiscreteInputs()
    {
        await using var client = NewClient(server.Port);
        Assert.Equal(Enumerable.Range(0, 16).Select(a => a % 2 == 1), await client.ReadDiscreteInputsAsync(0, 16));
    }

    [Fact]
    public async Task ReadsHoldingRegistersFromBothWindows()
    {
        await using var client = NewClient(server.Port);
        Assert.Equal(Enumerable.Range(0, 100).Select(a => (ushort)(1000 + a)), await client.ReadHoldingRegistersAsync(0, 100));
        Assert.Equal(Enumerable.Range(0, 10).Select(a => (ushort)(2000 + a)), await client.ReadHoldingRegistersAsync(200, 10));
    }

    [Fact]
    public async Task ReadsInputRegistersIntoACallerBuffer()
    {
        await using var client = NewClient(server.Port);
        var buffer = new ushort[50];
        await client.ReadInputRegistersAsync(0, buffer);
        Assert.Equal(Enumerable.Range(0, 50).Select(a => (ushort)(0xA000 + a)), buffer);
        // Two registers read as a big-endian uint32: 0xA000_A001.
        Assert.Equal(0xA000A001u, ModbusValueCodec.DecodeUInt32(buffer));
    }

    [Theory]
    [InlineData(ModbusTable.HoldingRegister, 95, 10)]
    [InlineData(ModbusTable.HoldingRegister, 150, 1)]
    [InlineData(ModbusTable.InputRegister, 50, 1)]
    [InlineData(ModbusTable.Coil, 16, 1)]
    public async Task AddressesOutsideTheDataBlocksAreIllegalDataAddress(ModbusTable table, int start, int count)
    {
        await using var client = NewClient(server.Port);
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
        Assert.True(client.IsConnected);
        Assert.Equal(new ushort[] { 1000 }, await client.ReadHoldingRegistersAsync(0, 1));
    }

    [Fact]
    public async Task ServerKilledFailsClearlyAndTheClientReconnectsOnceItIsBack()
    {
        int port = FreeTcpPort.Find();
        var first = await PymodbusServerFixture.StartAsync(port);
        await using var client = NewClient(port);
        try
        {
            Assert.Equal(new ushort[] { 1000, 1001 }, await client.ReadHoldingRegistersAsync(0, 2));

            first.Kill();

            var lost = await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadHoldingRegistersAsync(0, 2));
            Assert.Contains($"127.0.0.1:{port}", lost.Message);
            Assert.False(client.IsConnected);
            var refused = await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ConnectAsync());
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketError);
        }
        finally
        {
            first.Dispose();
        }

        using var second = await PymodbusServerFixture.StartAsync(port);
        await client.ConnectAsync();
        Assert.Equal(new ushort[] { 1000, 1001 }, await client.ReadHoldingRegistersAsync(0, 2));
        Assert.Equal(new[] { true, false, false, true }, await client.ReadCoilsAsync(0, 4));
    }

    [Fact]
    public async Task ReadsOverRtuFramingFromPymodbusRtuFramer()
    {
        int port = FreeTcpPort.Find();
        using var rtuServer = await PymodbusServerFixture.StartAsync(port, "rtu");
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions
        {
            Port = port,
            FrameFormat = ModbusFrameFormat.RtuOverTcp,
            RequestTimeout = TimeSpan.FromSeconds(3),
        });

        Assert.Equal(Enumerable.Range(0, 10).Select(a => (ushort)(1000 + a)), await client.ReadHoldingRegistersAsync(0, 10));
        Assert.Equal(Enumerable.Range(40, 10).Select(a => (ushort)(0xA000 + a)), await client.ReadInputRegistersAsync(40, 10));
        Assert.Equal(Enumerable.Range(0, 16).Select(a => a % 3 == 0), await client.ReadCoilsAsync(0, 16));
        Assert.Equal(Enumerable.Range(0, 16).Select(a => a % 2 == 1), await client.ReadDiscreteInputsAsync(0, 16));
        var ex = await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(150, 1));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Equal(new ushort[] { 2009 }, await client.ReadHoldingRegistersAsync(209, 1));
    }

    private static ModbusTcpClient NewClient(int port) =>
        new(new ModbusTcpClientOptions { Port = port, RequestTimeout = TimeSpan.FromSeconds(3) });
}
