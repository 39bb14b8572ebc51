using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Storage;

/// <summary>Wiring of the storage area.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the SQLite database in <paramref name="dataFolder"/> and the hourly retention pass.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, StorageConfig config, string dataFolder)
    {
        services.TryAddSingleton(config);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteStorage(dataFolder, sp.GetRequiredService<ILogger<SqliteStorage>>()));
        services.AddHostedService<RetentionService>();
        return services;
    }
}
