using EdgeAgent.Core.Configuration;
using EdgeAgent.Publishing.Https;
using EdgeAgent.Publishing.Mqtt;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing;

/// <summary>Wiring of publishing.</summary>
public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbox (table in <c>edgeagent.db</c>), its feeder from the ledger, one dispatcher per channel (each idle
    /// unless <c>$.publishing</c> configures it) and the <see cref="OutboxMonitor"/> the status page reads. Needs
    /// <see cref="AgentConfig"/>, <see cref="SqliteStorage"/> and the evidence ledger registered.
    /// </summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, Action<PublishingOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = PublishingOptions.From(sp.GetRequiredService<AgentConfig>());
            configure?.Invoke(options);
            return options;
        });
        services.TryAddSingleton(sp => new OutboxStore(sp.GetRequiredService<SqliteStorage>()));
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxMonitor>();
        services.TryAddSingleton<OutboxFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxFeeder>());

        // Registered as plain IHostedService factories: AddHostedService would keep only one of two same-typed services.
        services.AddSingleton<IHostedService>(sp => Dispatcher(sp, OutboxChannel.Https,
            () => new HttpsRecordPublisher(sp.GetRequiredService<PublishingOptions>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IHostedService>(sp => Dispatcher(sp, OutboxChannel.Mqtt,
            () => new MqttRecordPublisher(sp.GetRequiredService<PublishingOptions>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    private static OutboxDispatcher Dispatcher(IServiceProvider sp, OutboxChannel channel, Func<IRecordPublisher> create) => new(
        channel,
        create,
        sp.GetRequiredService<OutboxStore>(),
        sp.GetRequiredService<OutboxSignal>(),
        sp.GetRequiredService<OutboxMonitor>(),
        sp.GetRequiredService<PublishingOptions>(),
        sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILogger<OutboxDispatcher>>());
}
