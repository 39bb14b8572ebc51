using System.Buffers.Binary;
using EdgeAgent.Modbus.Tests.FaultInjection;

namespace EdgeAgent.Modbus.Tests;

public class ModbusRtuOverTcpTests
{
    [Fact]
    public void CrcMatchesTheSerialLineSpecificationExample()
    {
        // "01 03 00 00 00 0A" is sent as "... C5 CD" (CRC 0xCDC5, low byte first).
        Assert.Equal(0xCDC5, ModbusRtuFraming.Crc16([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A]));
        var request = new byte[8];
        ModbusRtuFraming.WriteReadRequest(request, 1, ModbusFunctionCodes.ReadHoldingRegisters, 0, 10);
        Assert.Equal(new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD }, request);
    }

    [Fact]
    public void ResponsesRoundTripAndBadCrcIsDesync()
    {
        var frame = new byte[ModbusLimits.MaxAduLength];
        int length = ModbusRtuFraming.WriteRegistersResponse(frame, 4, ModbusFunctionCodes.ReadInputRegisters, [0x1234, 0xABCD]);
        Assert.Equal(9, length);
        Assert.Equal(length, ModbusRtuFraming.ResponseLength(frame, 4, ModbusFunctionCodes.ReadInputRegisters));
        var data = ModbusRtuFraming.CheckReadResponse(frame.AsSpan(0, length), 4, ModbusFunctionCodes.ReadInputRegisters, 0, 2);
        Assert.Equal(new byte[] { 0x12, 0x34, 0xAB, 0xCD }, data.ToArray());

        frame[4] ^= 0x01;
        var ex = Assert.Throws<ModbusProtocolException>(() =>
            ModbusRtuFraming.CheckReadResponse(frame.AsSpan(0, length), 4, ModbusFunctionCodes.ReadInputRegisters, 0, 2));
        Assert.Contains("CRC", ex.Message);
    }

    [Fact]
    public async Task ClientReadsAllFourTablesFromOurServerOverRtuFraming()
    {
        var store = new ModbusDataStore();
        store.AddRange(2, ModbusTable.Coil, 0, 10);
        store.AddRange(2, ModbusTable.DiscreteInput, 0, 10);
        store.AddRange(2, ModbusTable.HoldingRegister, 0, 125);
        store.AddRange(2, ModbusTable.InputRegister, 0, 10);
        store.SetBits(2, ModbusTable.Coil, 0, [true, false, true]);
        store.SetBits(2, ModbusTable.DiscreteInput, 1, [true]);
        store.SetRegisters(2, ModbusTable.HoldingRegister, 120, [1, 2, 3, 4, 5]);
        store.SetRegister(2, ModbusTable.InputRegister, 9, 0xFFFF);
        await using var server = new ModbusTcpServer(store, new ModbusTcpServerOptions { FrameFormat = ModbusFrameFormat.RtuOverTcp });
        server.Start();
        await using var client = RtuClient(server.Port, unitId: 2);

        Assert.Equal(new[] { true, false, true }, await client.ReadCoilsAsync(0, 3));
        Assert.Equal(new[] { false, true }, await client.ReadDiscreteInputsAsync(0, 2));
        var holding = await client.ReadHoldingRegistersAsync(0, 125);
        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5 }, holding[120..]);
        Assert.Equal(new ushort[] { 0xFFFF }, await client.ReadInputRegistersAsync(9, 1));
        var ex = await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadInputRegistersAsync(9, 2));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Equal(new ushort[] { 0xFFFF }, await client.ReadInputRegistersAsync(9, 1));
        Assert.Equal(new Dictionary<byte, long> { [1] = 1, [2] = 1, [3] = 1, [4] = 3 }, server.FunctionCodeCounts);
    }

    [Theory]
    [InlineData("bad CRC")]
    [InlineData("wrong unit id")]
    [InlineData("wrong function code")]
    [InlineData("wrong byte count")]
    public async Task DesyncClosesTheConnectionAndTheNextReadReconnects(string fault)
    {
        await using var peer = new FaultInjectingPeer(
            (connection, request) => ScriptedReply.Send(connection == 0 ? Fault(fault, request) : Reply(request, 42)),
            requestLength: 8);
        await using var client = RtuClient(peer.Port, unitId: 1);

        await Assert.ThrowsAsync<ModbusProtocolException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
        Assert.False(client.IsConnected);
        Assert.Equal(new ushort[] { 42 }, await client.ReadHoldingRegistersAsync(0, 1));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task ServerAnswersUnknownFunctionCodesWithIllegalFunctionThenHangsUp()
    {
        await using var server = new ModbusTcpServer(new ModbusDataStore(), new ModbusTcpServerOptions { FrameFormat = ModbusFrameFormat.RtuOverTcp });
        server.Start();
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", server.Port);
        byte[] request = [1, 0x11, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(2), ModbusRtuFraming.Crc16(request.AsSpan(0, 2)));

        await socket.SendAsync(request);
        var reply = new byte[16];
        int total = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            int received;
            while ((received = await socket.ReceiveAsync(reply.AsMemory(total), System.Net.Sockets.SocketFlags.None, timeout.Token)) > 0)
            {
                total += received;
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
            // A reset after the answer also means the server hung up.
        }

        Assert.Equal(5, total);
        Assert.Equal(new byte[] { 1, 0x91, 0x01 }, reply[..3]);
        Assert.Equal(ModbusRtuFraming.Crc16(reply.AsSpan(0, 3)), BinaryPrimitives.ReadUInt16LittleEndian(reply.AsSpan(3)));
        Assert.Equal(1, server.FunctionCodeCounts[0x11]);
    }

    private static ModbusTcpClient RtuClient(int port, byte unitId) => new(new ModbusTcpClientOptions
    {
        Port = port,
        UnitId = unitId,
        FrameFormat = ModbusFrameFormat.RtuOverTcp,
        RequestTimeout = TimeSpan.FromSeconds(10),
    });

    private static byte[] Reply(byte[] request, ushort value)
    {
        var reply = new byte[7];
        reply[0] = request[0];
        reply[1] = request[1];
        reply[2] = 2;
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(3), value);
        BinaryPrimitives.WriteUInt16LittleEndian(reply.AsSpan(5), ModbusRtuFraming.Crc16(reply.AsSpan(0, 5)));
        return reply;
    }

    private static byte[] Fault(string fault, byte[] request)
    {
        var reply = Reply(request, 42);
        switch (fault)
        {
            case "bad CRC":
                reply[6] ^= 0xFF;
                return reply;
            case "wrong unit id":
                reply[0]++;
                break;
            case "wrong function code":
                reply[1] = ModbusFunctionCodes.ReadInputRegisters;
                break;
            case "wrong byte count":
                // A well-formed frame with a valid CRC, but 4 data bytes for a 1-register request.
                byte[] longer = [reply[0], reply[1], 4, 0, 42, 0, 0, 0, 0];
                BinaryPrimitives.WriteUInt16LittleEndian(longer.AsSpan(7), ModbusRtuFraming.Crc16(longer.AsSpan(0, 7)));
                return longer;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(reply.AsSpan(5), ModbusRtuFraming.Crc16(reply.AsSpan(0, 5)));
        return reply;
    }
}
