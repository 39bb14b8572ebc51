using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>
/// The OPC UA collector against node-opcua 2.182.2 (tests/peers/opcua/server.js): Machine1 in "urn:edgeagent:test"
/// has Counter (UInt32, +1 every 100 ms), Temperature (Double), Name (String "CNC-01") and Secret (not readable).
/// </summary>
[Collection(NodeOpcUaCollection.Name)]
public class OpcUaSourceCollectorTests(NodeOpcUaFixture peer)
{
    private const string Ns = NodeOpcUaFixture.Namespace;

    private static (string, Core.Configuration.TagConfig)[] MachineTags() =>
    [
        ("counter", NodeTag($"nsu={Ns};s=Machine1.Counter", scale: 2, offset: 1)),
        ("name", NodeTag($"nsu={Ns};s=Machine1.Name")),
        ("temperature", PathTag($"/nsu={Ns};Machine1/nsu={Ns};Temperature")),
    ];

    [Fact]
    public async Task SubscriptionDeliversGoodScaledValuesWithSourceTimestampsOncePerInterval()
    {
        await using var rig = Start(SourceAt(peer.EndpointUrl, pollMs: 200), MachineTags());
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= 5 && r.SamplesOf("name").Count >= 1 && r.SamplesOf("temperature").Count >= 1, "values arrive by subscription");

        var online = Assert.Single(rig.StatusEvents);
        Assert.True(online.Online);
        Assert.Equal("connected", online.Reason);

        var counters = rig.SamplesOf("counter");
        Assert.All(counters, s => Assert.Equal(SampleQuality.Good, s.Quality));

        // × 2 + 1 of an integer is odd; the counter only grows; the source timestamp is the server's, not the cycle's.
        Assert.All(counters, s => Assert.Equal(1, s.Value % 2));
        Assert.True(counters.Zip(counters.Skip(1)).All(p => p.Second.Value > p.First.Value), string.Join(", ", counters.Select(c => c.Value)));
        Assert.All(counters, s => Assert.InRange(s.TimestampUtc, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(5)));
        Assert.Contains(counters, s => rig.Batches.All(b => b.TimestampUtc != s.TimestampUtc));

        var name = rig.SamplesOf("name")[0];
        Assert.Equal("CNC-01", name.Text);
        Assert.True(double.IsNaN(name.Value));
        Assert.Equal(SampleQuality.Good, rig.SamplesOf("temperature")[0].Quality);

        // One batch per interval, all good.
        var batches = rig.Batches.SkipWhile(b => !b.CycleGood).ToList();
        Assert.All(batches, b => Assert.True(b.CycleGood));

        // Name never changes: it was reported once, later cycles carry no sample for it.
        Assert.Single(rig.SamplesOf("name"));
    }

    [Fact]
    public async Task EveryReportedChangeIsKeptWhenIngestStallsForSeveralIntervals()
    {
        // A channel of 2 fills at once when ingest pauses, so the collector's cycles wait and the subscription's
        // reports pile up in the session for several intervals.
        await using var rig = Start(SourceAt(peer.EndpointUrl, pollMs: 200), [("counter", NodeTag($"nsu={Ns};s=Machine1.Counter"))], channelCapacity: 2);
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= 3, "counter values");

        await rig.PauseIngestAsync();
        var before = rig.SamplesOf("counter").Count;
        await Task.Delay(TimeSpan.FromSeconds(4));
        rig.ResumeIngest();
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= before + 18, "the values reported during the stall");

        // The counter steps by 1 every 100 ms and is sampled every 200 ms: consecutive samples, in the order they were
        // handed over, differ by about 2. Keeping only the last change of each cycle would show a jump of 20 or so
        // across the stall; handing changes over out of order would show a step below 1.
        var values = rig.SamplesOf("counter").Select(s => s.Value).ToList();
        var steps = values.Zip(values.Skip(1), (a, b) => b - a).ToList();
        Assert.All(steps, step => Assert.InRange(step, 1, 10));
        Assert.Contains(rig.Batches, b => b.Samples.Count(s => s.Key.Tag == "counter") >= 5);
    }

    [Fact]
    public async Task NamespacesAreResolvedByUriToTheServersIndex()
    {
        await using var rig = Start(SourceAt(peer.EndpointUrl), MachineTags());
        await rig.WaitAsync(r => r.Collector.Client is not null && r.SamplesOf("counter").Count > 0, "connected");

        var client = rig.Collector.Client!;
        var index = client.NamespaceUris.ToList().IndexOf(Ns);

        // node-opcua registers the conformance-testing namespaces first, so the test namespace is not index 1.
        Assert.True(index > 1, $"index {index}");
        Assert.Equal(new NodeId("Machine1.Counter", (ushort)index), client.ResolveNodeId(ExpandedNodeId.Parse($"nsu={Ns};s=Machine1.Counter")));
        Assert.Equal(SampleQuality.Good, rig.SamplesOf("counter")[0].Quality);
    }

    [Fact]
    public async Task PollingReadsEveryTagEveryCycle()
    {
        await using var rig = Start(SourceAt(peer.EndpointUrl, pollMs: 200, polling: true), MachineTags());
        await rig.WaitAsync(r => r.Batches.Count(b => b.CycleGood) >= 4, "four good polling cycles");

        var good = rig.Batches.Where(b => b.CycleGood).ToList();
        Assert.All(good, b => Assert.Equal(["counter", "name", "temperature"], b.Samples.Select(s => s.Key.Tag).Order()));
        Assert.All(good.SelectMany(b => b.Samples), s => Assert.Equal(SampleQuality.Good, s.Quality));
        Assert.All(good, b => Assert.Equal("CNC-01", b.Samples.Single(s => s.Key.Tag == "name").Text));
        var counters = good.Select(b => b.Samples.Single(s => s.Key.Tag == "counter").Value).ToList();
        Assert.True(counters.Zip(counters.Skip(1)).All(p => p.Second >= p.First), string.Join(", ", counters));
        Assert.True(counters[^1] > counters[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TagsTheServerCannotServeAreBadWithTheStatusNameWhileTheOthersStayGood(bool polling)
    {
        (string, Core.Configuration.TagConfig)[] tags =
        [
            ("counter", NodeTag($"nsu={Ns};s=Machine1.Counter")),
            ("secret", NodeTag($"nsu={Ns};s=Machine1.Secret")),
            ("missing", NodeTag($"nsu={Ns};s=Machine1.NoSuchNode")),
            ("otherNamespace", NodeTag("nsu=urn:not:on:this:server;s=Machine1.Counter")),
            ("wrongPath", PathTag($"/nsu={Ns};Machine1/nsu={Ns};NoSuchChild")),
        ];
        await using var rig = Start(SourceAt(peer.EndpointUrl, pollMs: 200, polling: polling), tags);
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= 2 && r.SamplesOf("secret").Count >= 1, "the good tag and the bad ones reported");

        Assert.All(rig.SamplesOf("counter"), s => Assert.Equal(SampleQuality.Good, s.Quality));
        Assert.Equal("BadNotReadable", Bad(rig, "secret"));
        Assert.Equal("BadNodeIdUnknown", Bad(rig, "missing"));
        Assert.Equal("BadNodeIdUnknown", Bad(rig, "otherNamespace"));
        Assert.Equal("BadNoMatch", Bad(rig, "wrongPath"));
        Assert.Contains(rig.Batches, b => b.CycleGood);
    }

    private static string? Bad(OpcUaCollectorRig rig, string tag)
    {
        var sample = rig.SamplesOf(tag)[0];
        Assert.Equal(SampleQuality.Bad, sample.Quality);
        Assert.True(double.IsNaN(sample.Value));
        return sample.Status;
    }

    [Fact]
    public async Task StoppingTheCollectorClosesItsSessionOnTheServer()
    {
        var before = await NodeOpcUaFixture.SessionCountAsync(peer.EndpointUrl);
        var rig = Start(SourceAt(peer.EndpointUrl), MachineTags());
        await rig.WaitAsync(r => r.SamplesOf("counter").Count > 0, "subscribed");
        Assert.Equal(before + 1, await NodeOpcUaFixture.SessionCountAsync(peer.EndpointUrl));

        await rig.DisposeAsync();

        // CloseSession on shutdown: nothing waits for a session timeout on the server.
        Assert.Equal(before, await NodeOpcUaFixture.SessionCountAsync(peer.EndpointUrl));
    }
}
