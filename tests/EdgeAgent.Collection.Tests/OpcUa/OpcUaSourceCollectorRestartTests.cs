using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Tests;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>The collector while its server (a node-opcua process of its own) is killed and started again on the same port.</summary>
public class OpcUaSourceCollectorRestartTests
{
    private const string Ns = NodeOpcUaFixture.Namespace;

    [Fact]
    public async Task ServerRestartIsAGapWithAReasonThenDataResumesOnOneNewSession()
    {
        await using var server = await NodeOpcUaServer.StartAsync();
        await using var rig = Start(SourceAt(server.EndpointUrl, pollMs: 200), [("counter", NodeTag($"nsu={Ns};s=Machine1.Counter"))]);
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= 3, "first values");
        var firstSession = rig.Collector.Client!.SessionId;

        await server.KillAsync();
        await rig.WaitAsync(r => r.StatusEvents.Any(e => !e.Online), "offline after the kill");
        var offline = rig.StatusEvents.First(e => !e.Online);
        Assert.StartsWith("Bad", offline.Reason, StringComparison.Ordinal);

        // While the server is away every cycle is recorded, as a failed one.
        await rig.WaitAsync(r => r.Batches.Count(b => !b.CycleGood && b.TimestampUtc > offline.TimestampUtc) >= 3, "failed cycles during the outage");

        var samplesBeforeRestart = rig.SamplesOf("counter").Count;
        await server.StartProcessAsync();
        await rig.WaitAsync(r => r.StatusEvents.Count(e => e.Online) == 2 && r.SamplesOf("counter").Count > samplesBeforeRestart + 2, "online again with new values", seconds: 60);

        Assert.Equal([true, false, true], rig.StatusEvents.Select(e => e.Online));
        var after = rig.SamplesOf("counter").Skip(samplesBeforeRestart).ToList();
        Assert.All(after, s => Assert.Equal(SampleQuality.Good, s.Quality));

        // A new session and subscription; the server knows exactly one session: ours (read through it).
        var client = rig.Collector.Client!;
        Assert.NotEqual(firstSession, client.SessionId);
        var count = await client.ReadValueAsync(new NodeId(2277u));
        Assert.Equal(1u, count.Value.Value);

        // The gap is on record: failed cycles between the offline and the second online event.
        var backOnline = rig.StatusEvents[2].TimestampUtc;
        Assert.Contains(rig.Batches, b => !b.CycleGood && b.TimestampUtc >= offline.TimestampUtc && b.TimestampUtc <= backOnline);
    }
}
