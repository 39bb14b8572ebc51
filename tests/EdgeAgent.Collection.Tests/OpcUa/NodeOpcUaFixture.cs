using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Tests;

namespace EdgeAgent.Collection.Tests.OpcUa;

/// <summary>One node-opcua server (tests/peers/opcua/server.js) shared by the collector tests of <see cref="NodeOpcUaCollection"/>.</summary>
public sealed class NodeOpcUaFixture : IAsyncLifetime
{
    /// <summary>The namespace of the peer's Machine1 object (index chosen by node-opcua, resolved by URI).</summary>
    public const string Namespace = "urn:edgeagent:test";

    private NodeOpcUaServer? _server;

    public NodeOpcUaServer Server => _server ?? throw new InvalidOperationException("Server not started.");

    public string EndpointUrl => Server.EndpointUrl;

    public async Task InitializeAsync() => _server = await NodeOpcUaServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The server's CurrentSessionCount (i=2277), read on a session of its own (which counts itself).</summary>
    public static async Task<uint> SessionCountAsync(string endpointUrl)
    {
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = endpointUrl, OperationTimeout = TimeSpan.FromSeconds(10) });
        return (uint)(await client.ReadValueAsync(new NodeId(2277u))).Value.Value!;
    }
}
