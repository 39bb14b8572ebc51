namespace EdgeAgent.OpcUa;

/// <summary>Whether a monitored item samples and reports.</summary>
public enum MonitoringMode
{
    Disabled = 0,
    Sampling = 1,
    Reporting = 2,
}
