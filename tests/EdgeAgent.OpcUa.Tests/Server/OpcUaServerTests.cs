using EdgeAgent.OpcUa.Server;
using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Tests.Server;

/// <summary>Our OPC UA client against our OPC UA server (the one the simulated plant runs).</summary>
public sealed class OpcUaServerTests
{
    [Fact]
    public async Task ServesTheNoneEndpointWithAnAnonymousPolicy()
    {
        await using var plant = await TestPlantServer.StartAsync();

        var endpoint = Assert.Single(await OpcUaClient.GetEndpointsAsync(plant.EndpointUrl));

        Assert.Equal(plant.EndpointUrl, endpoint.EndpointUrl);
        Assert.Equal(MessageSecurityMode.None, endpoint.SecurityMode);
        Assert.Equal(Security.SecurityPolicyUris.None, endpoint.SecurityPolicyUri);
        Assert.Equal(UserTokenType.Anonymous, Assert.Single(endpoint.UserIdentityTokens).TokenType);
    }

    [Fact]
    public async Task BrowsesFromObjectsToTheMachineAndItsVariables()
    {
        await using var plant = await TestPlantServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());

        var objects = await client.BrowseAsync(WellKnownNodes.ObjectsFolder);
        Assert.Contains(objects, r => r.NodeId.NodeId == WellKnownNodes.Server && r.NodeClass == NodeClass.Object);
        var folder = Assert.Single(objects, r => r.BrowseName == new QualifiedName(plant.Ns, "Plant"));
        Assert.Equal(WellKnownNodes.Organizes, folder.ReferenceTypeId);

        var machine = Assert.Single(await client.BrowseAsync(folder.NodeId.NodeId));
        Assert.Equal("Cnc1", machine.DisplayName?.Text);
        var variables = await client.BrowseAsync(machine.NodeId.NodeId);
        Assert.Equal(["Parts", "Program", "Running", "Secret", "Speed"], variables.Select(v => v.BrowseName.Name).Order());
        Assert.All(variables, v => Assert.Equal(NodeClass.Variable, v.NodeClass));
        Assert.All(variables, v => Assert.Equal(WellKnownNodes.HasComponent, v.ReferenceTypeId));

        // Inverse: the machine is organised by the folder.
        var parents = await client.BrowseAsync(machine.NodeId.NodeId, BrowseDirection.Inverse);
        Assert.Equal(folder.NodeId.NodeId, Assert.Single(parents).NodeId.NodeId);

        // Limited to two references per call: the client follows the continuation points to the same five.
        var paged = await client.BrowseAsync(machine.NodeId.NodeId, maxReferencesPerNode: 2);
        Assert.Equal(variables.Select(v => v.NodeId), paged.Select(v => v.NodeId));
    }

    [Fact]
    public async Task ReadsValuesAttributesAndPerNodeErrors()
    {
        await using var plant = await TestPlantServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());

        Assert.Equal(TestPlantServer.Namespace, client.NamespaceUris[plant.Ns]);
        Assert.Equal(plant.Speed, client.ResolveNodeId(ExpandedNodeId.Parse($"nsu={TestPlantServer.Namespace};s=Cnc1.Speed")));

        var values = await client.ReadValuesAsync([plant.Speed, plant.Parts, plant.Program, plant.Running, plant.Secret, new NodeId("Nope", plant.Ns)]);
        Assert.Equal(1200.0, values[0].Value.Value);
        Assert.NotNull(values[0].SourceTimestamp);
        Assert.Equal(Variant.From(7u), values[1].Value);
        Assert.Equal("O1234", values[2].Value.Value);
        Assert.Equal(true, values[3].Value.Value);
        Assert.Equal(StatusCodes.BadNotReadable, values[4].Status.Code);
        Assert.Equal(StatusCodes.BadNodeIdUnknown, values[5].Status.Code);

        var attributes = await client.ReadAsync(
        [
            new ReadValueId { NodeId = plant.Speed, AttributeId = Attributes.BrowseName },
            new ReadValueId { NodeId = plant.Speed, AttributeId = Attributes.DataType },
            new ReadValueId { NodeId = plant.Speed, AttributeId = Attributes.NodeClass },
            new ReadValueId { NodeId = WellKnownNodes.ObjectsFolder, AttributeId = Attributes.Value },
        ]);
        Assert.Equal(new QualifiedName(plant.Ns, "Speed"), attributes[0].Value.Value);
        Assert.Equal(new NodeId((uint)BuiltInType.Double), attributes[1].Value.Value);
        Assert.Equal((int)NodeClass.Variable, attributes[2].Value.Value);
        Assert.Equal(StatusCodes.BadAttributeIdInvalid, attributes[3].Status.Code);
    }

    [Fact]
    public async Task TranslatesBrowsePathsAndSaysWhyOneLeadsNowhere()
    {
        await using var plant = await TestPlantServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        var ns = TestPlantServer.Namespace;

        var speed = await client.ResolveBrowsePathAsync(WellKnownNodes.ObjectsFolder, [$"nsu={ns};Plant", $"nsu={ns};Cnc1", $"nsu={ns};Speed"]);
        Assert.Equal(plant.Speed, speed);

        var error = await Assert.ThrowsAsync<ServiceResultException>(() => client.ResolveBrowsePathAsync(WellKnownNodes.ObjectsFolder, [$"nsu={ns};Plant", $"nsu={ns};Cnc2"]));
        Assert.Equal(StatusCodes.BadNoMatch, error.StatusCode.Code);
    }

    [Fact]
    public async Task SubscriptionReportsChangesBeyondTheDeadbandAndStaysAliveOnKeepAlives()
    {
        await using var plant = await TestPlantServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        await using var subscription = await client.SubscribeAsync(
            [
                new MonitoredNode(plant.Speed) { DeadbandType = DeadbandType.Absolute, DeadbandValue = 10, SamplingInterval = 50 },
                new MonitoredNode(plant.Program) { SamplingInterval = 50 },
                new MonitoredNode(new NodeId("Nope", plant.Ns)),
            ],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(100), KeepAliveCount = 3 });

        Assert.Equal(StatusCodes.BadNodeIdUnknown, subscription.Items[2].Status.Code);

        // The first sample of every item is reported.
        var first = await ReadChangesAsync(subscription, 2);
        Assert.Contains(first, c => c.NodeId == plant.Speed && (double)c.Value.Value.Value! == 1200.0);
        Assert.Contains(first, c => c.NodeId == plant.Program && (string)c.Value.Value.Value! == "O1234");

        // 5 is within the deadband of 10, 1215 beyond it (measured from the last reported 1200).
        plant.Server.AddressSpace.SetValue(plant.Speed, Variant.From(1205.0));
        await Task.Delay(300);
        plant.Server.AddressSpace.SetValue(plant.Speed, Variant.From(1215.0));
        var next = Assert.Single(await ReadChangesAsync(subscription, 1));
        Assert.Equal(1215.0, next.Value.Value.Value);

        // Status changes are reported too.
        plant.Server.AddressSpace.SetValue(plant.Program, Variant.From("O1234"), StatusCodes.BadNoCommunication);
        var bad = Assert.Single(await ReadChangesAsync(subscription, 1));
        Assert.Equal(StatusCodes.BadNoCommunication, bad.Value.Status.Code);

        // Nothing changes for several keep-alive periods: the client's watchdog stays quiet.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(client.IsConnected);
        Assert.False(subscription.Changes.Completion.IsCompleted);
        Assert.False(subscription.Changes.TryRead(out _));
    }

    [Fact]
    public async Task NotificationsBeyondMaxNotificationsPerPublishFollowAtOnceInFurtherMessages()
    {
        // The server sends at most 4 notifications per Publish response; 10 items give 3 messages per interval, the
        // second and third in answer to the Publish requests already waiting (MoreNotifications), not an interval later.
        await using var server = new OpcUaServer(new OpcUaServerOptions { MaxNotificationsPerPublish = 4 });
        var space = server.AddressSpace;
        var ns = space.RegisterNamespace(TestPlantServer.Namespace);
        var folder = space.AddFolder(WellKnownNodes.ObjectsFolder, new NodeId("Many", ns), new QualifiedName(ns, "Many"));
        var nodes = Enumerable.Range(1, 10).Select(i => new NodeId((uint)i, ns)).ToArray();
        foreach (var node in nodes)
        {
            space.AddVariable(folder, node, new QualifiedName(ns, $"v{node.NumericId}"), Variant.From(0.0));
        }

        await server.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = server.EndpointUrl, OperationTimeout = TimeSpan.FromSeconds(5) });
        var sequences = new System.Collections.Concurrent.ConcurrentDictionary<uint, byte>();
        client.DropNotification = sequence =>
        {
            sequences.TryAdd(sequence, 0);
            return false;
        };
        await using var subscription = await client.SubscribeAsync(
            nodes.Select(n => new MonitoredNode(n) { SamplingInterval = 100, QueueSize = 1 }).ToArray(),
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromSeconds(2), KeepAliveCount = 10 });

        var first = await ReadChangesWithArrivalAsync(subscription, 10);
        Assert.Equal(nodes, first.Select(c => c.Change.NodeId).Order(Comparer<NodeId>.Create((a, b) => a.NumericId.CompareTo(b.NumericId))));
        Assert.Equal([1u, 2u, 3u], sequences.Keys.Order());
        Assert.True(first[^1].At - first[0].At < TimeSpan.FromSeconds(1), $"the last of 3 messages came {(first[^1].At - first[0].At).TotalSeconds:F1} s after the first: not at once");

        // A bulk update (SetValues) of all ten: the next interval brings them in three messages again.
        space.SetValues(nodes, nodes.Select(n => Variant.From(n.NumericId * 10.0)).ToArray());
        var second = await ReadChangesWithArrivalAsync(subscription, 10);
        Assert.Equal(nodes.Select(n => n.NumericId * 10.0).Order(), second.Select(c => (double)c.Change.Value.Value.Value!).Order());
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u], sequences.Keys.Order());
        Assert.Equal(0, subscription.LostMessageCount);
    }

    private static async Task<List<(DataChange Change, TimeSpan At)>> ReadChangesWithArrivalAsync(OpcUaSubscription subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var changes = new List<(DataChange, TimeSpan)>();
        while (changes.Count < count)
        {
            changes.Add((await subscription.Changes.ReadAsync(timeout.Token), clock.Elapsed));
        }

        return changes;
    }

    private static async Task<List<DataChange>> ReadChangesAsync(OpcUaSubscription subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var changes = new List<DataChange>();
        while (changes.Count < count)
        {
            changes.Add(await subscription.Changes.ReadAsync(timeout.Token));
        }

        return changes;
    }

    [Fact]
    public async Task ClosingTheSessionFreesItAndTooManySessionsAreRefused()
    {
        await using var plant = await TestPlantServer.StartAsync(new OpcUaServerOptions { MaxSessions = 1 });
        var first = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        Assert.Equal(1, plant.Server.SessionCount);
        Assert.Equal(1u, (await first.ReadValueAsync(new NodeId(2277u))).Value.Value);

        var refused = await Assert.ThrowsAsync<ServiceResultException>(() => OpcUaClient.ConnectAsync(plant.ClientOptions()));
        Assert.Equal(StatusCodes.BadTooManySessions, refused.StatusCode.Code);

        await first.DisposeAsync();
        Assert.Equal(0, plant.Server.SessionCount);
        await using var second = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        Assert.Equal(1, plant.Server.SessionCount);
    }

    [Fact]
    public async Task AnyOtherServiceIsAnsweredBadServiceUnsupported()
    {
        await using var plant = await TestPlantServer.StartAsync();
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());

        var error = await Assert.ThrowsAsync<ServiceResultException>(() => client.CallAsync<ServiceFault>(new UnservedRequest(), CancellationToken.None));

        Assert.Equal(StatusCodes.BadServiceUnsupported, error.StatusCode.Code);
        Assert.True(client.IsConnected);
        Assert.Equal(1200.0, (await client.ReadValueAsync(plant.Speed)).Value.Value);
    }

    [Fact]
    public async Task StoppingTheServerDropsTheClientAndItComesBackOnTheSamePort()
    {
        await using var plant = await TestPlantServer.StartAsync();
        var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        var port = plant.Server.Port;

        await plant.Server.StopAsync();
        var lost = await Assert.ThrowsAnyAsync<OpcUaException>(() => client.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(lost.StatusCode.IsBad);
        await client.DisposeAsync();
        Assert.Equal(0, plant.Server.SessionCount);
        await Assert.ThrowsAsync<OpcUaConnectionException>(() => OpcUaClient.ConnectAsync(plant.ClientOptions()));

        await plant.Server.StartAsync();
        Assert.Equal(port, plant.Server.Port);
        await using var again = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        Assert.Equal(1200.0, (await again.ReadValueAsync(plant.Speed)).Value.Value);
    }

    /// <summary>
    /// The network "loses" the Publish response carrying sequence number 2 (1300). With a retransmission queue the
    /// client gets it back by Republish; without one it is lost for good, counted, and the messages held behind it
    /// still arrive, in order, rather than waiting forever.
    /// </summary>
    [Theory]
    [InlineData(32, new[] { 1300.0, 1400.0, 1500.0 }, 1, 0)]
    [InlineData(0, new[] { 1400.0, 1500.0 }, 0, 1)]
    public async Task ALostNotificationIsRepublishedOrCountedLostAndDeliveryStaysInOrder(int retransmissionQueueSize, double[] expected, int republished, int lost)
    {
        await using var plant = await TestPlantServer.StartAsync(new OpcUaServerOptions { ResourcePath = "/test", RetransmissionQueueSize = retransmissionQueueSize });
        await using var client = await OpcUaClient.ConnectAsync(plant.ClientOptions());
        client.DropNotification = sequence => sequence == 2;
        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(plant.Speed) { SamplingInterval = 50 }],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(100), KeepAliveCount = 5 });

        Assert.Equal(1200.0, (await ReadChangesAsync(subscription, 1))[0].Value.Value.Value);
        foreach (var speed in new[] { 1300.0, 1400.0, 1500.0 })
        {
            plant.Server.AddressSpace.SetValue(plant.Speed, Variant.From(speed));
            await Task.Delay(400);
        }

        var changes = await ReadChangesAsync(subscription, expected.Length);
        Assert.Equal(expected, changes.Select(c => (double)c.Value.Value.Value!));
        Assert.Equal(republished, subscription.RepublishedCount);
        Assert.Equal(lost, subscription.LostMessageCount);
    }
}
