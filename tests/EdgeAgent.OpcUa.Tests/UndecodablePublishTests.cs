using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// A Publish response whose notification cannot be decoded ends the subscription at once with the reason, so the
/// collector records the gap and reconnects, instead of going on silently until the keep-alive watchdog notices.
/// The server is node-opcua; a proxy rewrites one of its Publish responses (SecurityPolicy None: no signature to break).
/// </summary>
[Collection(OpcUaServerCollection.Name)]
public sealed class UndecodablePublishTests(OpcUaServerFixture fixture)
{
    private static readonly ExpandedNodeId Counter = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");

    [Fact]
    public async Task AnUndecodableDataChangeEndsTheSubscriptionWithTheReasonAtOnce()
    {
        var port = new Uri(fixture.EndpointUrl.Replace("opc.tcp", "http", StringComparison.Ordinal)).Port;
        await using var proxy = new PublishCorruptingProxy(port, corruptDataChangeNumber: 3);
        var url = fixture.EndpointUrl.Replace($":{port}/", $":{proxy.Port}/", StringComparison.Ordinal);

        // Keep-alive every 10 s: the silence watchdog could not fire within the 5 s this test allows.
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options() with { EndpointUrl = url, KeepAliveInterval = TimeSpan.FromSeconds(10) });
        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(Counter) { SamplingInterval = 100, QueueSize = 10 }],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200), KeepAliveCount = 50 });

        var received = 0;
        var error = await Assert.ThrowsAnyAsync<OpcUaException>(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await foreach (var change in subscription.Changes.ReadAllAsync(timeout.Token))
            {
                received++;
            }
        });
        var endedAt = proxy.Now;

        Assert.True(proxy.Corrupted.Task.IsCompletedSuccessfully, "the proxy corrupted a Publish response");
        var corruptedAt = await proxy.Corrupted.Task;
        Assert.Equal(nameof(StatusCodes.BadEncodingLimitsExceeded), error.StatusCode.Name);
        Assert.True(received >= 2, $"{received} values before the corrupted response");
        Assert.True(endedAt - corruptedAt < TimeSpan.FromSeconds(5), $"ended {(endedAt - corruptedAt).TotalSeconds:F1} s after the corruption");

        // Only the subscription ended: the session still answers.
        Assert.True((await client.ReadValueAsync(WellKnownNodes.ServerServerStatusState)).Status.IsGood);
    }

    /// <summary>
    /// Forwards a server's stream message by message and, in the n-th PublishResponse that carries a
    /// DataChangeNotification, sets the MonitoredItemNotification count to a huge value.
    /// </summary>
    private sealed class PublishCorruptingProxy : TcpProxy
    {
        // FourByte NodeIds of the binary encodings: PublishResponse (i=829), DataChangeNotification (i=811).
        private static readonly byte[] PublishResponseId = [0x01, 0x00, 0x3D, 0x03];
        private static readonly byte[] DataChangeId = [0x01, 0x00, 0x2B, 0x03];

        private readonly int _corruptNumber;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _dataChanges;

        public PublishCorruptingProxy(int upstreamPort, int corruptDataChangeNumber)
            : base(upstreamPort)
        {
            _corruptNumber = corruptDataChangeNumber;
            Start();
        }

        /// <summary>Time since the proxy started.</summary>
        public TimeSpan Now => _clock.Elapsed;

        /// <summary>Completes with the time (since the proxy started) of the corruption.</summary>
        public TaskCompletionSource<TimeSpan> Corrupted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task ServerToClientAsync(NetworkStream server, NetworkStream client, Action closeBoth, CancellationToken cancellationToken)
        {
            var header = new byte[8];
            while (true)
            {
                await server.ReadExactlyAsync(header, cancellationToken);
                var size = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
                var message = new byte[size];
                header.CopyTo(message, 0);
                await server.ReadExactlyAsync(message.AsMemory(8), cancellationToken);
                Corrupt(message);
                await client.WriteAsync(message, cancellationToken);
            }
        }

        private void Corrupt(byte[] message)
        {
            // MSG, final chunk; with SecurityPolicy None the body starts after the 8-byte header, channel id and token
            // id (8), sequence number and request id (8).
            const int body = 24;
            if (message.Length < body + 4 || !message.AsSpan(0, 4).SequenceEqual("MSGF"u8) || !message.AsSpan(body, 4).SequenceEqual(PublishResponseId))
            {
                return;
            }

            var at = message.AsSpan(body).IndexOf(DataChangeId);
            if (at < 0 || Interlocked.Increment(ref _dataChanges) != _corruptNumber)
            {
                return;
            }

            // The ExtensionObject: type id (4), encoding byte 0x01, Int32 body length, then the notification array count.
            var count = body + at + 4 + 1 + 4;
            BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(count), 0x7FFFFFF0);
            Corrupted.TrySetResult(_clock.Elapsed);
        }
    }
}
