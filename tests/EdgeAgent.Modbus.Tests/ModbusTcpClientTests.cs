using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using EdgeAgent.Modbus.Tests.FaultInjection;

namespace EdgeAgent.Modbus.Tests;

public class ModbusTcpClientTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan GenerousTimeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string> DesyncFaults =>
    [
        "wrong transaction id",
        "wrong unit id",
        "wrong function code",
        "wrong byte count",
        "protocol id not 0",
        "length field above 254",
        "length field below 2",
        "short PDU",
        "exception response with an extra byte",
        "text instead of a frame",
        "truncated frame then close",
    ];

    [Fact]
    public async Task ReadsAllFourTablesFromAServer()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.Coil, 10, 20);
        store.AddRange(1, ModbusTable.DiscreteInput, 10, 20);
        store.AddRange(1, ModbusTable.HoldingRegister, 100, 10);
        store.AddRange(1, ModbusTable.InputRegister, 200, 10);
        store.SetBits(1, ModbusTable.Coil, 10, [true, false, true]);
        store.SetBits(1, ModbusTable.DiscreteInput, 12, [true, true]);
        store.SetRegisters(1, ModbusTable.HoldingRegister, 100, [1, 2, 65535]);
        store.SetRegisters(1, ModbusTable.InputRegister, 205, [0x8000, 7]);
        await using var server = StartServer(store);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

        Assert.Equal(new[] { true, false, true, false }, await client.ReadCoilsAsync(10, 4));
        Assert.Equal(new[] { false, false, true, true, false }, await client.ReadDiscreteInputsAsync(10, 5));
        Assert.Equal(new ushort[] { 1, 2, 65535, 0 }, await client.ReadHoldingRegistersAsync(100, 4));
        Assert.Equal(new ushort[] { 0x8000, 7 }, await client.ReadInputRegistersAsync(205, 2));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task MemoryOverloadsFillTheCallersBuffer()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 125);
        store.AddRange(1, ModbusTable.InputRegister, 0, 125);
        store.AddRange(1, ModbusTable.Coil, 0, 2000);
        store.AddRange(1, ModbusTable.DiscreteInput, 0, 2000);
        store.SetRegisters(1, ModbusTable.HoldingRegister, 0, Enumerable.Range(0, 125).Select(i => (ushort)(i * 3)).ToArray());
        store.SetRegisters(1, ModbusTable.InputRegister, 0, Enumerable.Range(0, 125).Select(i => (ushort)(i + 500)).ToArray());
        store.SetBits(1, ModbusTable.Coil, 0, Enumerable.Range(0, 2000).Select(i => i % 7 == 0).ToArray());
        store.SetBits(1, ModbusTable.DiscreteInput, 0, Enumerable.Range(0, 2000).Select(i => i % 5 == 0).ToArray());
        await using var server = StartServer(store);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

        var registers = new ushort[130];
        await client.ReadHoldingRegistersAsync(0, registers.AsMemory(5, 125));
        Assert.Equal(Enumerable.Range(0, 125).Select(i => (ushort)(i * 3)), registers.Skip(5));
        await client.ReadInputRegistersAsync(120, registers.AsMemory(0, 5));
        Assert.Equal(new ushort[] { 620, 621, 622, 623, 624 }, registers[..5]);
        var bits = new bool[2000];
        await client.ReadCoilsAsync(0, bits);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i % 7 == 0), bits);
        await client.ReadDiscreteInputsAsync(0, bits);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i % 5 == 0), bits);
        await client.ReadRegistersAsync(ModbusTable.HoldingRegister, 1, registers.AsMemory(0, 1));
        Assert.Equal(3, registers[0]);
    }

    [Theory]
    [MemberData(nameof(DesyncFaults))]
    public async Task DesyncClosesTheConnectionAndTheNextReadReconnects(string fault)
    {
        await using var peer = new FaultInjectingPeer((connection, request) =>
            connection == 0 ? Fault(fault, request) : ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 42, 43)));
        await using var client = NewClient(peer.Port);

        // The generous request timeout makes sure the desync is detected from the bytes, not by waiting.
        await Assert.ThrowsAsync<ModbusProtocolException>(async () => await client.ReadHoldingRegistersAsync(0, 2));
        Assert.False(client.IsConnected);

        Assert.Equal(new ushort[] { 42, 43 }, await client.ReadHoldingRegistersAsync(0, 2));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task ServerThatNeverAnswersTimesOutWithinTheBoundAndTheNextReadReconnects()
    {
        await using var peer = new FaultInjectingPeer((connection, request) =>
            connection == 0 ? ScriptedReply.Silence : ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 7)));
        await using var client = NewClient(peer.Port, requestTimeout: ShortTimeout);

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await client.ReadInputRegistersAsync(3, 1));
        watch.Stop();

        Assert.IsAssignableFrom<TimeoutException>(ex);
        Assert.InRange(watch.Elapsed, ShortTimeout * 0.9, ShortTimeout + TimeSpan.FromSeconds(2));
        Assert.Contains("ReadInputRegisters", ex.Message);
        Assert.False(client.IsConnected);
        Assert.Equal(new ushort[] { 7 }, await client.ReadInputRegistersAsync(3, 1));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task HalfAnAnswerThenSilenceTimesOut()
    {
        await using var peer = new FaultInjectingPeer((_, request) =>
            ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 1, 2)[..8]));
        await using var client = NewClient(peer.Port, requestTimeout: ShortTimeout);

        await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await client.ReadHoldingRegistersAsync(0, 2));
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData(ModbusExceptionCode.IllegalFunction)]
    [InlineData(ModbusExceptionCode.IllegalDataAddress)]
    [InlineData(ModbusExceptionCode.IllegalDataValue)]
    [InlineData(ModbusExceptionCode.ServerDeviceFailure)]
    [InlineData(ModbusExceptionCode.Acknowledge)]
    [InlineData(ModbusExceptionCode.ServerDeviceBusy)]
    [InlineData(ModbusExceptionCode.MemoryParityError)]
    [InlineData(ModbusExceptionCode.GatewayPathUnavailable)]
    [InlineData(ModbusExceptionCode.GatewayTargetFailedToRespond)]
    public async Task ExceptionResponseBecomesModbusExceptionAndKeepsTheConnection(ModbusExceptionCode code)
    {
        int requests = 0;
        await using var peer = new FaultInjectingPeer((_, request) => Interlocked.Increment(ref requests) == 1
            ? ScriptedReply.Send(FaultInjectingPeer.ExceptionReply(request, (byte)code))
            : ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 5)));
        await using var client = NewClient(peer.Port, unitId: 17);

        var ex = await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(1234, 1));

        Assert.Equal(code, ex.ExceptionCode);
        Assert.Equal(ModbusFunctionCodes.ReadHoldingRegisters, ex.FunctionCode);
        Assert.Equal(1234, ex.StartAddress);
        Assert.Equal(1, ex.Count);
        Assert.Equal(17, ex.UnitId);
        Assert.Contains(code.ToString(), ex.Message);
        Assert.Contains("ReadHoldingRegisters", ex.Message);
        Assert.Contains("address 1234", ex.Message);
        Assert.Contains("count 1", ex.Message);
        Assert.True(client.IsConnected);
        Assert.Equal(new ushort[] { 5 }, await client.ReadHoldingRegistersAsync(1234, 1));
        Assert.Equal(1, peer.Connections);
    }

    [Fact]
    public async Task ExceptionResponsesOfEveryReadFunctionAreRecognised()
    {
        await using var peer = new FaultInjectingPeer((_, request) =>
            ScriptedReply.Send(FaultInjectingPeer.ExceptionReply(request, (byte)ModbusExceptionCode.IllegalDataAddress)));
        await using var client = NewClient(peer.Port);

        Assert.Equal(1, (await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadCoilsAsync(0, 1))).FunctionCode);
        Assert.Equal(2, (await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadDiscreteInputsAsync(0, 1))).FunctionCode);
        Assert.Equal(3, (await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(0, 1))).FunctionCode);
        Assert.Equal(4, (await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadInputRegistersAsync(0, 1))).FunctionCode);
    }

    [Fact]
    public async Task TransactionIdsIncrementAndUnitIdIsSent()
    {
        var seen = new List<(ushort Transaction, byte Unit, ushort Protocol)>();
        await using var peer = new FaultInjectingPeer((_, request) =>
        {
            lock (seen)
            {
                seen.Add((BinaryPrimitives.ReadUInt16BigEndian(request), request[6], BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(2))));
            }

            return ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 1));
        });
        await using var client = NewClient(peer.Port, unitId: 9);

        for (int i = 0; i < 5; i++)
        {
            await client.ReadInputRegistersAsync(0, 1);
        }

        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5 }, seen.Select(s => s.Transaction));
        Assert.All(seen, s => Assert.Equal(9, s.Unit));
        Assert.All(seen, s => Assert.Equal(0, s.Protocol));
    }

    [Fact]
    public async Task ConnectionRefusedIsAClearConnectionExceptionAndConnectWorksOnceTheServerIsUp()
    {
        int port = FreeTcpPort.Find();
        await using var client = NewClient(port);

        var ex = await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ConnectAsync());
        Assert.Equal(SocketError.ConnectionRefused, ex.SocketError);
        Assert.IsType<SocketException>(ex.InnerException);
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadCoilsAsync(0, 1));

        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.Coil, 0, 1);
        store.SetBit(1, ModbusTable.Coil, 0, true);
        await using var server = StartServer(store, port);
        await client.ConnectAsync();
        Assert.True(client.IsConnected);
        Assert.Equal(new[] { true }, await client.ReadCoilsAsync(0, 1));
    }

    [Fact]
    public async Task ServerClosingBeforeAnsweringIsAConnectionExceptionAndTheNextReadReconnects()
    {
        await using var peer = new FaultInjectingPeer((connection, request) =>
            connection == 0 ? new ScriptedReply(null, CloseAfter: true) : ScriptedReply.Send(FaultInjectingPeer.RegistersReply(request, 9)));
        await using var client = NewClient(peer.Port);

        var ex = await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
        Assert.Contains("closed the connection", ex.Message);
        Assert.False(client.IsConnected);
        Assert.Equal(new ushort[] { 9 }, await client.ReadHoldingRegistersAsync(0, 1));
    }

    [Theory]
    [InlineData(ModbusTable.HoldingRegister, 0, 0)]
    [InlineData(ModbusTable.HoldingRegister, 0, 126)]
    [InlineData(ModbusTable.InputRegister, 65530, 7)]
    [InlineData(ModbusTable.Coil, 0, 2001)]
    [InlineData(ModbusTable.DiscreteInput, 65535, 2)]
    public async Task CountsOutsideTheProtocolLimitsAreRejectedBeforeSending(ModbusTable table, int start, int count)
    {
        await using var peer = new FaultInjectingPeer((_, request) => ScriptedReply.Silence);
        await using var client = NewClient(peer.Port);

        Task Read() => table switch
        {
            ModbusTable.Coil => client.ReadCoilsAsync((ushort)start, (ushort)count).AsTask(),
            ModbusTable.DiscreteInput => client.ReadDiscreteInputsAsync((ushort)start, (ushort)count).AsTask(),
            ModbusTable.HoldingRegister => client.ReadHoldingRegistersAsync((ushort)start, (ushort)count).AsTask(),
            _ => client.ReadInputRegistersAsync((ushort)start, (ushort)count).AsTask(),
        };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(Read);
        Assert.Equal(0, peer.Requests);
    }

    [Fact]
    public async Task TableAndBufferKindMustMatch()
    {
        await using var client = NewClient(FreeTcpPort.Find());
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.ReadRegistersAsync(ModbusTable.Coil, 0, new ushort[1]));
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.ReadBitsAsync(ModbusTable.InputRegister, 0, new bool[1]));
    }

    [Fact]
    public async Task ConcurrentCallersAreSerialisedOnOneConnection()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 1000);
        store.SetRegisters(1, ModbusTable.HoldingRegister, 0, Enumerable.Range(0, 1000).Select(i => (ushort)i).ToArray());
        await using var server = StartServer(store);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

        var reads = Enumerable.Range(0, 40).Select(async i =>
        {
            var values = await client.ReadHoldingRegistersAsync((ushort)(i * 20), 20);
            Assert.Equal(Enumerable.Range(i * 20, 20).Select(v => (ushort)v), values);
        });
        await Task.WhenAll(reads);

        Assert.Equal(40, server.FunctionCodeCounts[ModbusFunctionCodes.ReadHoldingRegisters]);
    }

    [Fact]
    public async Task CancellationByTheCallerIsNotATimeoutAndClosesTheConnection()
    {
        await using var peer = new FaultInjectingPeer((_, _) => ScriptedReply.Silence);
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions { Port = peer.Port, RequestTimeout = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await client.ReadCoilsAsync(0, 8, cts.Token));
        Assert.IsNotType<ModbusTimeoutException>(ex);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task DisposingAbortsAReadInFlight()
    {
        await using var peer = new FaultInjectingPeer((_, _) => ScriptedReply.Silence);
        var client = new ModbusTcpClient(new ModbusTcpClientOptions { Port = peer.Port, RequestTimeout = TimeSpan.FromSeconds(30) });
        await client.ConnectAsync();
        var read = client.ReadHoldingRegistersAsync(0, 1).AsTask();
        await Task.Delay(100);

        var watch = Stopwatch.StartNew();
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => read);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await client.ReadCoilsAsync(0, 1));
    }

    [Fact]
    public async Task DisconnectThenReadReconnects()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.InputRegister, 0, 1);
        await using var server = StartServer(store);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);

        await client.ConnectAsync();
        await client.ConnectAsync();
        Assert.True(client.IsConnected);
        await client.DisconnectAsync();
        Assert.False(client.IsConnected);
        Assert.Equal(new ushort[] { 0 }, await client.ReadInputRegistersAsync(0, 1));
        Assert.True(client.IsConnected);
    }

    internal static ModbusTcpServer StartServer(ModbusDataStore store, int port = 0)
    {
        var server = new ModbusTcpServer(store, new ModbusTcpServerOptions { Port = port });
        server.Start();
        return server;
    }

    private static ModbusTcpClient NewClient(int port, byte unitId = 1, TimeSpan? requestTimeout = null) =>
        new(new ModbusTcpClientOptions { Host = "127.0.0.1", Port = port, UnitId = unitId, RequestTimeout = requestTimeout ?? GenerousTimeout });

    private static ScriptedReply Fault(string fault, byte[] request)
    {
        var good = FaultInjectingPeer.RegistersReply(request, 42, 43);
        switch (fault)
        {
            case "wrong transaction id":
                good[1]++;
                return ScriptedReply.Send(good);
            case "wrong unit id":
                good[6]++;
                return ScriptedReply.Send(good);
            case "wrong function code":
                good[7] = ModbusFunctionCodes.ReadInputRegisters;
                return ScriptedReply.Send(good);
            case "wrong byte count":
                good[8] = 2;
                return ScriptedReply.Send(good);
            case "protocol id not 0":
                good[3] = 1;
                return ScriptedReply.Send(good);
            case "length field above 254":
                good[4] = 0x01;
                good[5] = 0x2C;
                return ScriptedReply.Send(good);
            case "length field below 2":
                return ScriptedReply.Send(request[0], request[1], 0, 0, 0, 1, request[6]);
            case "short PDU":
                return ScriptedReply.Send(request[0], request[1], 0, 0, 0, 3, request[6], request[7], 4);
            case "exception response with an extra byte":
                return ScriptedReply.Send(request[0], request[1], 0, 0, 0, 4, request[6], (byte)(request[7] | 0x80), 2, 0);
            case "text instead of a frame":
                return ScriptedReply.Send("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
            case "truncated frame then close":
                return ScriptedReply.SendAndClose(good[..10]);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }
}
