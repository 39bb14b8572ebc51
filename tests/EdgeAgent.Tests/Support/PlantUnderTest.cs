using System.Text.Json.Nodes;
using EdgeAgent.Cli;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Simulator;

namespace EdgeAgent.Tests.Support;

/// <summary>
/// The simulated plant of the sample configuration, running in the test process (so a test can pull a device off the
/// network), and a copy of the sample configuration pointing at it for <c>edgeagent run</c>.
/// </summary>
internal sealed class PlantUnderTest : IAsyncDisposable
{
    private PlantUnderTest(SimulatedPlant plant, AgentConfig config, string configPath, string dataFolder)
    {
        Plant = plant;
        Config = config;
        ConfigPath = configPath;
        DataFolder = dataFolder;
    }

    /// <summary>The operator token the copied configuration accepts on the facts API.</summary>
    public const string OperatorToken = "page-operator-token-0123456789";

    /// <summary>The sample configuration as the agent reads it.</summary>
    public AgentConfig Config { get; }

    /// <summary>Equipment whose source the simulator serves: these must come online.</summary>
    public IReadOnlyList<string> SimulatedEquipment =>
        Config.Equipment.Where(e => e.Source is { } s && Plant.Endpoints.ContainsKey(s)).Select(e => e.Id).ToList();

    public SimulatedPlant Plant { get; }

    /// <summary>Sample configuration with every source pointed at its simulated device and a private data folder.</summary>
    public string ConfigPath { get; }

    public string DataFolder { get; }

    public static async Task<PlantUnderTest> StartAsync(TempFolder folder)
    {
        var json = File.ReadAllText(RepoPaths.SampleConfig);
        var parsed = ConfigReader.Parse(json, ConfigFile.IsKnownTimeZone);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));

        // No random outages: the tests decide which device goes off the network, and when.
        var plant = await SimulatedPlant.StartAsync(parsed.Config!, new SimulatorOptions { FlakySources = [] }, TimeProvider.System);

        var config = JsonNode.Parse(json)!;
        foreach (var source in config["sources"]!.AsArray())
        {
            if (plant.Endpoints.TryGetValue((string)source!["id"]!, out var endpoint))
            {
                source["host"] = endpoint.Host;
                source["port"] = endpoint.Port;
                if (endpoint.EndpointUrl is not null)
                {
                    source["endpointUrl"] = endpoint.EndpointUrl;
                }
            }
            else if ((string?)source["protocol"] == "opc-ua")
            {
                // Not simulated (yet): a port nothing listens on, so it is offline for certain, not by luck.
                source["endpointUrl"] = $"opc.tcp://127.0.0.1:{FreePort.Next()}/not-simulated";
            }
            else
            {
                source["port"] = FreePort.Next();
            }
        }

        var data = Path.Combine(folder.Path, "data");
        config["storage"]!["dataFolder"] = data;
        config["web"] ??= new JsonObject();
        config["web"]!["operatorTokens"] = new JsonArray(OperatorToken);
        var path = folder.File("plant.json");
        File.WriteAllText(path, config.ToJsonString());
        return new PlantUnderTest(plant, parsed.Config!, path, data);
    }

    /// <summary>Takes a source's device off the network (its port refuses connections), like a PLC losing power.</summary>
    public Task TakeOfflineAsync(string sourceId) => Plant.SetForcedOfflineAsync(sourceId, offline: true);

    public ValueTask DisposeAsync() => Plant.DisposeAsync();
}
