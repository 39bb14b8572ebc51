using EdgeAgent.TestPeers.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>The broker is stopped while messages flow and restarted on the same port with its persistence database.</summary>
public sealed class MqttReconnectTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly MosquittoBroker _broker = new();

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task EveryMessageArrivesInOrderAcrossABrokerRestart(MqttProtocolVersion version)
    {
        const int count = 400;
        const string topic = "plant/summaries";
        var subscriberOptions = TestClients.Options(_broker.Port, version, "restart-subscriber");
        var publisherOptions = TestClients.Options(_broker.Port, version, "restart-publisher");
        publisherOptions.PublishTimeout = TimeSpan.FromSeconds(60);
        await using var subscriber = TestClients.Create(subscriberOptions, output);
        await using var publisher = TestClients.Create(publisherOptions, output);
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce);
        await publisher.ConnectAsync();

        // Publish like an outbox with a window: many calls outstanding, a steady trickle.
        var publishing = Task.Run(async () =>
        {
            var pending = new List<Task>();
            for (var i = 0; i < count; i++)
            {
                pending.Add(publisher.PublishAsync(topic, BitConverter.GetBytes(i)));
                if (i % 10 == 9)
                {
                    await Task.Delay(15);
                }
            }

            await Task.WhenAll(pending);
        });

        await Task.Delay(400);
        await _broker.StopAsync();
        output.WriteLine("broker stopped");
        Assert.False(publishing.IsCompleted, "the restart should hit the middle of the stream");
        await Task.Delay(1500);
        await _broker.StartAsync();
        output.WriteLine("broker restarted");

        await publishing.WaitAsync(TimeSpan.FromSeconds(90));

        var firstSeen = new List<int>();
        var seen = new HashSet<int>();
        var repeatsWithoutDup = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (seen.Count < count)
        {
            var message = await subscriber.ReceivedMessages.ReadAsync(timeout.Token);
            var value = BitConverter.ToInt32(message.Payload.Span);
            if (seen.Add(value))
            {
                firstSeen.Add(value);
            }
            else if (!message.Duplicate)
            {
                repeatsWithoutDup++;
            }
        }

        output.WriteLine($"publisher connects {publisher.ConnectCount}, retransmissions {publisher.Retransmissions}, repeats {repeatsWithoutDup}");
        Assert.Equal(Enumerable.Range(0, count), firstSeen);
        Assert.True(publisher.ConnectCount >= 2, "the publisher should have reconnected");

        // A message may be seen twice only because our publisher resent it (DUP=1) or the broker resent it to the subscriber (DUP=1).
        Assert.True(repeatsWithoutDup <= publisher.Retransmissions, $"{repeatsWithoutDup} repeats but only {publisher.Retransmissions} retransmissions");
    }

    [Fact]
    public async Task PublishesMadeWhileTheBrokerIsDownAreSentAfterItReturns()
    {
        var options = TestClients.Options(_broker.Port, MqttProtocolVersion.V500, "offline-publisher");
        await using var publisher = TestClients.Create(options, output);
        await publisher.ConnectAsync();
        await _broker.StopAsync();

        var publish = publisher.PublishAsync("offline/queued", new byte[] { 7 });
        await Task.Delay(1000);
        Assert.False(publish.IsCompleted);
        Assert.False(publisher.IsConnected);

        await _broker.StartAsync();
        await publish.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(publisher.IsConnected);
    }

    [Fact]
    public async Task PublishTimesOutWithAClearMessageWhileTheBrokerStaysDown()
    {
        var options = TestClients.Options(_broker.Port, MqttProtocolVersion.V311, "timeout-publisher");
        options.PublishTimeout = TimeSpan.FromSeconds(1);
        await using var publisher = TestClients.Create(options, output);
        await publisher.ConnectAsync();
        await _broker.StopAsync();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => publisher.PublishAsync("offline/late", new byte[] { 1 }));

        output.WriteLine(ex.Message);
        Assert.Contains("did not acknowledge", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reconnecting", ex.Message, StringComparison.Ordinal);
    }
}
