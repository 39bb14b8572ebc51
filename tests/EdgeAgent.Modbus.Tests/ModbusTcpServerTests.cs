using System.Buffers.Binary;
using System.Net.Sockets;

namespace EdgeAgent.Modbus.Tests;

public class ModbusTcpServerTests
{
    [Fact]
    public async Task PortZeroPicksAFreePortOnLoopback()
    {
        await using var server = new ModbusTcpServer(new ModbusDataStore());
        server.Start();

        Assert.NotEqual(0, server.Port);
        Assert.Equal("127.0.0.1", server.EndPoint.Address.ToString());
    }

    [Fact]
    public async Task CountsRequestsPerFunctionCode()
    {
        var store = Store();
        await using var server = ModbusTcpClientTests.StartServer(store);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

        await client.ReadCoilsAsync(0, 1);
        await client.ReadDiscreteInputsAsync(0, 1);
        await client.ReadDiscreteInputsAsync(0, 1);
        await client.ReadHoldingRegistersAsync(0, 1);
        await client.ReadInputRegistersAsync(0, 1);
        await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadInputRegistersAsync(500, 1));

        Assert.Equal(new Dictionary<byte, long> { [1] = 1, [2] = 2, [3] = 1, [4] = 2 }, server.FunctionCodeCounts);
        Assert.Equal(6, server.RequestCount);
    }

    [Theory]
    [InlineData(ModbusTable.HoldingRegister, 90, 20)]
    [InlineData(ModbusTable.HoldingRegister, 100, 1)]
    [InlineData(ModbusTable.InputRegister, 65535, 1)]
    [InlineData(ModbusTable.Coil, 95, 10)]
    [InlineData(ModbusTable.DiscreteInput, 200, 1)]
    public async Task ReadsTouchingAnAddressOutsideTheRangesAnswerIllegalDataAddress(ModbusTable table, int start, int count)
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

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
    }

    [Fact]
    public async Task UnitWithoutDataAnswersGatewayTargetFailedToRespond()
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, unitId: 42);

        var ex = await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
        Assert.Equal(ModbusExceptionCode.GatewayTargetFailedToRespond, ex.ExceptionCode);
        Assert.Equal(42, ex.UnitId);
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x11)]
    [InlineData(0x2B)]
    [InlineData(0x41)]
    [InlineData(0x83)]
    public async Task OtherFunctionCodesAnswerIllegalFunction(byte functionCode)
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        using var socket = await ConnectAsync(server.Port);

        await socket.SendAsync(new byte[] { 0x00, 0x05, 0, 0, 0, 2, 1, functionCode });
        var reply = await ReceiveAsync(socket, 9);

        Assert.Equal(new byte[] { 0x00, 0x05, 0, 0, 0, 3, 1, (byte)(functionCode | 0x80), 0x01 }, reply);
        Assert.Equal(1, server.FunctionCodeCounts[functionCode]);
    }

    [Theory]
    [InlineData(ModbusFunctionCodes.ReadHoldingRegisters, 0)]
    [InlineData(ModbusFunctionCodes.ReadHoldingRegisters, 126)]
    [InlineData(ModbusFunctionCodes.ReadInputRegisters, 1000)]
    [InlineData(ModbusFunctionCodes.ReadCoils, 2001)]
    [InlineData(ModbusFunctionCodes.ReadDiscreteInputs, 0)]
    public async Task QuantitiesOutsideTheLimitsAnswerIllegalDataValue(byte functionCode, int count)
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        using var socket = await ConnectAsync(server.Port);
        var request = new byte[12];
        ModbusTcpFraming.WriteReadRequest(request, 77, 1, functionCode, 0, (ushort)count);

        await socket.SendAsync(request);
        var reply = await ReceiveAsync(socket, 9);

        Assert.Equal(new byte[] { 0, 77, 0, 0, 0, 3, 1, (byte)(functionCode | 0x80), 0x03 }, reply);
    }

    [Fact]
    public async Task RangePastTheLastAddressAnswersIllegalDataAddress()
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        using var socket = await ConnectAsync(server.Port);
        var request = new byte[12];
        ModbusTcpFraming.WriteReadRequest(request, 1, 1, ModbusFunctionCodes.ReadHoldingRegisters, 65530, 10);

        await socket.SendAsync(request);

        Assert.Equal(0x02, (await ReceiveAsync(socket, 9))[8]);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 1, 0, 6, 1, 3, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0x01, 0x2C, 1, 3, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 4, 1, 3, 0, 0 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 8, 1, 3, 0, 0, 0, 1, 0, 0 })]
    public async Task MalformedFramesCloseOnlyThatConnection(byte[] frame)
    {
        await using var server = ModbusTcpClientTests.StartServer(Store());
        using var bad = await ConnectAsync(server.Port);
        await using var good = new ModbusTcpClient("127.0.0.1", server.Port);
        await good.ConnectAsync();

        await bad.SendAsync(frame);

        Assert.True(await IsClosedByPeerAsync(bad));
        Assert.Equal(new ushort[] { 0, 0 }, await good.ReadHoldingRegistersAsync(0, 2));
    }

    [Fact]
    public async Task PipelinedRequestsAreAnsweredInOrder()
    {
        var store = Store();
        store.SetRegisters(1, ModbusTable.HoldingRegister, 0, [10, 11, 12]);
        await using var server = ModbusTcpClientTests.StartServer(store);
        using var socket = await ConnectAsync(server.Port);
        var requests = new byte[36];
        for (int i = 0; i < 3; i++)
        {
            ModbusTcpFraming.WriteReadRequest(requests.AsSpan(i * 12), (ushort)(100 + i), 1, ModbusFunctionCodes.ReadHoldingRegisters, (ushort)i, 1);
        }

        await socket.SendAsync(requests);
        var replies = await ReceiveAsync(socket, 33);

        for (int i = 0; i < 3; i++)
        {
            var reply = replies.AsSpan(i * 11, 11);
            Assert.Equal(100 + i, BinaryPrimitives.ReadUInt16BigEndian(reply));
            Assert.Equal(10 + i, BinaryPrimitives.ReadUInt16BigEndian(reply[9..]));
        }
    }

    [Fact]
    public async Task ServesManyConnectionsAtOnce()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.InputRegister, 0, 2000);
        store.SetRegisters(1, ModbusTable.InputRegister, 0, Enumerable.Range(0, 2000).Select(i => (ushort)(i * 7)).ToArray());
        await using var server = ModbusTcpClientTests.StartServer(store);

        var clients = Enumerable.Range(0, 16).Select(async c =>
        {
            await using var client = new ModbusTcpClient("127.0.0.1", server.Port);
            for (int i = 0; i < 25; i++)
            {
                ushort start = (ushort)((c * 100) + i);
                var values = await client.ReadInputRegistersAsync(start, 100);
                Assert.Equal(Enumerable.Range(start, 100).Select(v => (ushort)(v * 7)), values);
            }
        });
        await Task.WhenAll(clients);

        Assert.Equal(16 * 25, server.FunctionCodeCounts[ModbusFunctionCodes.ReadInputRegisters]);
    }

    [Fact]
    public async Task ResponseDelaySlowsEveryAnswer()
    {
        var server = new ModbusTcpServer(Store(), new ModbusTcpServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(400) });
        await using var _ = server;
        server.Start();
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions { Port = server.Port, RequestTimeout = TimeSpan.FromMilliseconds(150) });

        await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await client.ReadCoilsAsync(0, 1));
    }

    [Fact]
    public async Task StoppingClosesOpenConnections()
    {
        var server = ModbusTcpClientTests.StartServer(Store());
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);
        await client.ReadCoilsAsync(0, 1);
        Assert.Equal(1, server.ConnectionCount);

        await server.StopAsync();

        await Assert.ThrowsAnyAsync<IOException>(async () => await client.ReadCoilsAsync(0, 1));
        Assert.Equal(0, server.ConnectionCount);
        await server.DisposeAsync();
    }

    private static ModbusDataStore Store()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.Coil, 0, 100);
        store.AddRange(1, ModbusTable.DiscreteInput, 0, 100);
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 100);
        store.AddRange(1, ModbusTable.InputRegister, 0, 100);
        return store;
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port);
        return socket;
    }

    /// <summary>True when the peer closed: an orderly FIN, or a reset because unread bytes were pending on its side.</summary>
    private static async Task<bool> IsClosedByPeerAsync(Socket socket)
    {
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, int length)
    {
        var buffer = new byte[length];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int read = 0;
        while (read < length)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
            Assert.NotEqual(0, received);
            read += received;
        }

        return buffer;
    }
}
