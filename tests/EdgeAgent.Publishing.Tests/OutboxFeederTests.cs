using System.Text;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Publishing.Tests.Support;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests;

public sealed class OutboxFeederTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLedger _ledger = new();

    [Fact]
    public async Task EveryRecordIncludingCorrectionsIsQueuedOncePerEnabledChannel()
    {
        await _ledger.AddDaysAsync(3);
        await _ledger.AddCorrectionAsync(TestLedger.FirstDay);
        await using var harness = new PublishingHarness(_ledger, BothChannels(), output);

        Assert.Equal(8, harness.Feed());
        Assert.Equal(0, harness.Feed());

        var records = _ledger.AllRecords();
        foreach (var channel in new[] { OutboxChannel.Https, OutboxChannel.Mqtt })
        {
            var items = harness.Store.Items(channel);
            Assert.Equal([1L, 2L, 3L, 4L], items.Select(i => i.RecordSeq));
            Assert.Equal(records.Select(r => Encoding.ASCII.GetBytes(r.Jws)), items.Select(i => i.Payload));
            Assert.Equal(records.Select(r => r.RecordHash), items.Select(i => i.IdempotencyKey));
            Assert.Equal(["final", "final", "final", "correction"], items.Select(i => i.Kind));
            Assert.All(items, i => Assert.Equal((OutboxState.Pending, 0), (i.State, i.Attempts)));
        }
    }

    [Fact]
    public async Task AChannelEnabledLaterReceivesTheWholeLedger()
    {
        await _ledger.AddDaysAsync(2);
        var httpsOnly = PublishingHarness.TestOptions(_ledger, p => p.Https.Url = "https://platform.example/records");
        await using (var first = new PublishingHarness(_ledger, httpsOnly, output))
        {
            Assert.Equal(2, first.Feed());
        }

        await _ledger.AddDaysAsync(1);
        await using var both = new PublishingHarness(_ledger, BothChannels(), output);

        Assert.Equal(4, both.Feed());
        Assert.Equal([1L, 2L, 3L], both.Store.Items(OutboxChannel.Mqtt).Select(i => i.RecordSeq));
        Assert.Equal([1L, 2L, 3L], both.Store.Items(OutboxChannel.Https).Select(i => i.RecordSeq));
    }

    [Fact]
    public async Task NothingIsQueuedWhilePublishingIsOff()
    {
        await _ledger.AddDaysAsync(2);
        await using var harness = new PublishingHarness(_ledger, PublishingHarness.TestOptions(_ledger, _ => { }), output);

        Assert.Equal(0, harness.Feed());
        Assert.Equal(OutboxStatus.Empty.Channels, harness.Monitor.Snapshot().Channels);
        Assert.Empty(harness.Store.Items(OutboxChannel.Https));
    }

    public void Dispose() => _ledger.Dispose();

    private PublishingOptions BothChannels() => PublishingHarness.TestOptions(_ledger, p =>
    {
        p.Https.Url = "https://platform.example/records";
        p.Mqtt.Host = "broker.example";
    });
}
