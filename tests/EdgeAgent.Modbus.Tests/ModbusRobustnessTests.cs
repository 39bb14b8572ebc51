using System.Net.Sockets;
using EdgeAgent.Modbus.Tests.FaultInjection;

namespace EdgeAgent.Modbus.Tests;

/// <summary>Random bytes in both directions: nothing crashes, nothing hangs, and the next good exchange works.</summary>
public class ModbusRobustnessTests
{
    [Fact]
    public async Task ClientSurvivesRandomRepliesAndAlwaysFailsWithAModbusError()
    {
        var random = new Random(20240611);
        var replies = Enumerable.Range(0, 300).Select(_ =>
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (bytes.Length >= 4 && random.Next(2) == 0)
            {
                // Half of them look like Modbus (protocol id 0) so the checks after the header get exercised too.
                bytes[2] = 0;
                bytes[3] = 0;
            }

            return bytes;
        }).ToArray();
        int index = -1;
        await using var peer = new FaultInjectingPeer((_, _) => ScriptedReply.SendAndClose(replies[Interlocked.Increment(ref index)]));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions { Port = peer.Port, RequestTimeout = TimeSpan.FromSeconds(2) });

        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < replies.Length; i++)
        {
            try
            {
                await client.ReadHoldingRegistersAsync(0, 2);
                Count("success");
            }
            catch (Exception ex) when (ex is ModbusProtocolException or ModbusConnectionException or ModbusTimeoutException or ModbusException)
            {
                Count(ex.GetType().Name);
            }
        }

        Assert.Equal(replies.Length, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault(nameof(ModbusProtocolException)) > 100, string.Join(", ", outcomes));

        void Count(string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
    }

    [Fact]
    public async Task ServerSurvivesRandomRequestsAndKeepsServing()
    {
        var store = new ModbusDataStore();
        store.AddRange(1, ModbusTable.HoldingRegister, 0, 10);
        store.SetRegister(1, ModbusTable.HoldingRegister, 3, 33);
        await using var server = ModbusTcpClientTests.StartServer(store);
        var random = new Random(7);

        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            if (bytes.Length >= 6 && random.Next(2) == 0)
            {
                bytes[2] = 0;
                bytes[3] = 0;
                bytes[4] = 0;
                bytes[5] = (byte)random.Next(0, 12);
            }

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync("127.0.0.1", server.Port);
            await socket.SendAsync(bytes);
            socket.Shutdown(SocketShutdown.Send);
            // Drain until the server closes: it either answers what it could parse or drops the connection.
            var buffer = new byte[512];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
                {
                }
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
            }
        }

        await using var client = new ModbusTcpClient("127.0.0.1", server.Port);
        Assert.Equal(new ushort[] { 33 }, await client.ReadHoldingRegistersAsync(3, 1));
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public void TheOnlyFunctionCodesDefinedAreTheFourReads()
    {
        var codes = typeof(ModbusFunctionCodes).GetFields()
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (byte)f.GetRawConstantValue()!);

        Assert.Equal(
            new Dictionary<string, byte>
            {
                ["ReadCoils"] = 1,
                ["ReadDiscreteInputs"] = 2,
                ["ReadHoldingRegisters"] = 3,
                ["ReadInputRegisters"] = 4,
                ["ExceptionFlag"] = 0x80,
            },
            codes);
    }
}
