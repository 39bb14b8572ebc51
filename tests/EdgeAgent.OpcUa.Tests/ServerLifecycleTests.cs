namespace EdgeAgent.OpcUa.Tests;

/// <summary>Tests that need a server of their own, to kill, restart or limit it.</summary>
[Collection(OpcUaServerCollection.Name)]
public sealed class ServerLifecycleTests
{
    private static readonly ExpandedNodeId Counter = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");

    private static OpcUaClientOptions Options(string url) => new()
    {
        EndpointUrl = url,
        OperationTimeout = TimeSpan.FromSeconds(5),
        KeepAliveInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task ServerRestartWhileSubscribedIsReportedAndANewClientConnectsAfterwards()
    {
        await using var server = await NodeOpcUaServer.StartAsync();
        var client = await OpcUaClient.ConnectAsync(Options(server.EndpointUrl));
        var subscription = await client.SubscribeAsync([new MonitoredNode(Counter) { SamplingInterval = 50 }], new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200) });
        Assert.True(await subscription.Changes.WaitToReadAsync());

        await server.KillAsync();

        var lost = await Assert.ThrowsAnyAsync<OpcUaException>(async () =>
        {
            await foreach (var change in subscription.Changes.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token))
            {
                _ = change;
            }
        });
        Assert.Equal(StatusCodes.BadConnectionClosed, lost.StatusCode.Code);
        var completion = await Assert.ThrowsAnyAsync<OpcUaException>(() => client.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(StatusCodes.BadConnectionClosed, completion.StatusCode.Code);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAnyAsync<OpcUaException>(() => client.ReadValueAsync(WellKnownNodes.ServerServerStatusState));
        await subscription.DisposeAsync();
        await client.DisposeAsync();

        await server.StartProcessAsync();
        await using var again = await OpcUaClient.ConnectAsync(Options(server.EndpointUrl));
        Assert.True((await again.ReadValueAsync(again.ResolveNodeId(Counter))).Status.IsGood);
    }

    [Fact]
    public async Task ConnectingToAStoppedServerFailsWithBadNotConnected()
    {
        var url = $"opc.tcp://127.0.0.1:{NodeOpcUaServer.FreePort()}/UA/Nobody";
        var error = await Assert.ThrowsAsync<OpcUaConnectionException>(() => OpcUaClient.ConnectAsync(Options(url)));
        Assert.Equal(StatusCodes.BadNotConnected, error.StatusCode.Code);
    }

    [Fact]
    public async Task TooManySessionsIsReportedByNameAndClosedSessionsFreeTheirSlots()
    {
        await using var server = await NodeOpcUaServer.StartAsync(new Dictionary<string, string> { ["OPCUA_MAX_SESSIONS"] = "3" });
        var clients = new List<OpcUaClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                clients.Add(await OpcUaClient.ConnectAsync(Options(server.EndpointUrl)));
            }

            var error = await Assert.ThrowsAsync<ServiceResultException>(() => OpcUaClient.ConnectAsync(Options(server.EndpointUrl)));
            Assert.Equal(StatusCodes.BadTooManySessions, error.StatusCode.Code);
            Assert.StartsWith("BadTooManySessions", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        // Refused and closed sessions left nothing behind: the full quota is available again, twice over.
        for (var round = 0; round < 2; round++)
        {
            var again = new List<OpcUaClient>();
            for (var i = 0; i < 3; i++)
            {
                again.Add(await OpcUaClient.ConnectAsync(Options(server.EndpointUrl)));
            }

            foreach (var client in again)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task FrozenServerIsDetectedByTheKeepAliveWatchdog()
    {
        await using var server = await NodeOpcUaServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(Options(server.EndpointUrl) with { OperationTimeout = TimeSpan.FromSeconds(2) });
        await using var subscription = await client.SubscribeAsync([new MonitoredNode(Counter)], new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200), KeepAliveCount = 3 });
        Assert.True(await subscription.Changes.WaitToReadAsync());

        await server.SignalAsync("STOP");
        try
        {
            var error = await Assert.ThrowsAnyAsync<OpcUaException>(() => client.Completion.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.True(error.StatusCode.Name is "BadTimeout" or "BadNoCommunication", error.ToString());
            Assert.False(client.IsConnected);
        }
        finally
        {
            await server.SignalAsync("CONT");
        }
    }

    [Fact]
    public void ClientAssemblyHasNoWriteOrCallService()
    {
        var names = typeof(OpcUaClient).Assembly.GetTypes().Select(t => t.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Write", StringComparison.Ordinal) && n.EndsWith("Request", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Call", StringComparison.Ordinal) && n.EndsWith("Request", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(OpcUaClient).GetMethods(), m => m.Name.StartsWith("Write", StringComparison.Ordinal) || m.Name.StartsWith("Call", StringComparison.Ordinal));
    }
}
