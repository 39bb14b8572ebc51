using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Publishing.Tests.Support;
using EdgeAgent.Web;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests;

public sealed class OutboxStatusTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLedger _ledger = new();

    [Fact]
    public async Task StatusAndMetricsShowDepthLastPushAndParkedReasons()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(2);
        receiver.Answer(422, body: "day 2026-03-01 fails schema check");
        var options = PublishingHarness.TestOptions(_ledger, p =>
        {
            p.Https.Url = receiver.Url.ToString();
            p.Https.CaCertificatePath = receiver.CertificatePath;
        });
        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Https, 2, TimeSpan.FromSeconds(20));
        await harness.StopAsync();
        await _ledger.AddDaysAsync(1);
        harness.Feed();

        var status = Service(harness.Monitor);
        var json = JsonNode.Parse(JsonSerializer.Serialize(status.Status(), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var outbox = json["outbox"]!;
        Assert.Equal(1, (long)outbox["depth"]!);
        Assert.EndsWith("Z", (string)outbox["lastPush"]!, StringComparison.Ordinal);
        var channel = outbox["channels"]![0]!;
        Assert.Equal("https", (string)channel["channel"]!);
        Assert.Equal((1L, 1L, 1L), ((long)channel["depth"]!, (long)channel["delivered"]!, (long)channel["parked"]!));
        var parked = outbox["parked"]![0]!;
        Assert.Equal(1L, (long)parked["recordSeq"]!);
        Assert.Equal("HTTP 422 Unprocessable Entity: day 2026-03-01 fails schema check", (string)parked["reason"]!);
        Assert.Contains(json["alerts"]!.AsArray(), a => ((string)a!).Contains("record refused (https, record 1, day 2026-03-01): HTTP 422", StringComparison.Ordinal));

        var metrics = status.Metrics();
        Assert.Contains("edgeagent_outbox_depth{channel=\"https\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("edgeagent_outbox_delivered_total{channel=\"https\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("edgeagent_outbox_parked{channel=\"https\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE edgeagent_outbox_last_push_timestamp_seconds gauge\nedgeagent_outbox_last_push_timestamp_seconds{channel=\"https\"} 1", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("edgeagent_outbox_connected{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutPublishingTheOutboxIsEmpty()
    {
        var status = Service(null);

        var json = JsonNode.Parse(JsonSerializer.Serialize(status.Status(), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

        Assert.Equal(0, (long)json["outbox"]!["depth"]!);
        Assert.Null(json["outbox"]!["lastPush"]);
        Assert.Empty(json["outbox"]!["channels"]!.AsArray());
        Assert.Contains("# TYPE edgeagent_outbox_depth gauge\n", status.Metrics(), StringComparison.Ordinal);
    }

    public void Dispose() => _ledger.Dispose();

    private StatusService Service(OutboxMonitor? monitor) => new(
        _ledger.Config, new AgentInfo("1.2.3", DateTime.UtcNow, _ledger.DataFolder, "run"), new LiveState(), new IngestMetrics(), new IngestChannel(),
        _ledger.Storage, TimeProvider.System, monitor);
}
