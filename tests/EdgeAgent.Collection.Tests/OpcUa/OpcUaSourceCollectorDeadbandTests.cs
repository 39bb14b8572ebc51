using EdgeAgent.Core.Model;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Server;
using static EdgeAgent.Collection.Tests.OpcUa.OpcUaCollectorRig;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>The tag's deadband goes to the server as an absolute DataChangeFilter (our server, whose values the test sets).</summary>
public class OpcUaSourceCollectorDeadbandTests
{
    [Fact]
    public async Task ChangesWithinTheTagsDeadbandAreNotReportedByTheServer()
    {
        await using var server = new OpcUaServer();
        var ns = server.AddressSpace.RegisterNamespace("urn:test:deadband");
        var speed = new NodeId("Speed", ns);
        server.AddressSpace.AddVariable(WellKnownNodes.ObjectsFolder, speed, new QualifiedName(ns, "Speed"), Variant.From(1000.0));
        await server.StartAsync();
        await using var rig = Start(SourceAt(server.EndpointUrl, pollMs: 100), [("speed", NodeTag("nsu=urn:test:deadband;s=Speed", deadband: 50))]);
        await rig.WaitAsync(r => r.SamplesOf("speed").Count == 1, "the first value");

        foreach (var value in new[] { 1020.0, 1040.0, 1049.0, 1060.0, 1070.0, 1200.0 })
        {
            server.AddressSpace.SetValue(speed, Variant.From(value));
            await Task.Delay(250);
        }

        await rig.WaitAsync(r => r.SamplesOf("speed").Count >= 3, "the moves beyond 50");
        await Task.Delay(300);

        // 1000 → 1060 (> 50 from 1000) → 1200 (> 50 from 1060); the small steps never left the server.
        Assert.Equal([1000.0, 1060.0, 1200.0], rig.SamplesOf("speed").Select(s => s.Value));
        Assert.All(rig.Batches.SkipWhile(b => !b.CycleGood), b => Assert.True(b.CycleGood));
    }
}
