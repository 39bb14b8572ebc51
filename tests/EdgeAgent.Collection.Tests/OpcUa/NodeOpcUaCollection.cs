namespace EdgeAgent.Collection.Tests.OpcUa;

[CollectionDefinition(Name)]
public sealed class NodeOpcUaCollection : ICollectionFixture<NodeOpcUaFixture>
{
    public const string Name = "node-opcua server for collectors";
}
