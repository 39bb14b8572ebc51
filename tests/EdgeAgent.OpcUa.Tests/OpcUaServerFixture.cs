namespace EdgeAgent.OpcUa.Tests;

/// <summary>One node-opcua server shared by the tests of the <see cref="OpcUaServerCollection"/>.</summary>
public sealed class OpcUaServerFixture : IAsyncLifetime
{
    public const string TestNamespace = "urn:edgeagent:test";

    private NodeOpcUaServer? _server;

    public NodeOpcUaServer Server => _server ?? throw new InvalidOperationException("Server not started.");

    public string EndpointUrl => Server.EndpointUrl;

    public OpcUaClientOptions Options(UserIdentity? identity = null) => new()
    {
        EndpointUrl = EndpointUrl,
        Identity = identity ?? UserIdentity.Anonymous,
        OperationTimeout = TimeSpan.FromSeconds(10),
        KeepAliveInterval = TimeSpan.FromSeconds(2),
    };

    public async Task InitializeAsync() => _server = await NodeOpcUaServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
