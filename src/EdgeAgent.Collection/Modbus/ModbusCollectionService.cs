using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.Modbus;

/// <summary>Runs one <see cref="ModbusSourceCollector"/> per modbus-tcp source of the configuration.</summary>
public sealed class ModbusCollectionService : SourceCollectionService<ModbusSourceCollector>
{
    private readonly ModbusReconnectOptions _reconnect;

    public ModbusCollectionService(AgentConfig config, IngestChannel channel, TimeProvider time, ILoggerFactory loggers, ModbusReconnectOptions reconnect)
        : base(config, channel, time, loggers)
    {
        _reconnect = reconnect;
    }

    /// <summary>Builds the collectors for every modbus-tcp source of <paramref name="config"/>.</summary>
    public static IEnumerable<(SourceConfig Source, List<ModbusTagBinding> Bindings)> Bind(AgentConfig config) =>
        Bind(config, SourceProtocol.ModbusTcp, static (key, tag, index) => new ModbusTagBinding(key, tag, index));

    /// <inheritdoc/>
    protected override IEnumerable<ModbusSourceCollector> BuildCollectors()
    {
        var logger = Loggers.CreateLogger<ModbusSourceCollector>();
        foreach (var (source, bindings) in Bind(Config))
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
                Loggers.CreateLogger<ModbusTcpClient>());
            yield return new ModbusSourceCollector(source, bindings, client, Channel.Writer, Time, logger, _reconnect);
        }
    }
}
