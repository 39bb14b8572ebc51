using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>The client against a scripted raw TCP peer: malformed bytes, silence, negative acknowledgements.</summary>
public sealed class MqttFaultInjectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);

    public static TheoryData<byte[]> BadConnAcks => new()
    {
        new byte[] { 0x20, 0x02, 0xFE, 0x00 },                 // reserved acknowledge flags
        new byte[] { 0x30, 0x03, 0x00, 0x01, 0x41 },           // PUBLISH instead of CONNACK
        new byte[] { 0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 },     // five-byte remaining length
        new byte[] { 0x20, 0xFF, 0xFF, 0xFF, 0x7F },           // 268 MB announced
        new byte[] { 0x21, 0x02, 0x00, 0x00 },                 // reserved fixed-header flags
        new byte[] { 0x20, 0x03, 0x00, 0x00, 0x00, 0x00 },     // trailing byte (3.1.1)
    };

    [Theory]
    [MemberData(nameof(BadConnAcks))]
    public async Task MalformedConnAckFailsConnectWithAProtocolError(byte[] answer)
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V311), output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(answer);

        var ex = await Assert.ThrowsAsync<MqttProtocolException>(() => connect.WaitAsync(NoHang));

        output.WriteLine(ex.Message);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task SilenceAfterAPartialConnAckTimesOutWithAClearError()
    {
        using var injector = new FaultInjector();
        var options = TestClients.Options(injector.Port, MqttProtocolVersion.V500);
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        await using var client = TestClients.Create(options, output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(0x20, 0x03, 0x00);

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => connect.WaitAsync(NoHang));

        Assert.Contains("did not complete within", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task MalformedPacketAfterConnAckDropsTheConnectionAndTheMessageIsResentWithDup(MqttProtocolVersion version)
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, version), output);
        var connect = client.ConnectAsync();
        using var first = await injector.AcceptConnectAsync();
        await first.WriteAsync(FaultInjector.ConnAck(version));
        await connect;

        var publish = client.PublishAsync("t/1", new byte[] { 42 });
        var (firstByte, packetId, _) = await first.ReadPublishAsync();
        Assert.Equal(0x32, firstByte); // QoS 1, DUP 0
        await first.WriteAsync(0x40, 0x05, 0x00, 0x01, 0x02, 0x03, 0x04); // PUBACK with trailing garbage

        using var second = await injector.AcceptConnectAsync(NoHang);
        await second.WriteAsync(FaultInjector.ConnAck(version, sessionPresent: true));
        var (resentFirstByte, resentId, _) = await second.ReadPublishAsync();
        Assert.Equal(0x3A, resentFirstByte); // QoS 1, DUP 1
        Assert.Equal(packetId, resentId);
        Assert.False(publish.IsCompleted);

        await second.PubAckAsync(resentId);
        await publish.WaitAsync(NoHang);
        Assert.Equal(2, client.ConnectCount);
        Assert.Equal(1, client.Retransmissions);
    }

    [Fact]
    public async Task WithoutASessionOnTheBrokerUnacknowledgedMessagesAreSentAgainAsNewMessages()
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V311), output);
        var connect = client.ConnectAsync();
        using (var first = await injector.AcceptConnectAsync())
        {
            await first.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V311, sessionPresent: false));
            await connect;
            _ = client.PublishAsync("t/1", new byte[] { 1 });
            await first.ReadPublishAsync();
        }

        using var second = await injector.AcceptConnectAsync(NoHang);
        await second.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V311, sessionPresent: false));
        var (firstByte, _, _) = await second.ReadPublishAsync();

        Assert.Equal(0x32, firstByte); // a new session has never seen it: DUP 0
    }

    [Fact]
    public async Task PublishCompletesOnlyWhenThePubAckArrives()
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V311), output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V311));
        await connect;

        var publish = client.PublishAsync("t/1", new byte[] { 1 });
        var (_, packetId, _) = await peer.ReadPublishAsync();
        await Task.Delay(300);
        Assert.False(publish.IsCompleted);

        await peer.PubAckAsync(packetId);
        await publish.WaitAsync(NoHang);
    }

    [Fact]
    public async Task NegativePubAckIsAClearPerMessageError()
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V500), output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V500));
        await connect;

        var rejected = client.PublishAsync("plant/forbidden", new byte[] { 1 });
        var (_, rejectedId, _) = await peer.ReadPublishAsync();
        await peer.WriteAsync(0x40, 0x03, (byte)(rejectedId >> 8), (byte)rejectedId, 0x87);
        var ex = await Assert.ThrowsAsync<MqttPublishException>(() => rejected.WaitAsync(NoHang));

        var accepted = client.PublishAsync("plant/allowed", new byte[] { 2 });
        var (_, acceptedId, _) = await peer.ReadPublishAsync();
        await peer.WriteAsync(0x40, 0x03, (byte)(acceptedId >> 8), (byte)acceptedId, 0x10); // "no matching subscribers" is a success
        await accepted.WaitAsync(NoHang);

        Assert.Equal((byte)0x87, ex.ReasonCode);
        Assert.Contains("not authorised", ex.Message, StringComparison.Ordinal);
        Assert.Contains("plant/forbidden", ex.Message, StringComparison.Ordinal);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task TheInFlightWindowLimitsUnacknowledgedMessagesAndKeepsOrder()
    {
        using var injector = new FaultInjector();
        var options = TestClients.Options(injector.Port, MqttProtocolVersion.V311);
        options.MaxInFlight = 4;
        await using var client = TestClients.Create(options, output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V311));
        await connect;

        var publishes = Enumerable.Range(0, 10).Select(i => client.PublishAsync("t/w", new[] { (byte)i })).ToList();
        var ids = new List<ushort>();
        var payloads = new List<byte>();
        for (var i = 0; i < 4; i++)
        {
            var (_, id, body) = await peer.ReadPublishAsync();
            ids.Add(id);
            payloads.Add(body[^1]);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => peer.ReadPublishAsync(TimeSpan.FromMilliseconds(400)));

        for (var i = 4; i < 10; i++)
        {
            await peer.PubAckAsync(ids[i - 4]);
            var (_, id, body) = await peer.ReadPublishAsync();
            ids.Add(id);
            payloads.Add(body[^1]);
        }

        foreach (var id in ids.Skip(6))
        {
            await peer.PubAckAsync(id);
        }

        await Task.WhenAll(publishes).WaitAsync(NoHang);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), payloads);
    }

    [Fact]
    public async Task ABrokerThatStopsAnsweringIsDetectedByTheKeepAliveAndReconnected()
    {
        using var injector = new FaultInjector();
        var options = TestClients.Options(injector.Port, MqttProtocolVersion.V311);
        options.KeepAlive = TimeSpan.FromSeconds(1);
        await using var client = TestClients.Create(options, output);
        var connect = client.ConnectAsync();
        using var silent = await injector.AcceptConnectAsync();
        await silent.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V311));
        await connect;

        // The silent peer reads PINGREQs and never answers them.
        var (ping, _) = await silent.ReadPacketAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(0xC0, ping);
        using var second = await injector.AcceptConnectAsync(TimeSpan.FromSeconds(5));

        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task TheBrokersReceiveMaximumNarrowsTheWindow()
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V500), output);
        var connect = client.ConnectAsync();
        using var peer = await injector.AcceptConnectAsync();
        await peer.WriteAsync(0x20, 0x06, 0x00, 0x00, 0x03, 0x21, 0x00, 0x02); // CONNACK, Receive Maximum 2
        await connect;

        var publishes = Enumerable.Range(0, 3).Select(i => client.PublishAsync("t/r", new[] { (byte)i })).ToList();
        var (_, first, _) = await peer.ReadPublishAsync();
        await peer.ReadPublishAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => peer.ReadPublishAsync(TimeSpan.FromMilliseconds(400)));

        await peer.PubAckAsync(first);
        var (_, _, body) = await peer.ReadPublishAsync();

        Assert.Equal(2, body[^1]);
        Assert.False(publishes[2].IsCompleted);
    }

    [Fact]
    public async Task ABrokerDisconnectWithAReasonIsLoggedAndReconnected()
    {
        using var injector = new FaultInjector();
        await using var client = TestClients.Create(TestClients.Options(injector.Port, MqttProtocolVersion.V500), output);
        var connect = client.ConnectAsync();
        using (var first = await injector.AcceptConnectAsync())
        {
            await first.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V500));
            await connect;
            await first.WriteAsync(0xE0, 0x01, 0x8E); // DISCONNECT: session taken over
        }

        using var second = await injector.AcceptConnectAsync(NoHang);
        await second.WriteAsync(FaultInjector.ConnAck(MqttProtocolVersion.V500));
        var publish = client.PublishAsync("t/after", new byte[] { 1 });
        var (_, id, _) = await second.ReadPublishAsync();
        await second.PubAckAsync(id);
        await publish.WaitAsync(NoHang);

        Assert.Equal(2, client.ConnectCount);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task RandomBytesFromALiveBrokerNeverStopTheClient(MqttProtocolVersion version)
    {
        using var injector = new FaultInjector();
        var options = TestClients.Options(injector.Port, version);
        options.ReconnectMinDelay = TimeSpan.FromMilliseconds(20);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(100);
        await using var client = TestClients.Create(options, output);
        var random = new Random(1234 + (int)version);
        var connect = client.ConnectAsync();
        for (var round = 0; round < 20; round++)
        {
            using var peer = await injector.AcceptConnectAsync(NoHang);
            await peer.WriteAsync(FaultInjector.ConnAck(version));
            if (round == 0)
            {
                await connect;
            }

            var garbage = new byte[random.Next(1, 200)];
            random.NextBytes(garbage);
            await peer.WriteAsync(garbage);
            await Task.Delay(20);
        }

        using var healthy = await injector.AcceptConnectAsync(NoHang);
        await healthy.WriteAsync(FaultInjector.ConnAck(version));
        var publish = client.PublishAsync("t/after-fuzz", new byte[] { 1 });
        var (_, id, _) = await healthy.ReadPublishAsync();
        await healthy.PubAckAsync(id);
        await publish.WaitAsync(NoHang);

        Assert.Equal(21, client.ConnectCount);
    }
}
