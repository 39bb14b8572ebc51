namespace EdgeAgent.OpcUa;

/// <summary>Which timestamps a Read or monitored item returns.</summary>
public enum TimestampsToReturn
{
    Source = 0,
    Server = 1,
    Both = 2,
    Neither = 3,
}
