using System.Collections.Concurrent;
using EdgeAgent.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>
/// A platform-side subscriber on our own MQTT client: persistent session, QoS 1, so it gets everything the broker
/// accepted even across a broker restart. Collects every message it receives.
/// </summary>
internal sealed class RecordSubscriber : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private RecordSubscriber(MqttClient client)
    {
        _client = client;
        _reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in _client.ReceivedMessages.ReadAllAsync(_stop.Token))
                {
                    Messages.Enqueue(message);
                }
            }
            catch (OperationCanceledException)
            {
                // Test over.
            }
        });
    }

    public ConcurrentQueue<MqttReceivedMessage> Messages { get; } = new();

    public static async Task<RecordSubscriber> StartAsync(MqttClientOptions options, string topic, ITestOutputHelper output)
    {
        var client = new MqttClient(options, new TestLogger<MqttClient>(output));
        await client.ConnectAsync();
        await client.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce);
        return new RecordSubscriber(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
