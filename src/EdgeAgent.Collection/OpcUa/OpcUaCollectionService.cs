using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>Runs one <see cref="OpcUaSourceCollector"/> per opc-ua source of the configuration.</summary>
public sealed class OpcUaCollectionService : SourceCollectionService<OpcUaSourceCollector>
{
    private readonly OpcUaReconnectOptions _reconnect;

    /// <summary>Collects every opc-ua source of <paramref name="config"/> into <paramref name="channel"/>.</summary>
    public OpcUaCollectionService(AgentConfig config, IngestChannel channel, TimeProvider time, ILoggerFactory loggers, OpcUaReconnectOptions reconnect)
        : base(config, channel, time, loggers)
    {
        _reconnect = reconnect;
    }

    /// <summary>The tags of every opc-ua source of <paramref name="config"/>, in configuration order.</summary>
    public static IEnumerable<(SourceConfig Source, List<OpcUaTagBinding> Bindings)> Bind(AgentConfig config) =>
        Bind(config, SourceProtocol.OpcUa, static (key, tag, index) => new OpcUaTagBinding(key, tag, index));

    /// <summary>
    /// One collector per opc-ua source of <paramref name="config"/>. With <paramref name="forcePolling"/> every source
    /// reads on each <see cref="OpcUaSourceCollector.PollOnceAsync"/> instead of subscribing: what a driver stepping a
    /// simulated clock needs, since a subscription publishes on the server's real-time schedule.
    /// </summary>
    public static List<OpcUaSourceCollector> CreateCollectors(
        AgentConfig config,
        ChannelWriter<IngestMessage> writer,
        TimeProvider time,
        ILoggerFactory loggers,
        OpcUaReconnectOptions? reconnect = null,
        bool forcePolling = false)
    {
        var collectors = new List<OpcUaSourceCollector>();
        foreach (var (source, bindings) in Bind(config))
        {
            source.Polling |= forcePolling;
            collectors.Add(new OpcUaSourceCollector(source, bindings, writer, time, loggers, reconnect));
        }

        return collectors;
    }

    /// <inheritdoc/>
    protected override IEnumerable<OpcUaSourceCollector> BuildCollectors() =>
        CreateCollectors(Config, Channel.Writer, Time, Loggers, _reconnect);
}
