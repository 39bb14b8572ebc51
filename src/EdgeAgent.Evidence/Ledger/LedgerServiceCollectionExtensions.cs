using EdgeAgent.Core.Configuration;
using EdgeAgent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>Wiring of the evidence ledger.</summary>
public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LedgerService"/> (in the <see cref="SqliteStorage"/> database, keys in its data folder) and the
    /// background closer that seals every finished day. Needs <see cref="AgentConfig"/> and <see cref="SqliteStorage"/> registered.
    /// </summary>
    public static IServiceCollection AddEvidenceLedger(this IServiceCollection services, Action<LedgerOptions>? configure = null)
    {
        var options = new LedgerOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LedgerService(
            sp.GetRequiredService<SqliteStorage>(),
            sp.GetRequiredService<AgentConfig>(),
            sp.GetRequiredService<LedgerOptions>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<LedgerCloserService>();
        return services;
    }
}
