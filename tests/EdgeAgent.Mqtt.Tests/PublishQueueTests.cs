using EdgeAgent.Mqtt.Session;

namespace EdgeAgent.Mqtt.Tests;

public sealed class PublishQueueTests
{
    [Fact]
    public async Task AfterAReconnectUnacknowledgedMessagesComeFirstInOrderWithDupOnlyForQos1()
    {
        using var queue = new PublishQueue(100);
        var qos1a = await Enqueue(queue, MqttQualityOfService.AtLeastOnce);
        var qos0 = await Enqueue(queue, MqttQualityOfService.AtMostOnce);
        var qos1b = await Enqueue(queue, MqttQualityOfService.AtLeastOnce);

        // Connection 1 writes all three, then dies before any acknowledgement or QoS 0 completion.
        Assert.Same(qos1a, queue.TakeNextToSend(1, 16)!.Value.Entry);
        Assert.Same(qos0, queue.TakeNextToSend(1, 16)!.Value.Entry);
        Assert.Same(qos1b, queue.TakeNextToSend(1, 16)!.Value.Entry);
        Assert.Null(queue.TakeNextToSend(1, 16));

        Assert.Equal(3, queue.OnSessionStart(sessionPresent: true));
        var resent = Enumerable.Range(0, 3).Select(_ => queue.TakeNextToSend(2, 16)!.Value).ToList();

        Assert.Equal(new[] { qos1a, qos0, qos1b }, resent.Select(r => r.Entry));
        Assert.Equal(new[] { true, false, true }, resent.Select(r => r.Duplicate));
        Assert.Equal(2, queue.Retransmissions);
    }

    [Fact]
    public async Task ALostSessionTurnsResendsIntoNewMessages()
    {
        using var queue = new PublishQueue(100);
        await Enqueue(queue, MqttQualityOfService.AtLeastOnce);
        queue.TakeNextToSend(1, 16);

        queue.OnSessionStart(sessionPresent: false);

        Assert.False(queue.TakeNextToSend(2, 16)!.Value.Duplicate);
    }

    [Fact]
    public async Task AcknowledgedAndAbandonedUnsentMessagesFreeTheirSlot()
    {
        using var queue = new PublishQueue(2);
        var sent = await Enqueue(queue, MqttQualityOfService.AtLeastOnce);
        var unsent = await Enqueue(queue, MqttQualityOfService.AtLeastOnce);
        queue.TakeNextToSend(1, 1);

        var third = Enqueue(queue, MqttQualityOfService.AtLeastOnce);
        Assert.False(third.IsCompleted);

        queue.Abandon(unsent);
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(sent, queue.Acknowledge(sent.PacketId));
        Assert.Null(queue.Acknowledge(sent.PacketId));
        Assert.Equal(1, queue.Count);
    }

    private static async Task<PendingPublish> Enqueue(PublishQueue queue, MqttQualityOfService qos) =>
        await queue.EnqueueAsync(qos, "t", id => [(byte)(0x30 | ((int)qos << 1)), 0x00], CancellationToken.None);
}
