using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using EdgeAgent.OpcUa.Transport;

// Not "…Tests.Security": that namespace would shadow EdgeAgent.OpcUa.Security for sibling test namespaces.
namespace EdgeAgent.OpcUa.Tests.SecurityTests;

/// <summary>Our client against node-opcua on every secured endpoint it offers: browse, read, subscribe, log in.</summary>
[Collection(OpcUaServerCollection.Name)]
public sealed class SecurityPolicyInteropTests(OpcUaServerFixture fixture) : IDisposable
{
    private static readonly ExpandedNodeId Counter = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");
    private readonly TempPki _pki = new();

    public static TheoryData<string, MessageSecurityMode> PoliciesAndModes()
    {
        var data = new TheoryData<string, MessageSecurityMode>();
        foreach (var policy in new[] { SecurityPolicyUris.Basic256Sha256, SecurityPolicyUris.Aes128Sha256RsaOaep, SecurityPolicyUris.Aes256Sha256RsaPss })
        {
            data.Add(policy, MessageSecurityMode.Sign);
            data.Add(policy, MessageSecurityMode.SignAndEncrypt);
        }

        return data;
    }

    public static TheoryData<string> Policies() =>
        new(SecurityPolicyUris.Basic256Sha256, SecurityPolicyUris.Aes128Sha256RsaOaep, SecurityPolicyUris.Aes256Sha256RsaPss);

    private OpcUaClientOptions Secured(string policy, MessageSecurityMode mode, UserIdentity? identity = null) => fixture.Options(identity) with
    {
        SecurityPolicyUri = policy,
        SecurityMode = mode,
        CertificateStore = _pki.Store,
        TrustOnFirstUse = true,
    };

    [Theory]
    [MemberData(nameof(PoliciesAndModes))]
    public async Task BrowsesReadsAndSubscribesOnASecuredChannel(string policy, MessageSecurityMode mode)
    {
        await using var client = await OpcUaClient.ConnectAsync(Secured(policy, mode));

        Assert.Equal(policy, client.Endpoint.SecurityPolicyUri);
        Assert.Equal(mode, client.Endpoint.SecurityMode);

        var objects = await client.BrowseAsync(WellKnownNodes.ObjectsFolder);
        var machine = Assert.Single(objects, r => r.BrowseName.Name == "Machine1");
        var children = await client.BrowseAsync(client.ResolveNodeId(machine.NodeId));
        Assert.Contains(children, r => r.BrowseName.Name == "Counter");

        var values = await client.ReadValuesAsync([client.ResolveNodeId(Counter), client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Name"))]);
        Assert.True(values[0].Status.IsGood, values[0].Status.Name);
        Assert.Equal("CNC-01", values[1].Value.Value);

        await using var subscription = await client.SubscribeAsync(
            [new MonitoredNode(Counter) { SamplingInterval = 50, QueueSize = 100 }],
            new SubscriptionOptions { PublishingInterval = TimeSpan.FromMilliseconds(100) });
        var counters = new List<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var change in subscription.Changes.ReadAllAsync(timeout.Token))
        {
            counters.Add(Convert.ToInt64(change.Value.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
            if (counters.Count == 5)
            {
                break;
            }
        }

        Assert.Equal(5, counters.Count);
        Assert.True(counters[^1] > counters[0], string.Join(",", counters));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task LogsInWithUserNameOverASecuredChannelWithoutLoggingThePassword(string policy)
    {
        using var log = new CapturingLoggerFactory();
        await using (var client = await OpcUaClient.ConnectAsync(Secured(policy, MessageSecurityMode.SignAndEncrypt, UserIdentity.FromUserName("edgeagent", "edgeagent-pw")), log))
        {
            var value = await client.ReadValueAsync(client.ResolveNodeId(Counter));
            Assert.True(value.Status.IsGood, value.Status.Name);
        }

        Assert.Contains(log.Lines, l => l.Contains("activated", StringComparison.Ordinal) && l.Contains("user edgeagent", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("edgeagent-pw", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PoliciesAndModes))]
    public async Task SplitsAndReassemblesMultiChunkMessagesOnASecuredChannel(string policy, MessageSecurityMode mode)
    {
        // 8 KiB chunks: a 1500-node Read is several chunks each way, so sizing, padding and signatures meet node-opcua's.
        var options = Secured(policy, mode) with { TransportLimits = new TransportLimits { ReceiveBufferSize = 8192, SendBufferSize = 8192 } };
        await using var client = await OpcUaClient.ConnectAsync(options);
        var name = client.ResolveNodeId(ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Name"));

        var values = await client.ReadAsync(
            Enumerable.Range(0, 1500).Select(i => new ReadValueId { NodeId = name, AttributeId = i % 2 == 0 ? Attributes.Value : Attributes.BrowseName }).ToArray());

        Assert.Equal(1500, values.Count);
        Assert.All(values.Where((_, i) => i % 2 == 0), v => Assert.Equal("CNC-01", v.Value.Value));
        Assert.All(values, v => Assert.True(v.Status.IsGood, v.Status.Name));
    }

    [Fact]
    public async Task WrongPasswordIsRefusedOverASecuredChannel()
    {
        var ex = await Assert.ThrowsAnyAsync<OpcUaException>(() =>
            OpcUaClient.ConnectAsync(Secured(SecurityPolicyUris.Basic256Sha256, MessageSecurityMode.Sign, UserIdentity.FromUserName("edgeagent", "wrong"))));

        Assert.True(ex.StatusCode.Code is StatusCodes.BadUserAccessDenied or StatusCodes.BadIdentityTokenRejected or StatusCodes.BadIdentityTokenInvalid, ex.StatusCode.Name);
    }

    [Fact]
    public async Task RenewsTheTokenAndKeepsWorkingWithTheNewKeys()
    {
        var options = Secured(SecurityPolicyUris.Aes256Sha256RsaPss, MessageSecurityMode.SignAndEncrypt) with { ChannelLifetime = TimeSpan.FromSeconds(2) };
        await using var client = await OpcUaClient.ConnectAsync(options);
        var firstToken = client.ChannelTokenId;
        var counter = client.ResolveNodeId(Counter);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var tokens = new HashSet<uint> { firstToken };
        while (tokens.Count < 3 && DateTime.UtcNow < deadline)
        {
            var value = await client.ReadValueAsync(counter);
            Assert.True(value.Status.IsGood, value.Status.Name);
            tokens.Add(client.ChannelTokenId);
            await Task.Delay(100);
        }

        Assert.True(tokens.Count >= 3, $"tokens seen: {string.Join(",", tokens)}");
        Assert.True(client.IsConnected);
    }

    public void Dispose() => _pki.Dispose();
}
