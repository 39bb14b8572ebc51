namespace EdgeAgent.OpcUa.Services;

/// <summary>The created monitored items.</summary>
internal sealed class CreateMonitoredItemsResponse : ResultsResponse<CreateMonitoredItemsResponse, MonitoredItemCreateResult>
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(754u);
}
