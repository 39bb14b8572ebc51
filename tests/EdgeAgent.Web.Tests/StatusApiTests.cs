using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Model;
using EdgeAgent.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Web.Tests;

public sealed class StatusApiTests
{
    private static readonly DateTime Now = WebApiHost.Noon.UtcDateTime;

    [Fact]
    public async Task StatusCarriesVersionUptimeStorageAndOutbox()
    {
        await using var host = await WebApiHost.StartAsync();
        await host.StatusAsync("src-a", Now.AddDays(-2), online: true, "connected");
        await host.CycleAsync("src-a", Now.AddDays(-2), good: true,
            new Sample(new TagKey("cnc-a", "spindleSpeed"), Now.AddDays(-2).AddHours(-13), 10, null, SampleQuality.Good));
        await host.UntilAsync(() => host.Storage.GetInfo().OldestSampleUtc is not null, "a stored sample");

        var status = (await host.Client.GetFromJsonAsync<JsonObject>("/api/status"))!;

        Assert.Equal("9.8.7", (string?)status["version"]);
        Assert.Equal("run", (string?)status["mode"]);
        Assert.Equal(300, (double)status["uptimeSeconds"]!, 6);
        Assert.Equal("plant-t", (string?)status["site"]!["id"]);
        Assert.Equal("C34", (string?)status["site"]!["industry"]);
        Assert.True((long)status["storage"]!["bytes"]! > 0);
        // 2026-03-07T15:00Z is 23:00 on 7 March in Shanghai: the oldest day is a plant-local day.
        Assert.Equal("2026-03-07", (string?)status["storage"]!["oldestDay"]);
        Assert.Equal(0, (int)status["outbox"]!["depth"]!);
        Assert.True(status["outbox"]!.AsObject().ContainsKey("lastPush"));
        Assert.Equal(2, (int)status["sources"]!["total"]!);
        Assert.Equal(1, (int)status["sources"]!["online"]!);
        Assert.Empty(status["alerts"]!.AsArray());
    }

    [Fact]
    public async Task EmptyStorageHasNoOldestDay()
    {
        await using var host = await WebApiHost.StartAsync();

        var status = (await host.Client.GetFromJsonAsync<JsonObject>("/api/status"))!;

        Assert.Null(status["storage"]!["oldestDay"]);
        Assert.True(status["storage"]!.AsObject().ContainsKey("oldestDay"));
    }

    [Fact]
    public async Task OfflineSourceRaisesAnAlertWithItsReason()
    {
        await using var host = await WebApiHost.StartAsync();
        await host.StatusAsync("src-a", Now.AddMinutes(-1), online: true, "connected");
        await host.StatusAsync("src-b", Now.AddSeconds(-10), online: false, "connection refused");
        await host.UntilAsync(() => host.Live.Sources.Count == 2, "both sources in live state");

        var status = (await host.Client.GetFromJsonAsync<JsonObject>("/api/status"))!;

        var alert = Assert.Single(status["alerts"]!.AsArray());
        Assert.StartsWith("设备离线 source offline: src-b", (string?)alert);
        Assert.Contains("connection refused", (string?)alert);
        Assert.Equal(1, (int)status["sources"]!["online"]!);
    }

    [Fact]
    public async Task FailingStorageWritesRaiseAnAlertDegradeHealthAndRecover()
    {
        await using var host = await WebApiHost.StartAsync();
        // A real SQLite failure on the recorder's real write path: a trigger (added from a second connection, as an
        // administrator with sqlite3 could) aborts every sample insert until it is dropped.
        await using (var admin = new SqliteConnection($"Data Source={host.Storage.DatabasePath}"))
        {
            admin.Open();
            using var trigger = admin.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_samples BEFORE INSERT ON samples BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END;";
            trigger.ExecuteNonQuery();
        }

        await host.CycleAsync("src-a", Now, good: true, new Sample(new TagKey("cnc-a", "spindleSpeed"), Now, 42, null, SampleQuality.Good));
        await host.UntilAsync(() => host.Storage.ReadCycles(Now.AddHours(-1), Now.AddHours(1)).Count == 0 &&
            host.Client.GetFromJsonAsync<JsonObject>("/api/status").Result!["alerts"]!.AsArray().Count > 0, "a storage alert");

        var status = (await host.Client.GetFromJsonAsync<JsonObject>("/api/status"))!;
        var alert = (string?)Assert.Single(status["alerts"]!.AsArray());
        Assert.StartsWith("存储写入失败 storage write failing", alert);
        Assert.Contains("disk I/O error (test)", alert);
        Assert.Contains("disk I/O error (test)", (string?)status["storage"]!["lastError"]);
        Assert.Equal(1, (long)status["storage"]!["pendingSamples"]!);
        using var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("degraded: storage: ", await health.Content.ReadAsStringAsync());
        Assert.Contains("edgeagent_storage_pending_samples 1\n", await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        // Once the cause is gone the held sample is written (nothing was dropped) and the alert clears.
        await using (var admin = new SqliteConnection($"Data Source={host.Storage.DatabasePath}"))
        {
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = "DROP TRIGGER refuse_samples;";
            drop.ExecuteNonQuery();
        }

        await host.UntilAsync(() => host.Storage.ReadSamples(Now.AddHours(-1), Now.AddHours(1)).Any(), "the held sample stored");
        await host.UntilAsync(() => host.Client.GetFromJsonAsync<JsonObject>("/api/status").Result!["alerts"]!.AsArray().Count == 0, "alert cleared");
        Assert.Equal("ok", await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }
}
