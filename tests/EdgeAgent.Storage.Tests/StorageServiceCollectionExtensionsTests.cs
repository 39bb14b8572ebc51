using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage.Tests;

public class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task HostRollsUpStoredDataAtStart()
    {
        using var folder = new TempFolder();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(RollupStoreTests.Plant());
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(StorageTestData.Utc("2025-03-03T18:00:00Z")));
        builder.Services.AddSqliteStorage(new StorageConfig { RetentionDays = 100 }, folder.Path);
        builder.Services.AddSqliteStorage(new StorageConfig(), "ignored: the first registration wins");
        using var host = builder.Build();

        var storage = host.Services.GetRequiredService<SqliteStorage>();
        Assert.Equal(Path.Combine(folder.Path, "edgeagent.db"), storage.DatabasePath);
        Assert.Equal("gateway-7", storage.GetMeta("agent_id"));
        Assert.Same(storage, host.Services.GetRequiredService<SqliteStorage>());
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<RollupService>());
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<RetentionService>());
        await RollupStoreTests.WriteDayAsync(storage);

        await host.StartAsync();
        try
        {
            // Catch-up runs from the oldest sample (2 March local) to the stopped clock's now (4 March, 02:00 local).
            var rollups = host.Services.GetRequiredService<RollupStore>();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (rollups.ReadDays(new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 4)).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(StorageTestData.Utc("2025-03-03T16:00:00Z"), storage.LatestRollupStartUtc(RollupPeriod.Day));
            var day = Assert.Single(rollups.ReadDays(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 3)));
            Assert.Equal(15, day.GoodParts);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void RetentionBelowTheMinimumIsRefusedWithItsJsonPath()
    {
        var services = new ServiceCollection();
        services.AddSqliteStorage(o =>
        {
            o.DataFolder = "unused";
            o.RetentionDays = 30;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);
        Assert.Contains("$.storage.retentionDays", ex.Message, StringComparison.Ordinal);
    }
}
