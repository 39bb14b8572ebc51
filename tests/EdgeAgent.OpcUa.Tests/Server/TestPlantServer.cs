using EdgeAgent.OpcUa.Server;

namespace EdgeAgent.OpcUa.Tests.Server;

/// <summary>
/// Our <see cref="OpcUaServer"/> on a free 127.0.0.1 port with a small machine: Objects/Plant (folder)/Cnc1 (object)
/// with Speed (Double), Parts (UInt32), Program (String), Running (Boolean) and Secret (not readable), in "urn:test:plant".
/// </summary>
internal sealed class TestPlantServer : IAsyncDisposable
{
    public const string Namespace = "urn:test:plant";

    private TestPlantServer(OpcUaServer server, ushort ns)
    {
        Server = server;
        Ns = ns;
    }

    public OpcUaServer Server { get; }

    public ushort Ns { get; }

    public NodeId Speed => new("Cnc1.Speed", Ns);

    public NodeId Parts => new("Cnc1.Parts", Ns);

    public NodeId Program => new("Cnc1.Program", Ns);

    public NodeId Running => new("Cnc1.Running", Ns);

    public NodeId Secret => new("Cnc1.Secret", Ns);

    public string EndpointUrl => Server.EndpointUrl;

    public static async Task<TestPlantServer> StartAsync(OpcUaServerOptions? options = null)
    {
        var server = new OpcUaServer(options ?? new OpcUaServerOptions { ResourcePath = "/test" });
        var space = server.AddressSpace;
        var ns = space.RegisterNamespace(Namespace);
        var plant = space.AddFolder(WellKnownNodes.ObjectsFolder, new NodeId("Plant", ns), new QualifiedName(ns, "Plant"));
        var cnc = space.AddObject(plant, new NodeId("Cnc1", ns), new QualifiedName(ns, "Cnc1"));
        space.AddVariable(cnc, new NodeId("Cnc1.Speed", ns), new QualifiedName(ns, "Speed"), Variant.From(1200.0));
        space.AddVariable(cnc, new NodeId("Cnc1.Parts", ns), new QualifiedName(ns, "Parts"), Variant.From(7u));
        space.AddVariable(cnc, new NodeId("Cnc1.Program", ns), new QualifiedName(ns, "Program"), Variant.From("O1234"));
        space.AddVariable(cnc, new NodeId("Cnc1.Running", ns), new QualifiedName(ns, "Running"), Variant.From(true));
        space.AddVariable(cnc, new NodeId("Cnc1.Secret", ns), new QualifiedName(ns, "Secret"), Variant.From(42), readable: false);
        await server.StartAsync();
        return new TestPlantServer(server, ns);
    }

    public OpcUaClientOptions ClientOptions() => new()
    {
        EndpointUrl = EndpointUrl,
        OperationTimeout = TimeSpan.FromSeconds(5),
        KeepAliveInterval = TimeSpan.FromSeconds(1),
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
