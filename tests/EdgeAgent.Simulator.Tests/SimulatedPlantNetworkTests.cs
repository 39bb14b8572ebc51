using System.Net.Sockets;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Simulator.Tests;

/// <summary>
/// The simulated plant as the agent meets it: Modbus TCP servers on 127.0.0.1, read with a real client over real
/// sockets. The plant is driven by hand (no auto-advance), so what is on the wire is known exactly.
/// </summary>
public class SimulatedPlantNetworkTests
{
    private const string FlakySource = "mb-robot2";

    private static Task<SimulatedPlant> StartAsync(SimulatorOptions? options = null) =>
        SimulatedPlant.StartAsync(SamplePlant.Load(), options ?? new SimulatorOptions { AutoAdvance = false }, TimeProvider.System);

    private static async Task<ushort[]> ReadAsync(ModbusTcpClient client, TagConfig tag)
    {
        var table = TagRegisters.Table(tag);
        var count = TagRegisters.Count(tag);
        if (TagRegisters.IsBit(tag))
        {
            var bits = new bool[count];
            await client.ReadBitsAsync(table, (ushort)tag.Address, bits);
            return [bits[0] ? (ushort)1 : (ushort)0];
        }

        var registers = new ushort[count];
        await client.ReadRegistersAsync(table, (ushort)tag.Address, registers);
        return registers;
    }

    [Fact]
    public async Task EveryConfiguredTagReadOverTheWireDecodesToTheModelsValue()
    {
        await using var plant = await StartAsync();
        await plant.AdvanceToAsync(DateTime.UtcNow.AddHours(3));
        var config = plant.Model.Config;
        var orders = new HashSet<(Endianness, Endianness)>();

        foreach (var source in config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp))
        {
            var endpoint = plant.Endpoints[source.Id];
            Assert.NotEqual(source.Port, endpoint.Port);
            await using var client = new ModbusTcpClient(endpoint.Host, endpoint.Port, (byte)source.UnitId);
            foreach (var equipment in config.Equipment.Where(e => e.Source == source.Id))
            {
                foreach (var tag in equipment.Tags)
                {
                    var expected = plant.Model.Read(equipment, tag);
                    var registers = await ReadAsync(client, tag);
                    var actual = TagRegisters.IsBit(tag) ? new TagReading(registers[0]) : TagRegisters.Decode(tag, registers);
                    if (tag.Type == TagType.String)
                    {
                        Assert.Equal(expected.Text, actual.Text);
                    }
                    else
                    {
                        // Within the tag's resolution (a scaled integer register holds whole steps of the scale).
                        Assert.True(
                            Math.Abs(expected.Number - actual.Number) <= Math.Abs(tag.Scale) / 2 + 1e-9 || (tag.Type == TagType.Float32 && Math.Abs(expected.Number - actual.Number) <= Math.Abs(expected.Number) * 1e-6),
                            $"{equipment.Id}/{tag.Name}: model {expected}, wire {actual}");
                    }

                    if (!TagRegisters.IsBit(tag) && TagRegisters.Count(tag) > 1)
                    {
                        orders.Add((tag.ByteOrder, tag.WordOrder));
                    }
                }
            }
        }

        // The sample configuration uses both word orders for multi-register values; both were read back above.
        Assert.Contains((Endianness.Big, Endianness.Big), orders);
        Assert.Contains((Endianness.Big, Endianness.Little), orders);
    }

    [Fact]
    public async Task AForcedOfflineSourceRefusesConnectionsAndComesBackOnTheSamePort()
    {
        await using var plant = await StartAsync();
        var endpoint = plant.Endpoints[FlakySource];
        await using var client = new ModbusTcpClient(endpoint.Host, endpoint.Port);
        var before = await client.ReadHoldingRegistersAsync(0, 1);

        await plant.SetForcedOfflineAsync(FlakySource, offline: true);

        Assert.False(plant.IsOnline(FlakySource));
        Assert.True(plant.IsOnline("mb-robot1"));
        // The open connection is gone and a new one is refused: the port is really closed, not just silent.
        var lost = await Record.ExceptionAsync(() => client.ReadHoldingRegistersAsync(0, 1).AsTask());
        Assert.True(lost is ModbusConnectionException, $"read on the dropped connection: {lost?.ToString() ?? "no exception"}");
        var refused = await Record.ExceptionAsync(() => client.ConnectAsync().AsTask());
        Assert.True(
            refused is ModbusConnectionException { SocketError: SocketError.ConnectionRefused },
            $"new connection to port {endpoint.Port}: {refused?.ToString() ?? "accepted"}");

        await plant.SetForcedOfflineAsync(FlakySource, offline: false);

        Assert.True(plant.IsOnline(FlakySource));
        Assert.Equal(endpoint, plant.Endpoints[FlakySource]);
        Assert.Equal(before, await client.ReadHoldingRegistersAsync(0, 1));
    }

    [Fact]
    public async Task OnlyTheReadFunctionCodesTheClientSentAreCounted()
    {
        await using var plant = await StartAsync();
        var endpoint = plant.Endpoints["mb-cnc1"];
        await using var client = new ModbusTcpClient(endpoint.Host, endpoint.Port);
        await client.ReadHoldingRegistersAsync(0, 7);
        await client.ReadInputRegistersAsync(0, 2);
        await client.ReadCoilsAsync(0, 1);

        var counts = plant.FunctionCodeCounts();

        Assert.Equal(new Dictionary<byte, long> { [1] = 1, [3] = 1, [4] = 1 }, counts.Where(c => c.Value > 0).ToDictionary());
    }
}
