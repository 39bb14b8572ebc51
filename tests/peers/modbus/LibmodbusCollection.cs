namespace EdgeAgent.TestPeers.Modbus;

[CollectionDefinition(Name)]
public sealed class LibmodbusCollection : ICollectionFixture<LibmodbusHostFixture>
{
    public const string Name = "libmodbus host";
}
