namespace EdgeAgent.OpcUa.Tests;

[CollectionDefinition(Name)]
public sealed class OpcUaServerCollection : ICollectionFixture<OpcUaServerFixture>
{
    public const string Name = "node-opcua server";
}
