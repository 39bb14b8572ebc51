using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>Runs one <see cref="OpcUaSourceCollector"/> per opc-ua source of the configuration.</summary>
public sealed class OpcUaCollectionService : BackgroundService
{
    private readonly AgentConfig _config;
    private readonly IngestChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly OpcUaReconnectOptions _reconnect;
    private readonly List<OpcUaSourceCollector> _collectors = [];

    /// <summary>Collects every opc-ua source of <paramref name="config"/> into <paramref name="channel"/>.</summary>
    public OpcUaCollectionService(AgentConfig config, IngestChannel channel, TimeProvider time, ILoggerFactory loggers, OpcUaReconnectOptions reconnect)
    {
        _config = config;
        _channel = channel;
        _time = time;
        _loggers = loggers;
        _reconnect = reconnect;
    }

    /// <summary>The collectors, one per source (available once started).</summary>
    public IReadOnlyList<OpcUaSourceCollector> Collectors => _collectors;

    /// <summary>The tags of every opc-ua source of <paramref name="config"/>, in configuration order.</summary>
    public static IEnumerable<(SourceConfig Source, List<OpcUaTagBinding> Bindings)> Bind(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var source in config.Sources.Where(s => s.Protocol == SourceProtocol.OpcUa))
        {
            var bindings = new List<OpcUaTagBinding>();
            foreach (var equipment in config.Equipment.Where(e => e.Source == source.Id))
            {
                foreach (var tag in equipment.Tags)
                {
                    bindings.Add(new OpcUaTagBinding(new TagKey(equipment.Id, tag.Name), tag, bindings.Count));
                }
            }

            yield return (source, bindings);
        }
    }

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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _collectors.AddRange(CreateCollectors(_config, _channel.Writer, _time, _loggers, _reconnect));

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
            // Closes every session on its server, so a restart of the agent leaves none behind.
            foreach (var collector in _collectors)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
