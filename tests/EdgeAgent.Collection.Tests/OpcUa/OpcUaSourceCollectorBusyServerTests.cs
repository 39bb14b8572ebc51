using EdgeAgent.Collection.OpcUa;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Server;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>The reconnect loop against a server without room for another session (our server with MaxSessions = 1).</summary>
public class OpcUaSourceCollectorBusyServerTests
{
    [Fact]
    public async Task TooManySessionsBacksOffLongerInsteadOfRetryingHot()
    {
        await using var server = new OpcUaServer(new OpcUaServerOptions { MaxSessions = 1 });
        var ns = server.AddressSpace.RegisterNamespace("urn:test:busy");
        server.AddressSpace.AddVariable(WellKnownNodes.ObjectsFolder, new NodeId("Value", ns), new QualifiedName(ns, "Value"), Variant.From(1.0));
        await server.StartAsync();
        var occupant = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = server.EndpointUrl });

        var reconnect = new OpcUaReconnectOptions
        {
            FirstDelay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(1),
            BusyDelay = TimeSpan.FromSeconds(4),
        };
        await using var rig = Start(SourceAt(server.EndpointUrl, pollMs: 100), [("value", NodeTag("nsu=urn:test:busy;s=Value"))], reconnect);
        await rig.WaitAsync(r => r.StatusEvents.Count > 0, "the refusal");
        var refused = Assert.Single(rig.StatusEvents);
        Assert.False(refused.Online);
        Assert.Equal("BadTooManySessions", refused.Reason);

        // Room again at once; a hot retry (100 ms) would be back within a fraction of a second, the busy backoff waits
        // at least 3 s (4 s − 25 % jitter).
        await occupant.DisposeAsync();
        await rig.WaitAsync(r => r.StatusEvents.Count == 2, "connected after the backoff", seconds: 20);
        var online = rig.StatusEvents[1];
        Assert.True(online.Online);
        Assert.True(online.TimestampUtc - refused.TimestampUtc >= TimeSpan.FromSeconds(2.9), $"{(online.TimestampUtc - refused.TimestampUtc).TotalSeconds:F1} s");
        Assert.Equal(1, server.SessionCount);
    }

    [Fact]
    public async Task TooManySubscriptionsIsReportedAndEveryRefusedAttemptClosesItsSession()
    {
        await using var server = new OpcUaServer(new OpcUaServerOptions { MaxSubscriptionsPerSession = 0 });
        var ns = server.AddressSpace.RegisterNamespace("urn:test:busy");
        server.AddressSpace.AddVariable(WellKnownNodes.ObjectsFolder, new NodeId("Value", ns), new QualifiedName(ns, "Value"), Variant.From(1.0));
        await server.StartAsync();

        var reconnect = new OpcUaReconnectOptions { FirstDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), BusyDelay = TimeSpan.FromMilliseconds(500) };
        await using var rig = Start(SourceAt(server.EndpointUrl, pollMs: 100), [("value", NodeTag("nsu=urn:test:busy;s=Value"))], reconnect);
        await rig.WaitAsync(r => r.StatusEvents.Count > 0 && r.Batches.Count >= 20, "refusals over two seconds");

        var refused = Assert.Single(rig.StatusEvents);
        Assert.False(refused.Online);
        Assert.Equal("BadTooManySubscriptions", refused.Reason);
        Assert.All(rig.Batches, b => Assert.False(b.CycleGood));

        // The session of a refused attempt is closed at once, not left to time out.
        Assert.Equal(0, server.SessionCount);
    }
}
