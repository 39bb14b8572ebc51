namespace EdgeAgent.OpcUa;

/// <summary>A value reported by a subscription for one monitored node.</summary>
public sealed record DataChange(MonitoredNode Node, NodeId NodeId, DataValue Value);
