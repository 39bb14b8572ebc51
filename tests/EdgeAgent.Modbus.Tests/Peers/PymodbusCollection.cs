namespace EdgeAgent.Modbus.Tests.Peers;

[CollectionDefinition(Name)]
public sealed class PymodbusCollection : ICollectionFixture<PymodbusServerFixture>
{
    public const string Name = "pymodbus server";
}
