namespace EdgeAgent.OpcUa;

/// <summary>The kind of an OPC UA application.</summary>
public enum ApplicationType
{
    Server = 0,
    Client = 1,
    ClientAndServer = 2,
    DiscoveryServer = 3,
}
