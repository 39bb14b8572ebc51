using System.Diagnostics;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>Corrupts a real server's byte stream on its way to the client.</summary>
[Collection(OpcUaServerCollection.Name)]
public sealed class LiveFuzzTests(OpcUaServerFixture fixture)
{
    [Fact]
    public async Task CorruptedServerStreamsNeverCrashHangOrBloatTheClient()
    {
        var port = new Uri(fixture.EndpointUrl.Replace("opc.tcp", "http", StringComparison.Ordinal)).Port;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var outcomes = new Dictionary<string, int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            await using var proxy = new MutatingProxy(port, seed);
            var url = fixture.EndpointUrl.Replace($":{port}/", $":{proxy.Port}/", StringComparison.Ordinal);
            var options = fixture.Options() with { EndpointUrl = url, OperationTimeout = TimeSpan.FromSeconds(2), KeepAliveInterval = TimeSpan.FromSeconds(1) };
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                await using var client = await OpcUaClient.ConnectAsync(options).WaitAsync(TimeSpan.FromSeconds(15));
                var values = await client.ReadValuesAsync(Enumerable.Repeat(WellKnownNodes.ServerNamespaceArray, 50).ToArray()).WaitAsync(TimeSpan.FromSeconds(15));
                outcome = values.All(v => v.Status.IsGood) ? "ok" : "bad-values";
            }
            catch (OpcUaException ex)
            {
                outcome = ex.StatusCode.Name;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"seed {seed} took {watch.Elapsed}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(memoryAfter - memoryBefore < 64 * 1024 * 1024, $"memory grew by {memoryAfter - memoryBefore} bytes");
        Assert.True(outcomes.Count > 1, "every corruption had the same outcome: " + string.Join(", ", outcomes));

        // The server itself is unharmed and the fixture keeps working.
        await using var healthy = await OpcUaClient.ConnectAsync(fixture.Options());
        Assert.True((await healthy.ReadValueAsync(WellKnownNodes.ServerServerStatusState)).Status.IsGood);
    }
}
