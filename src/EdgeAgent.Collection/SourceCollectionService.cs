using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection;

/// <summary>
/// The hosting loop shared by the protocol collection services: one collector per source of the protocol, all run
/// until shutdown, then each disposed (closing its connection, so a restart of the agent leaves none behind on the
/// device or server). How a collector is made for a source is the protocol's business.
/// </summary>
public abstract class SourceCollectionService<TCollector> : BackgroundService
    where TCollector : ISourceCollector
{
    private readonly List<TCollector> _collectors = [];

    protected SourceCollectionService(AgentConfig config, IngestChannel channel, TimeProvider time, ILoggerFactory loggers)
    {
        Config = config;
        Channel = channel;
        Time = time;
        Loggers = loggers;
    }

    /// <summary>The collectors, one per source (available once started).</summary>
    public IReadOnlyList<TCollector> Collectors => _collectors;

    protected AgentConfig Config { get; }

    protected IngestChannel Channel { get; }

    protected TimeProvider Time { get; }

    protected ILoggerFactory Loggers { get; }

    /// <summary>
    /// The tags of every <paramref name="protocol"/> source of <paramref name="config"/>, in configuration order, each
    /// made into the protocol's binding by <paramref name="bind"/> (tag key, tag, index within the source).
    /// </summary>
    protected static IEnumerable<(SourceConfig Source, List<TBinding> Bindings)> Bind<TBinding>(
        AgentConfig config,
        SourceProtocol protocol,
        Func<TagKey, TagConfig, int, TBinding> bind)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var source in config.Sources.Where(s => s.Protocol == protocol))
        {
            var bindings = new List<TBinding>();
            foreach (var equipment in config.Equipment.Where(e => e.Source == source.Id))
            {
                foreach (var tag in equipment.Tags)
                {
                    bindings.Add(bind(new TagKey(equipment.Id, tag.Name), tag, bindings.Count));
                }
            }

            yield return (source, bindings);
        }
    }

    /// <summary>One collector per source of the protocol, made when the service starts.</summary>
    protected abstract IEnumerable<TCollector> BuildCollectors();

    /// <inheritdoc/>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _collectors.AddRange(BuildCollectors());

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
