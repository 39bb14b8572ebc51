using System.CommandLine;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Hosting;
using EdgeAgent.Simulator;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent demo [--urls URL] [--config PATH] [--data DIR]</c>: the whole agent against the embedded simulated
/// plant, with a throw-away data folder (kept only when --data is given).
/// </summary>
internal static class DemoCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var urls = CommonOptions.Urls();
        var config = CommonOptions.Config(required: false);
        config.Description = "Plant to simulate (default: the sample plant shipped with the agent)";
        var data = CommonOptions.Data();
        var command = new Command("demo", "Run the agent against the embedded simulated plant") { urls, config, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var file = parse.GetValue(config);
            var loaded = file is null ? LoadSample(parse.InvocationConfiguration.Error) : ConfigFile.LoadOrReport(file, parse.InvocationConfiguration.Error);
            if (loaded is null)
            {
                return 1;
            }

            var keep = parse.GetValue(data) is not null;
            var dataFolder = parse.GetValue(data)?.FullName ?? Path.Combine(Path.GetTempPath(), "edgeagent-demo-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dataFolder);

            await using var plant = await SimulatedPlant.StartAsync(loaded, SimulatorOptions.Demo(), TimeProvider.System, cancellationToken: cancellationToken);
            plant.PointAtSimulator(loaded);

            var listen = parse.GetValue(urls) ?? DefaultUrls;
            var app = AgentHost.Build(loaded, dataFolder, listen, "demo");
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                output.WriteLine($"EdgeAgent demo: simulated plant '{loaded.Site.Name}' with {loaded.Sources.Count} devices");
                output.WriteLine($"Data folder (deleted at exit{(keep ? ": no, --data given" : "")}): {dataFolder}");
                output.WriteLine($"Status page: {listen.Split(';')[0].TrimEnd('/')}/   (Ctrl+C to stop)");
            });
            try
            {
                await app.RunUntilStoppedAsync(cancellationToken);
            }
            finally
            {
                await app.DisposeAsync();
                if (!keep)
                {
                    TryDelete(dataFolder);
                }
            }

            return 0;
        });
        return command;
    }

    private static AgentConfig? LoadSample(TextWriter error)
    {
        var result = ConfigReader.Parse(ConfigFile.SamplePlantJson(), ConfigFile.IsKnownTimeZone);
        if (result.IsValid)
        {
            return result.Config;
        }

        foreach (var e in result.Errors)
        {
            error.WriteLine($"sample plant: {e}");
        }

        return null;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a throw-away folder in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
