namespace EdgeAgent.OpcUa;

/// <summary>The server's answer for one monitored node: Good with the revised settings, or why it was refused.</summary>
public sealed record MonitoredItemResult(MonitoredNode Node, NodeId? NodeId, StatusCode Status, uint MonitoredItemId, double RevisedSamplingInterval, uint RevisedQueueSize);
