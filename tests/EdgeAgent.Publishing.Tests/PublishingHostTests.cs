using EdgeAgent.Core.Configuration;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Publishing.Tests.Support;
using EdgeAgent.TestPeers.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests;

public sealed class PublishingHostTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLedger _ledger = new();

    [Fact]
    public async Task AddPublishingRunsTheFeederAndBothDispatchers()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await using var broker = new MosquittoBroker();
        await broker.StartAsync();
        await _ledger.AddDaysAsync(2);
        _ledger.Config.Publishing = new PublishingConfig
        {
            Https = new PublishingHttpsConfig { Url = receiver.Url.ToString(), CaCertificatePath = receiver.CertificatePath },
            Mqtt = new PublishingMqttConfig { Host = "127.0.0.1", Port = broker.Port, Tls = false },
        };

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(new TestLoggerProvider(output));
        builder.Services.AddSingleton(_ledger.Config);
        builder.Services.AddSingleton(_ledger.Storage);
        builder.Services.AddSingleton(_ledger.Ledger);
        builder.Services.AddPublishing(o => o.FeedInterval = TimeSpan.FromMilliseconds(200));
        using var host = builder.Build();
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<OutboxMonitor>();
        await Eventually.HoldsAsync(() => monitor.Snapshot() is { Depth: 0, Channels.Count: 2 } s && s.Channels.All(c => c.Delivered == 2),
            TimeSpan.FromSeconds(20), () => string.Join("; ", monitor.Snapshot().Channels));

        // A day closed while running is picked up by the feeder's timer.
        await _ledger.AddDaysAsync(1);
        await Eventually.HoldsAsync(() => monitor.Snapshot().Channels.All(c => c.Delivered == 3), TimeSpan.FromSeconds(20), () => string.Join("; ", monitor.Snapshot().Channels));
        await host.StopAsync();

        Assert.Equal(["1", "2", "3"], receiver.Requests.Select(r => r.RecordSeq));
        Assert.Contains("edgeagent-gw-p", broker.Log, StringComparison.Ordinal);
    }

    public void Dispose() => _ledger.Dispose();
}
