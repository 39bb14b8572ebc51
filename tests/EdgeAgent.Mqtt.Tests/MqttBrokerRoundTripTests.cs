using System.Text;
using EdgeAgent.TestPeers.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Our client against a real mosquitto, checked by mosquitto's own command-line clients and by our subscriber.</summary>
[Collection(MosquittoCollection.Name)]
public sealed class MqttBrokerRoundTripTests(MosquittoFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly byte[][] Payloads =
    [
        [.. Enumerable.Range(0, 256).Select(i => (byte)i)],
        Encoding.UTF8.GetBytes("{\"indicator\":\"关键工序数控化率\",\"numerator\":12,\"denominator\":20}"),
        [0x00],
        new byte[70_000], // needs a 3-byte remaining length
    ];

    private int Port => fixture.Broker.Port;

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task PublishedBytesArriveUnchangedAtMosquittoSub(MqttProtocolVersion version)
    {
        var topic = TestClients.Topic("to-mosquitto-sub");
        var subscriberArgs = MosquittoSubArguments(version, topic);

        // A persistent mosquitto_sub session that exits once subscribed (-E); the broker queues for it.
        var subscribe = await MosquittoBroker.RunToolAsync("mosquitto_sub", [.. subscriberArgs, "-E"]);
        Assert.True(subscribe.ExitCode == 0, subscribe.StdErr);

        await using (var client = TestClients.Create(TestClients.Options(Port, version), output))
        {
            await client.ConnectAsync();
            foreach (var payload in Payloads)
            {
                await client.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce).WaitAsync(Wait);
            }

            await client.DisconnectAsync();
        }

        var received = await MosquittoBroker.RunToolAsync(
            "mosquitto_sub",
            [.. subscriberArgs, "-C", Payloads.Length.ToString(), "-F", "%x", "-W", "10"]);
        Assert.True(received.ExitCode == 0, received.StdErr);
        var lines = Encoding.ASCII.GetString(received.StdOut).Split('\n');
        for (var i = 0; i < Payloads.Length; i++)
        {
            Assert.Equal(Payloads[i], Convert.FromHexString(lines[i]));
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task PublishedBytesArriveUnchangedAtOurOwnSubscriber(MqttProtocolVersion version)
    {
        var topic = TestClients.Topic("to-own-sub");
        await using var subscriber = TestClients.Create(TestClients.Options(Port, version), output);
        await using var publisher = TestClients.Create(TestClients.Options(Port, version), output);
        await subscriber.ConnectAsync();
        await publisher.ConnectAsync();
        var granted = await subscriber.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, granted);

        foreach (var payload in Payloads)
        {
            await publisher.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce).WaitAsync(Wait);
        }

        await publisher.PublishAsync(topic, "qos0"u8.ToArray(), MqttQualityOfService.AtMostOnce).WaitAsync(Wait);

        foreach (var payload in Payloads)
        {
            var message = await subscriber.ReceivedMessages.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Equal(topic, message.Topic);
            Assert.Equal(MqttQualityOfService.AtLeastOnce, message.Qos);
            Assert.Equal(payload, message.Payload.ToArray());
        }

        var last = await subscriber.ReceivedMessages.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(MqttQualityOfService.AtMostOnce, last.Qos);
        Assert.Equal("qos0"u8.ToArray(), last.Payload.ToArray());
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task MessagesFromMosquittoPubReachOurSubscriber(MqttProtocolVersion version)
    {
        var topic = TestClients.Topic("from-mosquitto-pub");
        await using var subscriber = TestClients.Create(TestClients.Options(Port, version), output);
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync(topic + "/#", MqttQualityOfService.AtLeastOnce);

        var result = await MosquittoBroker.RunToolAsync(
            "mosquitto_pub",
            ["-h", "127.0.0.1", "-p", Port.ToString(), "-V", VersionArgument(version), "-t", topic + "/a", "-q", "1", "-r", "-m", "héllo 设备"]);
        Assert.True(result.ExitCode == 0, result.StdErr);

        var message = await subscriber.ReceivedMessages.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(topic + "/a", message.Topic);
        Assert.Equal("héllo 设备", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.True(message.Retain || message.Qos == MqttQualityOfService.AtLeastOnce);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task ManyUnawaitedPublishesArriveInCallOrder(MqttProtocolVersion version)
    {
        const int count = 500;
        var topic = TestClients.Topic("order");
        await using var subscriber = TestClients.Create(TestClients.Options(Port, version), output);
        await using var publisher = TestClients.Create(TestClients.Options(Port, version), output);
        await subscriber.ConnectAsync();
        await publisher.ConnectAsync();
        await subscriber.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce);

        var publishes = Enumerable.Range(0, count).Select(i => publisher.PublishAsync(topic, BitConverter.GetBytes(i))).ToList();
        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));

        for (var i = 0; i < count; i++)
        {
            var message = await subscriber.ReceivedMessages.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Equal(i, BitConverter.ToInt32(message.Payload.Span));
        }
    }

    [Fact]
    public async Task KeepAlivePingsKeepAnIdleConnectionAlive()
    {
        var options = TestClients.Options(Port, MqttProtocolVersion.V311);
        options.KeepAlive = TimeSpan.FromSeconds(1);
        await using var client = TestClients.Create(options, output);
        await client.ConnectAsync();

        // mosquitto drops a client that is silent for 1.5 x keep-alive; 4 s idle would cost at least one reconnect.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.True(client.IsConnected);
        Assert.Equal(1, client.ConnectCount);
        await client.PublishAsync(TestClients.Topic("idle"), new byte[] { 1 }).WaitAsync(Wait);
        Assert.DoesNotContain($"Client {options.ClientId} has exceeded timeout", fixture.Broker.Log, StringComparison.Ordinal);
    }

    internal static string VersionArgument(MqttProtocolVersion version) => version == MqttProtocolVersion.V311 ? "mqttv311" : "mqttv5";

    private string[] MosquittoSubArguments(MqttProtocolVersion version, string topic)
    {
        var clientId = "mosquitto-sub-" + Guid.NewGuid().ToString("N")[..8];
        string[] common = ["-h", "127.0.0.1", "-p", Port.ToString(), "-V", VersionArgument(version), "-t", topic, "-q", "1", "-c", "-i", clientId];
        return version == MqttProtocolVersion.V500 ? [.. common, "-x", "300"] : common;
    }
}
