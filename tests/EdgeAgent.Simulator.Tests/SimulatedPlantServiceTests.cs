using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Simulator.Tests;

public class SimulatedPlantServiceTests
{
    [Fact]
    public async Task ServicesRegisteredEarlierAlreadySeeTheConfigPointedAtTheSimulator()
    {
        var config = SamplePlant.Load();
        var configured = config.Sources.ToDictionary(s => s.Id, s => s.Port);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton<FirstReader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FirstReader>());
        builder.Services.AddSimulatedPlant(o => o.FlakySources = []);
        using var host = builder.Build();

        await host.StartAsync();
        var plant = host.Services.GetRequiredService<SimulatedPlantService>().Plant!;
        var reader = host.Services.GetRequiredService<FirstReader>();
        Assert.All(config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp), s => Assert.NotEqual(configured[s.Id], s.Port));
        Assert.Equal(plant.PortMap["mb-meter"].Port, reader.Port);
        Assert.Equal(4, reader.Registers!.Length);
        await host.StopAsync();

        Assert.Null(host.Services.GetRequiredService<SimulatedPlantService>().Plant);
    }

    [Fact]
    public async Task InvalidOptionsFailAtStartWithTheOptionsName()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(SamplePlant.Load());
        builder.Services.AddSimulatedPlant(o => o.UpdateInterval = TimeSpan.Zero);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(nameof(SimulatorOptions.UpdateInterval), error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stand-in collector: reads the meter once at StartAsync through whatever the config says.</summary>
    private sealed class FirstReader(AgentConfig config) : IHostedService
    {
        public int Port { get; private set; }

        public ushort[]? Registers { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var source = config.Sources.Single(s => s.Id == "mb-meter");
            Port = source.Port;
            await using var client = new ModbusTcpClient(source.Host, source.Port);
            Registers = await client.ReadInputRegistersAsync(0, 4, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
