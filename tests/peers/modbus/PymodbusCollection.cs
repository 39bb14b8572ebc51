namespace EdgeAgent.TestPeers.Modbus;

[CollectionDefinition(Name)]
public sealed class PymodbusCollection : ICollectionFixture<PymodbusServerFixture>
{
    public const string Name = "pymodbus server";
}
