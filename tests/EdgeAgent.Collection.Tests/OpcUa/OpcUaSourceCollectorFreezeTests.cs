using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa.Tests;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>A server that stops answering without closing its sockets (node-opcua frozen with SIGSTOP, then SIGCONT).</summary>
public class OpcUaSourceCollectorFreezeTests
{
    [Fact]
    public async Task ASilentServerIsDetectedByTheKeepAliveAndCollectionResumesWhenItAnswersAgain()
    {
        await using var server = await NodeOpcUaServer.StartAsync();
        await using var rig = Start(SourceAt(server.EndpointUrl, pollMs: 200), [("counter", NodeTag($"nsu={NodeOpcUaFixture.Namespace};s=Machine1.Counter"))]);
        await rig.WaitAsync(r => r.SamplesOf("counter").Count >= 3, "first values");

        await server.SignalAsync("STOP");
        try
        {
            // The socket stays open: only the missing keep-alive answers reveal the loss.
            await rig.WaitAsync(r => r.StatusEvents.Any(e => !e.Online), "offline by keep-alive timeout");
            var offline = rig.StatusEvents.First(e => !e.Online);
            Assert.Matches("^Bad(Timeout|NoCommunication|ConnectionClosed)$", offline.Reason);
            await rig.WaitAsync(r => r.Batches.Count(b => !b.CycleGood && b.TimestampUtc > offline.TimestampUtc) >= 2, "failed cycles while frozen");
        }
        finally
        {
            await server.SignalAsync("CONT");
        }

        var count = rig.SamplesOf("counter").Count;
        await rig.WaitAsync(r => r.StatusEvents.Count(e => e.Online) == 2 && r.SamplesOf("counter").Count > count + 2, "online again with new values", seconds: 60);
        Assert.Equal([true, false, true], rig.StatusEvents.Select(e => e.Online));
        Assert.All(rig.SamplesOf("counter").Skip(count), s => Assert.Equal(SampleQuality.Good, s.Quality));
    }
}
