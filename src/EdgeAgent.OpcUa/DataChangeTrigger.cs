namespace EdgeAgent.OpcUa;

/// <summary>What change of a value makes a monitored item report.</summary>
public enum DataChangeTrigger
{
    Status = 0,
    StatusValue = 1,
    StatusValueTimestamp = 2,
}
