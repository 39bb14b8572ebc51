using EdgeAgent.OpcUa.Security;

namespace EdgeAgent.OpcUa.Tests;

[Collection(OpcUaServerCollection.Name)]
public sealed class OpcUaClientTests(OpcUaServerFixture fixture)
{
    private static readonly ExpandedNodeId Counter = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");

    [Fact]
    public async Task GetEndpointsListsTheNoneEndpointWithAnonymousAndEncryptedUserNamePolicies()
    {
        var endpoints = await OpcUaClient.GetEndpointsAsync(fixture.EndpointUrl);

        var none = Assert.Single(endpoints, e => e.SecurityPolicyUri == SecurityPolicyUris.None);
        Assert.Equal(MessageSecurityMode.None, none.SecurityMode);
        Assert.Equal("urn:edgeagent:test-server", none.Server.ApplicationUri);
        Assert.Contains(none.UserIdentityTokens, p => p.TokenType == UserTokenType.Anonymous);
        Assert.Contains(none.UserIdentityTokens, p => p.TokenType == UserTokenType.UserName && p.SecurityPolicyUri == SecurityPolicyUris.Basic256Sha256);
        Assert.NotNull(none.ServerCertificate);
        Assert.Contains(endpoints, e => e.SecurityPolicyUri == SecurityPolicyUris.Basic256Sha256 && e.SecurityMode == MessageSecurityMode.SignAndEncrypt);
    }

    [Fact]
    public async Task ReadsValuesOfOurNamespaceAddressedByUri()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());

        Assert.Contains(OpcUaServerFixture.TestNamespace, client.NamespaceUris);
        var counter = client.ResolveNodeId(Counter);
        Assert.Equal(client.NamespaceUris.ToList().IndexOf(OpcUaServerFixture.TestNamespace), counter.NamespaceIndex);

        var values = await client.ReadValuesAsync(
        [
            counter,
            client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Name")),
            client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Axes")),
            client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.DoesNotExist")),
        ]);

        Assert.True(values[0].Status.IsGood);
        Assert.Equal(BuiltInType.UInt32, values[0].Value.Type);
        Assert.NotNull(values[0].SourceTimestamp);
        Assert.Equal("CNC-01", values[1].Value.Value);
        var axes = Assert.IsType<double[]>(values[2].Value.Value);
        Assert.Equal(3, axes.Length);
        Assert.Equal(1.5, axes[0]);
        Assert.Equal(StatusCodes.BadNodeIdUnknown, values[3].Status.Code);
    }

    [Fact]
    public async Task BrowsesFromObjectsFollowingContinuationPoints()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());

        var all = await client.BrowseAsync(WellKnownNodes.ObjectsFolder);
        Assert.Contains(all, r => r.BrowseName.Name == "Server" && r.NodeId.NodeId == WellKnownNodes.Server);
        var machine = Assert.Single(all, r => r.BrowseName.Name == "Machine1");
        Assert.Equal(NodeClass.Object, machine.NodeClass);

        // One reference per page forces BrowseNext.
        var paged = await client.BrowseAsync(client.ResolveNodeId(machine.NodeId), maxReferencesPerNode: 1);
        Assert.Contains(paged, r => r.BrowseName.Name == "Counter");
        Assert.Contains(paged, r => r.BrowseName.Name == "Level");
        Assert.True(paged.Count >= 7);
    }

    [Fact]
    public async Task ResolvesBrowsePathsByNamespaceUri()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());

        var counter = await client.ResolveBrowsePathAsync(WellKnownNodes.ObjectsFolder, ["nsu=urn:edgeagent:test;Machine1", "nsu=urn:edgeagent:test;Counter"]);
        Assert.Equal(client.ResolveNodeId(Counter), counter);

        var state = await client.ResolveBrowsePathAsync(WellKnownNodes.ObjectsFolder, ["Server", "ServerStatus", "State"]);
        Assert.Equal(WellKnownNodes.ServerServerStatusState, state);

        var missing = await Assert.ThrowsAsync<ServiceResultException>(() =>
            client.ResolveBrowsePathAsync(WellKnownNodes.ObjectsFolder, ["nsu=urn:edgeagent:test;Machine1", "nsu=urn:edgeagent:test;NoSuchThing"]));
        Assert.Equal(StatusCodes.BadNoMatch, missing.StatusCode.Code);

        // The right name in the wrong namespace must not match.
        var wrongNamespace = await client.TranslateBrowsePathsAsync([(WellKnownNodes.ObjectsFolder, [new QualifiedName(0, "Machine1")])]);
        Assert.Null(wrongNamespace[0].Target);

        var unknownUri = Assert.Throws<OpcUaException>(() => client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:nobody;s=X")));
        Assert.Equal(StatusCodes.BadNodeIdUnknown, unknownUri.StatusCode.Code);
        Assert.Equal(Counter, client.ToExpandedNodeId(client.ResolveNodeId(Counter)));
    }

    [Fact]
    public async Task UnreadableVariableReportsItsStatusPerItem()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        var secret = await client.ReadValueAsync(client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Secret")));
        Assert.True(secret.Status.IsBad);
        Assert.Contains(secret.Status.Name, new[] { "BadNotReadable", "BadUserAccessDenied" });
    }

    [Fact]
    public async Task UserNameWithTheRightPasswordIsAcceptedWithTheSecretEncrypted()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options(UserIdentity.FromUserName("edgeagent", "edgeagent-pw")));
        var value = await client.ReadValueAsync(client.ResolveNodeId(Counter));
        Assert.True(value.Status.IsGood);
    }

    [Fact]
    public async Task UserNameWithAWrongPasswordIsRefusedWithAStatusName()
    {
        var error = await Assert.ThrowsAsync<ServiceResultException>(() =>
            OpcUaClient.ConnectAsync(fixture.Options(UserIdentity.FromUserName("edgeagent", "wrong"))));
        Assert.Equal("ActivateSession", error.Service);
        Assert.Contains(error.StatusCode.Name, new[] { "BadUserAccessDenied", "BadIdentityTokenRejected" });
        Assert.StartsWith(error.StatusCode.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionDeliversEveryCounterChange()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(Counter) { SamplingInterval = 50, QueueSize = 100, Tag = "counter" }],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200), KeepAliveCount = 5 });

        var item = Assert.Single(subscription.Items);
        Assert.True(item.Status.IsGood);
        var values = await Collect(subscription, 15, TimeSpan.FromSeconds(10));
        Assert.All(values, c => Assert.Equal("counter", c.Node.Tag));
        var counters = values.Select(c => Convert.ToInt64(c.Value.Value.Value)).ToList();
        AssertContiguous(counters.Skip(1).ToList());
    }

    [Fact]
    public async Task AbsoluteDeadbandSuppressesSmallChanges()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        var step = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Step");
        await using var subscription = await client.SubscribeAsync(
            [
                new MonitoredNode(step) { SamplingInterval = 50, QueueSize = 100, DeadbandType = DeadbandType.Absolute, DeadbandValue = 2.5, Tag = "deadband" },
                new MonitoredNode(step) { SamplingInterval = 50, QueueSize = 100, Tag = "all" },
            ],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200) });

        Assert.All(subscription.Items, i => Assert.True(i.Status.IsGood, i.Status.Name));
        var values = await Collect(subscription, 40, TimeSpan.FromSeconds(15));
        var filtered = values.Where(v => (string)v.Node.Tag! == "deadband").Select(v => (double)v.Value.Value.Value!).ToList();
        var unfiltered = values.Where(v => (string)v.Node.Tag! == "all").Count();
        Assert.True(filtered.Count >= 2, $"{filtered.Count} filtered values");
        for (var i = 1; i < filtered.Count; i++)
        {
            Assert.True(Math.Abs(filtered[i] - filtered[i - 1]) > 2.5, $"{filtered[i - 1]} -> {filtered[i]} passed a 2.5 deadband");
        }

        Assert.True(unfiltered > filtered.Count * 2, $"{unfiltered} unfiltered vs {filtered.Count} filtered");
    }

    [Fact]
    public async Task PercentDeadbandUsesTheEngineeringUnitsRange()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        await using var subscription = await client.SubscribeAsync(
            [
                new MonitoredNode(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Level")) { SamplingInterval = 50, QueueSize = 100, DeadbandType = DeadbandType.Percent, DeadbandValue = 25 },
                new MonitoredNode(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Name")) { DeadbandType = DeadbandType.Percent, DeadbandValue = 25 },
            ],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200) });

        Assert.True(subscription.Items[0].Status.IsGood, subscription.Items[0].Status.Name);
        Assert.True(subscription.Items[1].Status.IsBad, "a percent deadband on a String without EURange must be refused");
        var values = (await Collect(subscription, 6, TimeSpan.FromSeconds(15))).Select(v => (double)v.Value.Value.Value!).ToList();
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(Math.Abs(values[i] - values[i - 1]) > 2.5, $"{values[i - 1]} -> {values[i]} passed a 25 % deadband of 0..10");
        }
    }

    [Fact]
    public async Task LostPublishResponseIsRecoveredWithRepublish()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        var dropped = 0;
        client.DropNotification = sequence => sequence is 3 or 4 && Interlocked.Increment(ref dropped) <= 2;
        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(Counter) { SamplingInterval = 50, QueueSize = 100 }],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(200) });

        var values = await Collect(subscription, 40, TimeSpan.FromSeconds(15));

        // Messages 5, 6, … arrive before 3 and 4 are republished; the client holds them back, so values come out in
        // the server's order with no hole, exactly as if nothing had been lost.
        Assert.Equal(2, dropped);
        Assert.True(subscription.RepublishedCount >= 2, $"republished {subscription.RepublishedCount}");
        Assert.Equal(0, subscription.LostMessageCount);
        AssertContiguous(values.Select(c => Convert.ToInt64(c.Value.Value.Value)).Skip(1).ToList());
    }

    [Fact]
    public async Task ModifySubscriptionRevisesThePublishingInterval()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        await using var subscription = await client.SubscribeAsync([new MonitoredNode(Counter)], new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(500) });
        await subscription.ModifyAsync(TimeSpan.FromMilliseconds(250), 8, 40);
        Assert.Equal(TimeSpan.FromMilliseconds(250), subscription.PublishingInterval);
        Assert.Equal(8u, subscription.KeepAliveCount);
        Assert.NotEmpty(await Collect(subscription, 2, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task UnknownNamespaceInASubscriptionIsReportedPerItem()
    {
        await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(ExpandedNodeId.Parse("nsu=urn:nobody;s=X")), new MonitoredNode(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Nothing")), new MonitoredNode(Counter)]);
        Assert.Equal(StatusCodes.BadNodeIdUnknown, subscription.Items[0].Status.Code);
        Assert.Equal(StatusCodes.BadNodeIdUnknown, subscription.Items[1].Status.Code);
        Assert.True(subscription.Items[2].Status.IsGood);
    }

    [Fact]
    public async Task ConnectingAndClosingRepeatedlyLeaksNoSessions()
    {
        // The fixture server allows 20 sessions: 30 sequential connections prove each close really ends its session.
        for (var i = 0; i < 30; i++)
        {
            await using var client = await OpcUaClient.ConnectAsync(fixture.Options());
            await using var subscription = await client.SubscribeAsync([new MonitoredNode(Counter)]);
            Assert.True(client.IsConnected);
        }
    }

    [Fact]
    public async Task ClosedClientCompletesAndRefusesFurtherCalls()
    {
        var client = await OpcUaClient.ConnectAsync(fixture.Options());
        var subscription = await client.SubscribeAsync([new MonitoredNode(Counter)]);
        await client.DisposeAsync();
        await client.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(client.IsConnected);
        await subscription.Changes.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<OpcUaException>(() => client.ReadValueAsync(WellKnownNodes.ServerServerStatusState));
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task SecureChannelTokenIsRenewedBeforeItExpires()
    {
        var options = fixture.Options() with { ChannelLifetime = TimeSpan.FromSeconds(2) };
        await using var client = await OpcUaClient.ConnectAsync(options);
        var first = client.ChannelTokenId;
        var deadline = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < deadline && client.ChannelTokenId == first)
        {
            await Task.Delay(200);
        }

        Assert.NotEqual(first, client.ChannelTokenId);
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await client.ReadValueAsync(client.ResolveNodeId(Counter))).Status.IsGood);
            await Task.Delay(300);
        }

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task LargeRequestsAndResponsesAreSplitIntoChunks()
    {
        var options = fixture.Options() with { TransportLimits = new Transport.TransportLimits { ReceiveBufferSize = 8192, SendBufferSize = 8192 } };
        await using var client = await OpcUaClient.ConnectAsync(options);
        // ~3000 nodes: the request needs several 8 KiB chunks, and so does the response.
        var nodes = Enumerable.Repeat(WellKnownNodes.ServerNamespaceArray, 3000).ToArray();
        var values = await client.ReadValuesAsync(nodes);
        Assert.Equal(3000, values.Count);
        Assert.All(values, v => Assert.Contains(OpcUaServerFixture.TestNamespace, (string[])v.Value.Value!));
    }

    [Fact]
    public async Task MessagesBeyondTheNegotiatedMaxMessageSizeAreRefusedWithoutLosingTheChannel()
    {
        var options = fixture.Options() with { TransportLimits = new Transport.TransportLimits { ReceiveBufferSize = 8192, MaxMessageSize = 20000, MaxChunkCount = 3 } };
        await using var client = await OpcUaClient.ConnectAsync(options);

        // Response too large: ~300 namespace arrays do not fit in 20000 bytes / 3 chunks.
        var nodes = Enumerable.Repeat(WellKnownNodes.ServerNamespaceArray, 300).ToArray();
        var response = await Assert.ThrowsAnyAsync<OpcUaException>(() => client.ReadValuesAsync(nodes));
        // node-opcua checks our limits itself and answers with a ServiceFault, so the channel survives.
        Assert.True(response.StatusCode.Name is "BadResponseTooLarge" or "BadTcpMessageTooLarge", response.ToString());
        Assert.True(client.IsConnected);

        // Request too large for what the server accepts: refused before sending.
        var request = await Assert.ThrowsAsync<ServiceResultException>(() => client.ReadValuesAsync(Enumerable.Repeat(WellKnownNodes.ServerNamespaceArray, 3000).ToArray()));
        Assert.Equal(StatusCodes.BadRequestTooLarge, request.StatusCode.Code);
    }

    private static async Task<List<DataChange>> Collect(OpcUaSubscription subscription, int count, TimeSpan timeout)
    {
        var values = new List<DataChange>();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var change in subscription.Changes.ReadAllAsync(cancel.Token))
            {
                values.Add(change);
                if (values.Count >= count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(values.Count >= Math.Min(count, 2), $"only {values.Count} changes in {timeout}");
        return values;
    }

    private static void AssertContiguous(List<long> counters)
    {
        for (var i = 1; i < counters.Count; i++)
        {
            Assert.True(counters[i] == counters[i - 1] + 1, $"gap between {counters[i - 1]} and {counters[i]} in [{string.Join(",", counters)}]");
        }
    }
}
