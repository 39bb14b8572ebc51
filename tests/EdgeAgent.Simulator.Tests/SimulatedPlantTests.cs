using System.Net.Sockets;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Simulator.Tests;

public class SimulatedPlantTests
{
    private static readonly TimeProvider MondayMorning = new FixedTime(SamplePlant.MondayMorningUtc);

    [Fact]
    public async Task EverySourceListensOnAFreePortNotTheConfiguredOne()
    {
        var config = SamplePlant.Load();
        var options = new SimulatorOptions { AutoAdvance = false };
        await using var first = await SimulatedPlant.StartAsync(config, options, MondayMorning);
        await using var second = await SimulatedPlant.StartAsync(SamplePlant.Load(), options, MondayMorning);

        var modbus = config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp).ToList();
        Assert.Equal(config.Sources.Select(s => s.Id).Order(), first.PortMap.Keys.Order());
        foreach (var source in modbus)
        {
            var endpoint = first.PortMap[source.Id];
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.NotEqual(source.Port, endpoint.Port);
            Assert.NotEqual(endpoint.Port, second.PortMap[source.Id].Port);
        }

        first.PointAtSimulator(config);
        Assert.All(modbus, s => Assert.Equal(first.PortMap[s.Id].Port, s.Port));
    }

    [Fact]
    public async Task AClientReadsTheModelsValuesOverTcpAndSeesThemChange()
    {
        var config = SamplePlant.Load();
        await using var plant = await SimulatedPlant.StartAsync(config, new SimulatorOptions { AutoAdvance = false, FlakySources = [] }, MondayMorning);
        var cnc = plant.PortMap["mb-cnc2"];
        await using var client = PatientClient(cnc.Host, cnc.Port);
        var equipment = config.Equipment.Single(e => e.Id == "cnc-2");
        var tags = equipment.Tags.ToDictionary(t => t.Name);

        var before = await ReadAsync(client, tags["partsGood"]);
        Assert.Equal(plant.Model.Read(equipment, tags["partsGood"]), before);
        var energyBefore = await ReadAsync(client, tags["energy"]);

        await plant.AdvanceToAsync(SamplePlant.MondayMorningUtc.AddHours(2));

        var after = await ReadAsync(client, tags["partsGood"]);
        Assert.True(after.Number > before.Number, $"parts {before} → {after}");
        Assert.True((await ReadAsync(client, tags["energy"])).Number > energyBefore.Number);
        foreach (var tag in equipment.Tags)
        {
            Assert.Equal(plant.Model.Read(equipment, tag), await ReadAsync(client, tag));
        }

        var refused = await Assert.ThrowsAsync<ModbusException>(async () => await client.ReadHoldingRegistersAsync(7, 1));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, refused.ExceptionCode);
        Assert.Equal([1, 3, 4], plant.FunctionCodeCounts().Keys.Order().Select(k => (int)k));
    }

    [Fact]
    public async Task InRealTimeTheMeterKeepsCounting()
    {
        var config = SamplePlant.Load();
        await using var plant = await SimulatedPlant.StartAsync(config, new SimulatorOptions { UpdateInterval = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
        var meter = plant.PortMap["mb-meter"];
        await using var client = PatientClient(meter.Host, meter.Port);
        var energy = config.Equipment.Single(e => e.Id == "meter-main").Tags.Single(t => t.Name == "energyTotal");

        var first = await ReadAsync(client, energy);
        var seen = new HashSet<double> { first.Number };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (seen.Count < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150);
            var value = await ReadAsync(client, energy);
            Assert.True(value.Number >= first.Number);
            seen.Add(value.Number);
        }

        Assert.True(seen.Count >= 4, "the main meter's energy should rise between reads");
    }

    [Fact]
    public async Task AFlakySourceRefusesConnectionsDuringAnOutageAndComesBackOnTheSamePort()
    {
        var config = SamplePlant.Load();
        var options = new SimulatorOptions { AutoAdvance = false, FlakySources = ["mb-cnc1"] };
        await using var plant = await SimulatedPlant.StartAsync(config, options, MondayMorning);
        var endpoint = plant.PortMap["mb-cnc1"];
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions { Host = endpoint.Host, Port = endpoint.Port, RequestTimeout = TimeSpan.FromMilliseconds(500) });
        await client.ReadHoldingRegistersAsync(0, 1);

        var outage = plant.Model.CurrentOrNextOutage("mb-cnc1")!.Value;
        await plant.AdvanceToAsync(outage.FromUtc + (outage.Duration / 2));
        Assert.False(plant.IsOnline("mb-cnc1"));
        Assert.True(plant.IsOnline("mb-cnc2"));
        // The open connection was dropped; a new one is refused, as by a device that is off the network.
        await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
        var refused = await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadHoldingRegistersAsync(0, 1));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketError);

        await plant.AdvanceToAsync(outage.ToUtc);
        Assert.True(plant.IsOnline("mb-cnc1"));
        Assert.Equal(endpoint, plant.PortMap["mb-cnc1"]);
        var state = await client.ReadHoldingRegistersAsync(0, 1);
        Assert.Equal(plant.Model.Read("cnc-1", "state").Number, state[0]);
    }

    [Fact]
    public async Task InRealTimeTheFlakySourceDropsOffAndComesBack()
    {
        var config = SamplePlant.Load();
        var options = new SimulatorOptions
        {
            UpdateInterval = TimeSpan.FromMilliseconds(50),
            FlakyInterval = TimeSpan.FromSeconds(2),
            FlakyDowntime = TimeSpan.FromSeconds(1.5),
        };
        await using var plant = await SimulatedPlant.StartAsync(config, options, TimeProvider.System);
        Assert.Equal(["mb-robot2"], plant.Model.FlakySources);
        var endpoint = plant.PortMap["mb-robot2"];
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            ConnectTimeout = TimeSpan.FromMilliseconds(300),
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        });

        var log = new List<bool>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(log.Contains(false) && log[^1]))
        {
            try
            {
                await client.ReadHoldingRegistersAsync(0, 3);
                log.Add(true);
            }
            catch (Exception ex) when (ex is ModbusConnectionException or ModbusTimeoutException)
            {
                log.Add(false);
            }

            await Task.Delay(100);
        }

        Assert.Contains(false, log);
        Assert.True(log[^1], "the flaky device should answer again after its outage");
    }

    [Fact]
    public async Task AForcedOutageHoldsUntilReleased()
    {
        var config = SamplePlant.Load();
        await using var plant = await SimulatedPlant.StartAsync(config, new SimulatorOptions { AutoAdvance = false, FlakySources = [] }, MondayMorning);
        var endpoint = plant.PortMap["mb-laser"];
        await using var client = PatientClient(endpoint.Host, endpoint.Port);

        await plant.SetForcedOfflineAsync("mb-laser", offline: true);
        await plant.AdvanceToAsync(SamplePlant.MondayMorningUtc.AddMinutes(5));
        await Assert.ThrowsAsync<ModbusConnectionException>(async () => await client.ReadInputRegistersAsync(0, 2));

        await plant.SetForcedOfflineAsync("mb-laser", offline: false);
        Assert.Equal(2, (await client.ReadInputRegistersAsync(0, 2)).Length);
    }

    [Fact]
    public async Task OpcUaEquipmentIsServedByDefaultNextToModbus()
    {
        var config = SamplePlant.Load();
        await using var plant = await SimulatedPlant.StartAsync(config, new SimulatorOptions { AutoAdvance = false }, MondayMorning);
        await plant.AdvanceToAsync(SamplePlant.MondayMorningUtc.AddHours(1));

        Assert.Contains("ua-cnc5ax", plant.PortMap.Keys);
        Assert.Contains(plant.Devices, d => d.SourceId == "ua-robot3");
        Assert.Contains("mb-cnc1", plant.PortMap.Keys);
        Assert.Contains("cnc-5ax", plant.Model.Machines.Keys);
        Assert.True(plant.Model.Machines["cnc-5ax"].TotalParts > 0);
        Assert.Equal(plant.Model.Machines["robot-3"].State == MachineState.Off ? 0 : 1, plant.Model.Read("robot-3", "servoOn").Number);
    }

    [Fact]
    public async Task WithoutATimeProviderThePlantClockStartsAtTheFirstAdvance()
    {
        // A simulated history: the driver steps from a day long past, far before the wall clock.
        var from = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        await using var plant = await SimulatedPlant.StartAsync(SamplePlant.Load(), new SimulatorOptions(), time: null);
        Assert.Equal("mb-robot2", SimulatedPlant.DefaultFlakySource(plant.Model.Config));

        await plant.AdvanceToAsync(from);
        Assert.Equal(from, plant.Model.Now);
        var parts = plant.Model.Machines["cnc-1"].TotalParts;
        await plant.AdvanceToAsync(from.AddDays(1));
        Assert.Equal(from.AddDays(1), plant.Model.Now);
        Assert.True(plant.Model.Machines["cnc-1"].TotalParts > parts);

        var endpoint = plant.PortMap["mb-cnc1"];
        await using var client = PatientClient(endpoint.Host, endpoint.Port);
        var registers = await client.ReadHoldingRegistersAsync(1, 2);
        Assert.Equal(plant.Model.Read("cnc-1", "partsGood").Number, ModbusValueCodec.DecodeUInt32(registers));
    }

    /// <summary>
    /// A client that waits 5 s for an answer: these tests check values, not timeouts, and on a loaded 2-core machine
    /// running test classes in parallel the simulator's answer can take longer than the default 1 s.
    /// </summary>
    private static ModbusTcpClient PatientClient(string host, int port) =>
        new(new ModbusTcpClientOptions { Host = host, Port = port, RequestTimeout = TimeSpan.FromSeconds(5) });

    private static async Task<TagReading> ReadAsync(ModbusTcpClient client, TagConfig tag)
    {
        var count = (ushort)TagRegisters.Count(tag);
        switch (tag.Table)
        {
            case TagTable.Coil:
                return new TagReading((await client.ReadCoilsAsync((ushort)tag.Address, 1))[0] ? 1 : 0);
            case TagTable.Discrete:
                return new TagReading((await client.ReadDiscreteInputsAsync((ushort)tag.Address, 1))[0] ? 1 : 0);
            default:
                var registers = tag.Table == TagTable.Holding
                    ? await client.ReadHoldingRegistersAsync((ushort)tag.Address, count)
                    : await client.ReadInputRegistersAsync((ushort)tag.Address, count);
                return TagRegisters.Decode(tag, registers);
        }
    }

    /// <summary>A clock stopped at one instant: the plant's start time when a test steps time itself.</summary>
    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
