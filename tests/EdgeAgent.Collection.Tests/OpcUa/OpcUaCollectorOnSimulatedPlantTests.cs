using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Simulator;
using EdgeAgent.Simulator.OpcUa;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>
/// The OPC UA equipment of the sample plant (config/edgeagent.json: cnc-5ax by node ids with a subscription, robot-3 by
/// browse paths with Read polling) collected from the simulator's OPC UA devices: what `edgeagent demo` runs.
/// </summary>
public class OpcUaCollectorOnSimulatedPlantTests
{
    private static AgentConfig SamplePlant()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "config", "edgeagent.json")))
        {
            dir = dir.Parent;
        }

        var json = File.ReadAllText(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("config/edgeagent.json not found"), "config", "edgeagent.json"));
        var result = ConfigReader.Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Config!;
    }

    private static async Task<(SimulatedPlant Plant, AgentConfig Config)> StartPlantAsync()
    {
        var config = SamplePlant();
        var plant = await SimulatedPlant.StartAsync(config, new SimulatorOptions { FlakySources = [] }, TimeProvider.System, null, [new OpcUaDeviceFactory()], CancellationToken.None);
        plant.PointAtSimulator(config);
        return (plant, config);
    }

    private static OpcUaCollectorRig Rig(AgentConfig config, string sourceId, int pollMs = 200)
    {
        var (source, bindings) = OpcUaCollectionService.Bind(config).Single(b => b.Source.Id == sourceId);
        source.PollIntervalMs = pollMs;
        return StartBound(source, bindings);
    }

    [Fact]
    public async Task SamplePlantOpcUaEquipmentIsCollectedWithThePlantModelsValues()
    {
        var (plant, config) = await StartPlantAsync();
        await using var _ = plant;
        Assert.Equal(["ua-cnc5ax", "ua-robot3"], plant.Devices.Select(d => d.SourceId).Order());
        Assert.All(plant.Devices, d => Assert.StartsWith("opc.tcp://127.0.0.1:", d.Endpoint.EndpointUrl, StringComparison.Ordinal));

        await using var cnc = Rig(config, "ua-cnc5ax");
        await using var robot = Rig(config, "ua-robot3");
        await cnc.WaitAsync(r => r.SamplesOf("partsGood").Count > 0 && r.SamplesOf("state").Count > 0 && r.SamplesOf("energy").Count > 0, "cnc-5ax values by subscription");
        await robot.WaitAsync(r => r.Batches.Count(b => b.CycleGood) >= 2, "robot-3 values by polling");

        // Every tag resolved (node ids and browse paths) and good.
        Assert.All(cnc.Batches.SelectMany(b => b.Samples), s => Assert.Equal(SampleQuality.Good, s.Quality));
        var robotCycle = robot.Batches.Last(b => b.CycleGood);
        Assert.Equal(["cycles", "energy", "payloadKg", "servoOn", "state"], robotCycle.Samples.Select(s => s.Key.Tag).Order());
        Assert.All(robotCycle.Samples, s => Assert.Equal(SampleQuality.Good, s.Quality));

        // The values are the plant model's (counters may have moved on by a step since they were read).
        var model = plant.Model;
        Assert.InRange(cnc.SamplesOf("partsGood")[^1].Value, model.Read("cnc-5ax", "partsGood").Number - 2, model.Read("cnc-5ax", "partsGood").Number);
        Assert.InRange(robotCycle.Samples.Single(s => s.Key.Tag == "cycles").Value, model.Read("robot-3", "cycles").Number - 2, model.Read("robot-3", "cycles").Number);

        // robot-3 energy is a uint32 in 0.01 kWh on the device: the collector applies scale 0.01 again.
        var energy = robotCycle.Samples.Single(s => s.Key.Tag == "energy").Value;
        Assert.InRange(energy, model.Read("robot-3", "energy").Number - 1, model.Read("robot-3", "energy").Number + 0.001);
        var states = config.Equipment.Single(e => e.Id == "cnc-5ax").Tags.Single(t => t.Name == "state").States!;
        Assert.Contains(cnc.SamplesOf("state")[^1].Value.ToString(System.Globalization.CultureInfo.InvariantCulture), states.Keys);
    }

    [Fact]
    public async Task AnOutageOfTheSimulatedDeviceIsAGapWithAReasonAndCollectionResumes()
    {
        var (plant, config) = await StartPlantAsync();
        await using var _ = plant;
        await using var cnc = Rig(config, "ua-cnc5ax");
        await cnc.WaitAsync(r => r.Batches.Any(b => b.CycleGood), "online");

        await plant.SetForcedOfflineAsync("ua-cnc5ax", true);
        await cnc.WaitAsync(r => r.StatusEvents.Any(e => !e.Online) && r.Batches.Count(b => !b.CycleGood && b.TimestampUtc > r.StatusEvents.First(e => !e.Online).TimestampUtc) >= 2, "offline, failed cycles");
        Assert.StartsWith("Bad", cnc.StatusEvents.First(e => !e.Online).Reason, StringComparison.Ordinal);

        await plant.SetForcedOfflineAsync("ua-cnc5ax", false);
        await cnc.WaitAsync(r => r.StatusEvents.Count(e => e.Online) == 2, "online again");
        var back = cnc.StatusEvents[^1].TimestampUtc;
        await cnc.WaitAsync(r => r.Batches.Any(b => b.CycleGood && b.TimestampUtc > back && b.Samples.Count > 0), "values after the outage");
        Assert.Equal([true, false, true], cnc.StatusEvents.Select(e => e.Online));

        // The device forgot the old session with the outage; the collector holds exactly one new one.
        var device = (SimulatedOpcUaDevice)plant.Devices.Single(d => d.SourceId == "ua-cnc5ax");
        Assert.Equal(1, device.Server.SessionCount);
    }
}
