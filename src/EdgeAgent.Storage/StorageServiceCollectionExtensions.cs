using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>Wiring of the storage area.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite database in <paramref name="dataFolder"/> (which overrides <c>$.storage.dataFolder</c>, as
    /// <c>--data</c> does) with the options of <paramref name="config"/>.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, StorageConfig config, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(config);
        return services.AddSqliteStorage(options =>
        {
            options.DataFolder = dataFolder;
            options.RetentionDays = config.RetentionDays;
            options.RetentionBatchRows = config.BatchSize;
        });
    }

    /// <summary>
    /// Adds <see cref="SqliteStorage"/>, <see cref="RollupStore"/> (when an <see cref="AgentConfig"/> is registered),
    /// the retention pass and the rollup rebuilds. Options are validated at start. The first call wins.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(SqliteStorage)))
        {
            // Already added: options configure actions add up, so a second call would silently move the database.
            return services;
        }

        services.AddOptions<SqliteStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            options.AgentId ??= sp.GetService<AgentConfig>()?.Site.AgentId;
            return new SqliteStorage(options, sp.GetRequiredService<ILogger<SqliteStorage>>());
        });
        services.TryAddSingleton(sp =>
        {
            var config = sp.GetService<AgentConfig>()
                ?? throw new InvalidOperationException("RollupStore needs the plant configuration (AgentConfig) registered in the container");
            return new RollupStore(sp.GetRequiredService<SqliteStorage>(), config,
                TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone), sp.GetRequiredService<ILogger<RollupStore>>());
        });
        services.AddHostedService<RetentionService>();
        services.AddHostedService(sp => new RollupService(
            sp.GetRequiredService<SqliteStorage>(),
            sp.GetService<AgentConfig>() is null ? null : sp.GetRequiredService<RollupStore>(),
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RollupService>>()));
        return services;
    }
}
