namespace EdgeAgent.Modbus.Tests.Peers;

[CollectionDefinition(Name)]
public sealed class LibmodbusCollection : ICollectionFixture<LibmodbusHostFixture>
{
    public const string Name = "libmodbus host";
}
