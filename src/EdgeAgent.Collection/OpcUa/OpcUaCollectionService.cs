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

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (source, bindings) in Bind(_config))
        {
            _collectors.Add(new OpcUaSourceCollector(source, bindings, _channel.Writer, _time, _loggers, _reconnect));
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
            // Closes every session on its server, so a restart of the agent leaves none behind.
            foreach (var collector in _collectors)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
