using System.Text;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence;
using EdgeAgent.Mqtt;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Publishing.Tests.Support;
using EdgeAgent.TestPeers.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests;

public sealed class MqttPublishingTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLedger _ledger = new();
    private readonly TempFolder _pki = new();

    [Theory]
    [InlineData(PublishingMqttVersion.V500)]
    [InlineData(PublishingMqttVersion.V311)]
    public async Task ASubscriberReceivesBytesIdenticalToTheSignedRecord(PublishingMqttVersion version)
    {
        await using var broker = await Brokers.StartAsync();
        var options = Options(broker, version);
        await using var subscriber = await RecordSubscriber.StartAsync(SubscriberOptions(broker), options.MqttTopic(), output);
        var records = await _ledger.AddDaysAsync(2);
        records = [.. records, await _ledger.AddCorrectionAsync(TestLedger.FirstDay)];

        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Mqtt, 3, TimeSpan.FromSeconds(20));
        await Eventually.HoldsAsync(() => subscriber.Messages.Count >= 3, TimeSpan.FromSeconds(10), () => $"{subscriber.Messages.Count} messages");

        var messages = subscriber.Messages.ToList();
        Assert.Equal(records.Select(r => Encoding.ASCII.GetBytes(r.Jws)), messages.Select(m => m.Payload.ToArray()));
        Assert.All(messages, m => Assert.Equal("edgeagent/plant-p/gw-p/days", m.Topic));

        // The payload is the JWS; its payload part is the ledger's canonical record, byte for byte.
        var correction = messages[2].Payload.ToArray();
        var body = Encoding.ASCII.GetString(correction).Split('.')[1];
        Assert.Equal(records[2].RecordJson, EvidenceEncoding.FromBase64Url(body));
        Assert.Equal("correction", records[2].Kind);
    }

    [Fact]
    public async Task ALongBrokerOutageEndsWithEverythingDeliveredInOrderAndNothingPublishedTwice()
    {
        await using var broker = await Brokers.StartAsync();
        var options = Options(broker, PublishingMqttVersion.V500);
        await using var subscriber = await RecordSubscriber.StartAsync(SubscriberOptions(broker), options.MqttTopic(), output);
        await _ledger.AddDaysAsync(2);
        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Mqtt, 2, TimeSpan.FromSeconds(20));

        // The broker goes away; days keep closing (and a late sample corrects an old one) while the agent retries.
        await broker.StopAsync();
        await _ledger.AddDaysAsync(3);
        await _ledger.AddCorrectionAsync(TestLedger.FirstDay.AddDays(1));
        await _ledger.AddDaysAsync(1);
        harness.Feed();
        await Task.Delay(TimeSpan.FromSeconds(6));
        var during = harness.Monitor.Snapshot().Channels.Single();
        Assert.Equal(5, during.Depth);
        Assert.False(during.Connected);
        Assert.StartsWith("not connected", during.LastError, StringComparison.Ordinal);
        Assert.Equal(2, during.Delivered);

        await broker.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Mqtt, 7, TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => subscriber.Messages.Count >= 7, TimeSpan.FromSeconds(15), () => $"{subscriber.Messages.Count} messages");
        await Task.Delay(500);

        var expected = _ledger.AllRecords().Select(r => r.Jws).ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, subscriber.Messages.Select(m => Encoding.ASCII.GetString(m.Payload.Span)));

        // One PUBLISH per record from the agent's side: the outage was waited out by the client, not by new attempts.
        Assert.All(harness.Store.Items(OutboxChannel.Mqtt), i => Assert.Equal((OutboxState.Delivered, 1), (i.State, i.Attempts)));
        Assert.True(harness.Monitor.Snapshot().Channels.Single().Connected);
    }

    [Fact]
    public async Task ABrokerThatIsDownWhenTheAgentStartsIsRetriedUntilItComes()
    {
        var broker = new MosquittoBroker();
        await using var _ = broker;
        await _ledger.AddDaysAsync(2);
        var options = Options(broker, PublishingMqttVersion.V500);
        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => harness.Store.NextPending(OutboxChannel.Mqtt)?.Attempts >= 2, TimeSpan.FromSeconds(10), () => "no failed attempts");
        Assert.Contains("127.0.0.1", harness.Monitor.Snapshot().Channels.Single().LastError, StringComparison.Ordinal);

        await broker.StartAsync();
        await using var subscriber = await RecordSubscriber.StartAsync(SubscriberOptions(broker), options.MqttTopic(), output);
        await harness.WaitDeliveredAsync(OutboxChannel.Mqtt, 2, TimeSpan.FromSeconds(20));
        Assert.Equal(0, harness.Monitor.Snapshot().Depth);
    }

    [Fact]
    public async Task PublishesOverMutualTls()
    {
        var pki = TestPki.Create(_pki.Path);
        await using var broker = await Brokers.StartAsync(new MosquittoSettings
        {
            CaFile = pki.CaCertificatePath,
            CertFile = pki.ServerCertificatePath,
            KeyFile = pki.ServerKeyPath,
            RequireCertificate = true,
        });
        await _ledger.AddDaysAsync(1);
        var options = PublishingHarness.TestOptions(_ledger, p =>
        {
            p.Mqtt.Host = "localhost";
            p.Mqtt.Port = broker.Port;
            p.Mqtt.Tls = true;
            p.Mqtt.CaCertificatePath = pki.CaCertificatePath;
            p.Mqtt.ClientCertificatePath = pki.ClientCertificatePath;
            p.Mqtt.ClientKeyPath = pki.ClientKeyPath;
        });

        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Mqtt, 1, TimeSpan.FromSeconds(20));
        Assert.Equal(OutboxState.Delivered, harness.Store.Items(OutboxChannel.Mqtt).Single().State);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _pki.Dispose();
    }

    private PublishingOptions Options(MosquittoBroker broker, PublishingMqttVersion version) => PublishingHarness.TestOptions(_ledger, p =>
    {
        p.Mqtt.Host = "127.0.0.1";
        p.Mqtt.Port = broker.Port;
        p.Mqtt.Tls = false;
        p.Mqtt.ProtocolVersion = version;
        p.Mqtt.ClientId = "edgeagent-test-" + Guid.NewGuid().ToString("N")[..8];
        p.Mqtt.KeepAliveSeconds = 5;
    });

    private static MqttClientOptions SubscriberOptions(MosquittoBroker broker) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = "platform-" + Guid.NewGuid().ToString("N")[..8],
        KeepAlive = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };
}
