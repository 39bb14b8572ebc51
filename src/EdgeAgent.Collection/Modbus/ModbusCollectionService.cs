using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Modbus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.Modbus;

/// <summary>Runs one <see cref="ModbusSourceCollector"/> per modbus-tcp source of the configuration.</summary>
public sealed class ModbusCollectionService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly IngestChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ModbusReconnectOptions _reconnect;
    private readonly List<ModbusSourceCollector> _collectors = [];

    public ModbusCollectionService(AgentConfig config, IngestChannel channel, TimeProvider time, ILoggerFactory loggers, ModbusReconnectOptions reconnect)
    {
        _config = config;
        _channel = channel;
        _time = time;
        _loggers = loggers;
        _reconnect = reconnect;
    }

    /// <summary>The collectors, one per source (available once started).</summary>
    public IReadOnlyList<ModbusSourceCollector> Collectors => _collectors;

    /// <summary>Builds the collectors for every modbus-tcp source of <paramref name="config"/>.</summary>
    public static IEnumerable<(SourceConfig Source, List<ModbusTagBinding> Bindings)> Bind(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var source in config.Sources.Where(s => s.Protocol == SourceProtocol.ModbusTcp))
        {
            var bindings = new List<ModbusTagBinding>();
            foreach (var equipment in config.Equipment.Where(e => e.Source == source.Id))
            {
                foreach (var tag in equipment.Tags)
                {
                    bindings.Add(new ModbusTagBinding(new TagKey(equipment.Id, tag.Name), tag, bindings.Count));
                }
            }

            yield return (source, bindings);
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = _loggers.CreateLogger<ModbusSourceCollector>();
        foreach (var (source, bindings) in Bind(_config))
        {
            var client = new ModbusTcpClient(
                new ModbusTcpClientOptions
                {
                    Host = source.Host,
                    Port = source.Port,
                    UnitId = (byte)source.UnitId,
                    RequestTimeout = TimeSpan.FromMilliseconds(source.RequestTimeoutMs),
                    ConnectTimeout = TimeSpan.FromMilliseconds(Math.Max(source.RequestTimeoutMs, 1000)),
                },
                _loggers.CreateLogger<ModbusTcpClient>());
            _collectors.Add(new ModbusSourceCollector(source, bindings, client, _channel.Writer, _time, logger, _reconnect));
        }

        try
        {
            await Task.WhenAll(_collectors.Select(c => c.RunAsync(stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            foreach (var collector in _collectors)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
