using EdgeAgent.Collection.Ingest;
using EdgeAgent.Collection.Modbus;
using EdgeAgent.Collection.OpcUa;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Collection;

/// <summary>Wiring of the collection area: ingest channel, recorder, live state, collectors.</summary>
public static class CollectionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ingest pipeline (bounded channel → recorder → <see cref="IIngestSink"/>) and live state. Register the
    /// recorder before the collectors: hosted services stop in reverse order, so collectors stop first and the recorder
    /// drains what they handed over.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new IngestChannel());
        services.TryAddSingleton<LiveState>();
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton(sp =>
        {
            var config = sp.GetRequiredService<AgentConfig>();
            var deadbands = config.Equipment
                .SelectMany(e => e.Tags.Select(t => (Key: new TagKey(e.Id, t.Name), t.Deadband)))
                .ToDictionary(x => x.Key, x => x.Deadband);
            return new DeadbandFilter(k => deadbands.GetValueOrDefault(k), TimeSpan.FromSeconds(config.Storage.HeartbeatSeconds));
        });
        services.TryAddSingleton(sp =>
        {
            var config = sp.GetRequiredService<AgentConfig>();
            return new RecorderOptions { BatchSize = config.Storage.BatchSize, Heartbeat = TimeSpan.FromSeconds(config.Storage.HeartbeatSeconds) };
        });
        services.AddHostedService<Recorder>();
        return services;
    }

    /// <summary>Makes the SQLite database the recorder's sink.</summary>
    public static IServiceCollection AddSqliteIngestSink(this IServiceCollection services)
    {
        services.TryAddSingleton<IIngestSink, SqliteIngestSink>();
        return services;
    }

    /// <summary>Adds one collector per modbus-tcp source.</summary>
    public static IServiceCollection AddModbusCollection(this IServiceCollection services)
    {
        services.TryAddSingleton<ModbusReconnectOptions>();
        services.TryAddSingleton<ModbusCollectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ModbusCollectionService>());
        return services;
    }

    /// <summary>Adds one collector per opc-ua source (subscriptions, or Read polling where the source asks for it).</summary>
    public static IServiceCollection AddOpcUaCollection(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new OpcUaReconnectOptions
        {
            Certificates = EdgeAgent.OpcUa.Pki.CertificateStore.ForDataFolder(
                sp.GetRequiredService<EdgeAgent.Storage.SqliteStorage>().DataFolder,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("EdgeAgent.OpcUa.Pki")),
        });
        services.TryAddSingleton<OpcUaCollectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<OpcUaCollectionService>());
        return services;
    }
}
