using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Simulator;

/// <summary>
/// The simulated plant on the network: a <see cref="PlantModel"/> plus one simulated device per source (Modbus TCP
/// today), each on a free port of 127.0.0.1 — never the configured port, so several simulators and tests run side by
/// side; <see cref="PortMap"/> says where each source's device is, so the host can point the configuration at it.
/// Flaky sources really drop off the network: their server closes its port (connections are refused) and later
/// listens again on the same port.
/// </summary>
/// <remarks>
/// Time comes from the <see cref="TimeProvider"/> (the plant advances itself every
/// <see cref="SimulatorOptions.UpdateInterval"/>) or, with <see cref="SimulatorOptions.AutoAdvance"/> off, from a
/// driver calling <see cref="AdvanceToAsync"/> with a simulated clock.
/// </remarks>
public sealed class SimulatedPlant : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly List<ISimulatedDevice> _devices = [];
    private readonly HashSet<string> _forcedOffline = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SimulatorOptions _options = new();
    private bool _startsAtFirstAdvance;
    private CancellationTokenSource? _loopStop;
    private Task? _loop;
    private int _disposed;

    private SimulatedPlant(PlantModel model, ILoggerFactory loggers)
    {
        Model = model;
        _logger = loggers.CreateLogger<SimulatedPlant>();
    }

    /// <summary>
    /// The behaviour behind the devices. Read it from the thread that advances the plant. A plant started without a
    /// TimeProvider gets a new model at its first advance (its clock starts there).
    /// </summary>
    public PlantModel Model { get; private set; }

    /// <summary>Source id → where its simulated device listens (stable for the plant's life, outages included).</summary>
    public IReadOnlyDictionary<string, SimulatedEndpoint> PortMap { get; private set; } = new Dictionary<string, SimulatedEndpoint>();

    /// <summary>The same map as <see cref="PortMap"/>.</summary>
    public IReadOnlyDictionary<string, SimulatedEndpoint> Endpoints => PortMap;

    /// <summary>The simulated devices, one per simulated source.</summary>
    public IReadOnlyList<ISimulatedDevice> Devices => _devices;

    /// <summary>
    /// Builds the plant from <paramref name="config"/> as it is now (per <paramref name="time"/>), starts a Modbus TCP
    /// device for every modbus-tcp source and, unless <see cref="SimulatorOptions.AutoAdvance"/> is off, a loop advancing
    /// the plant with <paramref name="time"/>. With no <paramref name="time"/> the plant is driven only by
    /// <see cref="AdvanceToAsync"/> and its clock starts at the first time given there (a simulated history).
    /// </summary>
    public static Task<SimulatedPlant> StartAsync(
        AgentConfig config,
        SimulatorOptions options,
        TimeProvider? time,
        ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(config, options, time, loggers, [new ModbusDeviceFactory(), new OpcUa.OpcUaDeviceFactory()], cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(AgentConfig, SimulatorOptions, TimeProvider?, ILoggerFactory?, CancellationToken)"/>,
    /// with the device factories to use (one per protocol). Sources no factory simulates are logged and skipped.
    /// </summary>
    public static async Task<SimulatedPlant> StartAsync(
        AgentConfig config,
        SimulatorOptions options,
        TimeProvider? time,
        ILoggerFactory? loggers,
        IEnumerable<ISimulatedDeviceFactory> factories,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factories);
        loggers ??= NullLoggerFactory.Instance;
        var factoryList = factories.ToList();
        var start = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var plant = new SimulatedPlant(new PlantModel(config, options, start), loggers)
        {
            _options = options,
            _startsAtFirstAdvance = time is null,
        };
        try
        {
            var map = new Dictionary<string, SimulatedEndpoint>(StringComparer.Ordinal);
            foreach (var source in config.Sources)
            {
                var factory = factoryList.Find(f => f.CanSimulate(source));
                if (factory is null)
                {
                    SimulatorLog.NotSimulated(plant._logger, source.Id, source.Protocol.ToString());
                    continue;
                }

                var equipment = config.Equipment.Where(e => e.Source == source.Id).ToList();
                var device = factory.Create(source, equipment, loggers);
                plant._devices.Add(device);
                await device.StartAsync(cancellationToken).ConfigureAwait(false);
                map[source.Id] = device.Endpoint;
                SimulatorLog.DeviceListening(plant._logger, source.Id, device.Endpoint.Port);
            }

            plant.PortMap = map;
            await plant.PublishAsync(cancellationToken).ConfigureAwait(false);
            SimulatorLog.PlantStarted(plant._logger, plant._devices.Count, plant.Model.FlakySources);
            if (options.AutoAdvance && time is not null)
            {
                plant._loopStop = new CancellationTokenSource();
                plant._loop = plant.RunAsync(time, options.UpdateInterval, plant._loopStop.Token);
            }

            return plant;
        }
        catch
        {
            await plant.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The source the plant makes flaky when <see cref="SimulatorOptions.FlakySources"/> is null (the second robot's, for the sample plant).</summary>
    public static string? DefaultFlakySource(AgentConfig config) => PlantModel.DefaultFlakySources(config) is [var first, ..] ? first : null;

    /// <summary>Whether a source's simulated device is on the network now.</summary>
    public bool IsOnline(string sourceId) => _devices.Find(d => d.SourceId == sourceId)?.IsOnline
        ?? throw new KeyNotFoundException($"Source '{sourceId}' is not simulated.");

    /// <summary>
    /// Advances the plant to <paramref name="utc"/> (earlier times only republish), updates every device's values and
    /// takes flaky devices off or back onto the network as the model's outage schedule says.
    /// </summary>
    public async Task AdvanceToAsync(DateTime utc, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_startsAtFirstAdvance)
            {
                _startsAtFirstAdvance = false;
                Model = new PlantModel(Model.Config, _options, utc);
            }

            Model.Advance(utc);
            foreach (var device in _devices)
            {
                device.Publish(Model);
            }

            await ApplyNetworkAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous <see cref="AdvanceToAsync"/>, for a simulated-clock driver that steps time itself.</summary>
    public void AdvanceTo(DateTime utc) => AdvanceToAsync(utc).GetAwaiter().GetResult();

    /// <summary>
    /// Holds a source's device off the network regardless of the outage schedule (a dead PLC for tests), or releases it
    /// back to the schedule.
    /// </summary>
    public async Task SetForcedOfflineAsync(string sourceId, bool offline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (offline)
            {
                _forcedOffline.Add(sourceId);
            }
            else
            {
                _forcedOffline.Remove(sourceId);
            }

            await ApplyNetworkAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Requests received by all Modbus devices per function code: proof of what a client sent (reads only).</summary>
    public IReadOnlyDictionary<byte, long> FunctionCodeCounts()
    {
        var totals = new Dictionary<byte, long>();
        foreach (var device in _devices.OfType<SimulatedModbusDevice>())
        {
            foreach (var (code, count) in device.FunctionCodeCounts)
            {
                totals[code] = totals.GetValueOrDefault(code) + count;
            }
        }

        return totals;
    }

    /// <summary>Points every simulated source of <paramref name="config"/> at its simulated device (host and port).</summary>
    public void PointAtSimulator(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var source in config.Sources)
        {
            if (PortMap.TryGetValue(source.Id, out var endpoint))
            {
                source.Host = endpoint.Host;
                source.Port = endpoint.Port;
                source.EndpointUrl = endpoint.EndpointUrl ?? source.EndpointUrl;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_loopStop is not null)
        {
            await _loopStop.CancelAsync().ConfigureAwait(false);
            await _loop!.ConfigureAwait(false);
            _loopStop.Dispose();
        }

        foreach (var device in _devices)
        {
            await device.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
        SimulatorLog.PlantStopped(_logger);
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var device in _devices)
            {
                device.Publish(Model);
            }

            await ApplyNetworkAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyNetworkAsync(CancellationToken cancellationToken)
    {
        foreach (var device in _devices)
        {
            var online = Model.IsSourceOnline(device.SourceId) && !_forcedOffline.Contains(device.SourceId);
            if (device.IsOnline != online)
            {
                // A failed comeback (port taken meanwhile) is retried on the next advance.
                await device.SetOnlineAsync(online, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(TimeProvider time, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow().UtcDateTime;
                try
                {
                    await AdvanceToAsync(now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The demo must go on: one failed step is logged and the next tick tries again.
                    SimulatorLog.AdvanceFailed(_logger, now, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }
}
