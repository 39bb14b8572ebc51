using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Simulator;

/// <summary>
/// Runs a <see cref="SimulatedPlant"/> for the host's <see cref="AgentConfig"/> and points that configuration's sources at
/// it. Starts in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host calls before any hosted service's
/// <c>StartAsync</c>, so collectors registered earlier still connect to the simulator, not to the configured ports.
/// </summary>
public sealed class SimulatedPlantService(AgentConfig config, IOptions<SimulatorOptions> options, TimeProvider time, ILoggerFactory loggers)
    : IHostedLifecycleService, IAsyncDisposable
{
    private SimulatedPlant? _plant;

    /// <summary>The running plant; null before start and after stop.</summary>
    public SimulatedPlant? Plant => _plant;

    /// <inheritdoc/>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_plant is not null)
        {
            return;
        }

        _plant = await SimulatedPlant.StartAsync(config, options.Value, time, loggers, cancellationToken: cancellationToken).ConfigureAwait(false);
        _plant.PointAtSimulator(config);
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Stopped after every other service, so collectors never see the plant vanish under them at shutdown.
        var plant = Interlocked.Exchange(ref _plant, null);
        if (plant is not null)
        {
            await plant.DisposeAsync().ConfigureAwait(false);
        }
    }
}
