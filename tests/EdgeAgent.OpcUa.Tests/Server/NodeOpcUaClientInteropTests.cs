using System.Diagnostics;
using System.Text.Json;

namespace EdgeAgent.OpcUa.Tests.Server;

/// <summary>
/// node-opcua 2.182.2's OPCUAClient (tests/peers/opcua/node_modules) against our server: proof that the server side
/// speaks OPC UA as a third-party client understands it, not only as our own client does.
/// </summary>
public sealed class NodeOpcUaClientInteropTests
{
    [Fact]
    public async Task NodeOpcUaClientConnectsBrowsesReadsSubscribesAndClosesItsSession()
    {
        await using var plant = await TestPlantServer.StartAsync();
        var peers = NodeOpcUaServer.PeerDirectory;
        var script = Path.Combine(AppContext.BaseDirectory, "Server", "node_client.js");
        var info = new ProcessStartInfo("node", [script, plant.EndpointUrl, TestPlantServer.Namespace])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = peers,
        };
        info.Environment["NODE_PATH"] = Path.Combine(peers, "node_modules");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        var speed = 1200.0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith("CHANGE ", StringComparison.Ordinal))
            {
                // Each change the client sees triggers the next one, so the test does not depend on timing.
                speed += 100;
                plant.Server.AddressSpace.SetValue(plant.Speed, Variant.From(speed));
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        var output = string.Join('\n', lines) + "\n" + await stderr;
        Assert.True(process.ExitCode == 0, output);
        var json = lines.Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..];
        using var result = JsonDocument.Parse(json);
        var root = result.RootElement;

        var endpoint = Assert.Single(root.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("None", endpoint.GetProperty("mode").GetString());
        Assert.Equal(plant.Ns, root.GetProperty("namespaceIndex").GetInt32());
        var objects = root.GetProperty("objects").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Server", objects);
        Assert.Contains($"{plant.Ns}:Plant", objects);
        Assert.Equal("Good", root.GetProperty("translateStatus").GetString());
        Assert.Equal($"ns={plant.Ns};s=Cnc1.Speed", root.GetProperty("speedNodeId").GetString());
        Assert.Equal(["Parts", "Program", "Running", "Secret", "Speed"], root.GetProperty("machineChildren").EnumerateArray().Select(e => e.GetString()));

        var read = root.GetProperty("read").EnumerateArray().ToList();
        Assert.Equal("Good", read[0].GetProperty("status").GetString());
        Assert.Equal(1200.0, read[0].GetProperty("value").GetDouble());
        Assert.Equal("O1234", read[1].GetProperty("value").GetString());
        Assert.Equal("BadNotReadable", read[2].GetProperty("status").GetString());
        Assert.Equal("Speed", read[3].GetProperty("value").GetString());

        Assert.Equal([1200.0, 1300.0, 1400.0], root.GetProperty("changes").EnumerateArray().Select(e => e.GetDouble()));
        Assert.True(root.GetProperty("closed").GetBoolean());
        Assert.Equal(0, plant.Server.SessionCount);
    }
}
