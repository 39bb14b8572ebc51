using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Simulator;

/// <summary>
/// The simulated plant on the network: one Modbus TCP server per modbus-tcp source of the configuration, on a free
/// port of 127.0.0.1 (never the configured one, so several simulators run side by side), serving exactly the
/// registers the configuration's tags occupy (other addresses answer "illegal data address", like a real device).
/// One flaky source really drops off the network now and then: its server stops and later restarts on the same port.
/// </summary>
public sealed partial class SimulatedPlant : IAsyncDisposable
{
    private readonly AgentConfig _config;
    private readonly SimulatorOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SourceSim> _sources = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private CancellationTokenSource? _loop;
    private Task? _loopTask;

    private SimulatedPlant(AgentConfig config, SimulatorOptions options, ILoggerFactory? loggers)
    {
        _config = config;
        _options = options;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<SimulatedPlant>();
        Model = new PlantModel(config, options, TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone));
    }

    /// <summary>The behaviour model behind the servers.</summary>
    public PlantModel Model { get; }

    /// <summary>Source id → where its simulated device listens.</summary>
    public IReadOnlyDictionary<string, SimulatedEndpoint> Endpoints =>
        _sources.ToDictionary(s => s.Key, s => new SimulatedEndpoint("127.0.0.1", s.Value.Port), StringComparer.Ordinal);

    /// <summary>Sources that drop off the network now and then.</summary>
    public IReadOnlyCollection<string> FlakySources => _sources.Where(s => s.Value.Flaky).Select(s => s.Key).ToList();

    /// <summary>Whether a source's device is reachable right now.</summary>
    public bool IsOnline(string sourceId) => _sources[sourceId].Server is not null;

    /// <summary>Function codes received by all simulated devices (proof of what the agent sends).</summary>
    public IReadOnlyDictionary<byte, long> FunctionCodeCounts()
    {
        var totals = new Dictionary<byte, long>();
        foreach (var source in _sources.Values)
        {
            foreach (var (code, count) in source.FunctionCodes)
            {
                totals[code] = totals.GetValueOrDefault(code) + count;
            }

            if (source.Server is { } server)
            {
                foreach (var (code, count) in server.FunctionCodeCounts)
                {
                    totals[code] = totals.GetValueOrDefault(code) + count;
                }
            }
        }

        return totals;
    }

    /// <summary>
    /// Starts the servers and, when <paramref name="time"/> is given, a loop that advances the plant in real time.
    /// Pass null to drive time yourself with <see cref="AdvanceTo"/> (simulated clock).
    /// </summary>
    public static async Task<SimulatedPlant> StartAsync(AgentConfig config, SimulatorOptions options, TimeProvider? time, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var plant = new SimulatedPlant(config, options, loggers);
        var modbusSources = config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp).ToList();
        var flaky = options.FlakySources?.ToHashSet(StringComparer.Ordinal) ?? DefaultFlaky(config, modbusSources);
        foreach (var source in modbusSources)
        {
            var store = new ModbusDataStore();
            var equipment = config.Equipment.Where(e => e.Source == source.Id).ToList();
            foreach (var e in equipment)
            {
                foreach (var tag in e.Tags)
                {
                    var (table, count) = Layout(tag);
                    store.AddRange((byte)source.UnitId, table, (ushort)tag.Address, count);
                }
            }

            var sim = new SourceSim(source, equipment, store, flaky.Contains(source.Id));
            plant._sources[source.Id] = sim;
        }

        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        plant.AdvanceTo(now);
        foreach (var sim in plant._sources.Values)
        {
            sim.Server = plant.StartServer(sim, 0);
            sim.Port = sim.Server.Port;
        }

        if (time is not null)
        {
            plant._loop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            plant._loopTask = plant.RunAsync(time, plant._loop.Token);
        }

        await Task.CompletedTask.ConfigureAwait(false);
        return plant;
    }

    /// <summary>Advances the plant to <paramref name="nowUtc"/> and updates every device's registers.</summary>
    public void AdvanceTo(DateTime nowUtc)
    {
        lock (_lock)
        {
            Model.Advance(nowUtc);
            foreach (var sim in _sources.Values)
            {
                foreach (var equipment in sim.Equipment)
                {
                    foreach (var tag in equipment.Tags)
                    {
                        Write(sim, equipment, tag);
                    }
                }
            }
        }
    }

    /// <summary>Takes a flaky (or any) source off the network, or brings it back on the same port.</summary>
    public async Task SetOnlineAsync(string sourceId, bool online)
    {
        var sim = _sources[sourceId];
        if (online && sim.Server is null)
        {
            sim.Server = StartServer(sim, sim.Port);
            Log.BackOnline(_logger, sourceId, sim.Port);
        }
        else if (!online && sim.Server is { } server)
        {
            sim.Server = null;
            foreach (var (code, count) in server.FunctionCodeCounts)
            {
                sim.FunctionCodes[code] = sim.FunctionCodes.GetValueOrDefault(code) + count;
            }

            await server.StopAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            Log.DroppedOff(_logger, sourceId);
        }
    }

    private async Task RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        using var timer = new PeriodicTimer(_options.UpdateInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                AdvanceTo(now.UtcDateTime);
                var phase = (now - started).Ticks % _options.FlakyPeriod.Ticks;
                var shouldBeOnline = phase < (_options.FlakyPeriod - _options.FlakyDowntime).Ticks;
                foreach (var (id, sim) in _sources)
                {
                    if (sim.Flaky && (sim.Server is not null) != shouldBeOnline)
                    {
                        await SetOnlineAsync(id, shouldBeOnline).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private ModbusTcpServer StartServer(SourceSim sim, int port)
    {
        var server = new ModbusTcpServer(sim.Store, new ModbusTcpServerOptions { Port = port }, _loggers.CreateLogger<ModbusTcpServer>());
        server.Start();
        return server;
    }

    private void Write(SourceSim sim, EquipmentConfig equipment, TagConfig tag)
    {
        var (value, text) = Model.ValueOf(equipment, tag);
        var unit = (byte)sim.Source.UnitId;
        var (table, _) = Layout(tag);
        var address = (ushort)tag.Address;
        if (table is ModbusTable.Coil or ModbusTable.DiscreteInput)
        {
            sim.Store.SetBit(unit, table, address, value != 0);
        }
        else if (tag.Type == TagType.String)
        {
            sim.Store.SetString(unit, table, address, text ?? "", tag.Length * 2, Byte(tag));
        }
        else
        {
            sim.Store.SetValue(unit, table, address, PlantModel.ToRaw(tag, value), Type(tag), Byte(tag), Word(tag));
        }
    }

    private static (ModbusTable Table, int Count) Layout(TagConfig tag)
    {
        var table = tag.Table switch
        {
            TagTable.Coil => ModbusTable.Coil,
            TagTable.Discrete => ModbusTable.DiscreteInput,
            TagTable.Holding => ModbusTable.HoldingRegister,
            _ => ModbusTable.InputRegister,
        };
        var count = table is ModbusTable.Coil or ModbusTable.DiscreteInput ? 1 : ModbusValueCodec.RegisterCount(Type(tag), tag.Length * 2);
        return (table, count);
    }

    private static ModbusDataType Type(TagConfig tag) => tag.Type switch
    {
        TagType.Bool => ModbusDataType.UInt16,
        TagType.Int16 => ModbusDataType.Int16,
        TagType.UInt16 => ModbusDataType.UInt16,
        TagType.Int32 => ModbusDataType.Int32,
        TagType.UInt32 => ModbusDataType.UInt32,
        TagType.Int64 => ModbusDataType.Int64,
        TagType.UInt64 => ModbusDataType.UInt64,
        TagType.Float32 => ModbusDataType.Float32,
        TagType.Float64 => ModbusDataType.Float64,
        _ => ModbusDataType.String,
    };

    private static ModbusByteOrder Byte(TagConfig tag) => tag.ByteOrder == Endianness.Big ? ModbusByteOrder.BigEndian : ModbusByteOrder.LittleEndian;

    private static ModbusWordOrder Word(TagConfig tag) => tag.WordOrder == Endianness.Big ? ModbusWordOrder.BigEndian : ModbusWordOrder.LittleEndian;

    private static HashSet<string> DefaultFlaky(AgentConfig config, List<SourceConfig> sources)
    {
        var robots = config.Equipment.Where(e => e.Type == EquipmentType.Robot && e.Source is not null).Select(e => e.Source!).Distinct().ToList();
        var pick = robots.Count >= 2 ? robots[1] : sources.LastOrDefault()?.Id;
        return pick is null ? [] : [pick];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop.CancelAsync().ConfigureAwait(false);
            await _loopTask!.ConfigureAwait(false);
            _loop.Dispose();
        }

        foreach (var sim in _sources.Values)
        {
            if (sim.Server is { } server)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class SourceSim(SourceConfig source, List<EquipmentConfig> equipment, ModbusDataStore store, bool flaky)
    {
        public SourceConfig Source { get; } = source;
        public List<EquipmentConfig> Equipment { get; } = equipment;
        public ModbusDataStore Store { get; } = store;
        public bool Flaky { get; } = flaky;
        public ModbusTcpServer? Server { get; set; }
        public int Port { get; set; }
        public Dictionary<byte, long> FunctionCodes { get; } = [];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Simulated device {SourceId} dropped off the network")]
        public static partial void DroppedOff(ILogger logger, string sourceId);

        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Simulated device {SourceId} back on port {Port}")]
        public static partial void BackOnline(ILogger logger, string sourceId, int port);
    }
}
