namespace EdgeAgent.OpcUa;

/// <summary>A node to monitor in a subscription, with its sampling and filter settings.</summary>
public sealed record MonitoredNode(ExpandedNodeId NodeId)
{
    /// <summary>Sampling interval in ms; -1 means the subscription's publishing interval, 0 the fastest the server allows.</summary>
    public double SamplingInterval { get; init; } = -1;

    /// <summary>How many values the server queues between publishes (1 = last value only).</summary>
    public uint QueueSize { get; init; } = 10;

    /// <summary>Deadband applied by the server to numeric values.</summary>
    public DeadbandType DeadbandType { get; init; } = DeadbandType.None;

    /// <summary>The deadband: an absolute amount, or a percentage of the EURange.</summary>
    public double DeadbandValue { get; init; }

    /// <summary>What counts as a change.</summary>
    public DataChangeTrigger Trigger { get; init; } = DataChangeTrigger.StatusValue;

    /// <summary>The attribute to monitor (Value by default).</summary>
    public uint AttributeId { get; init; } = Attributes.Value;

    /// <summary>Free for the caller: handed back with every change of this node.</summary>
    public object? Tag { get; init; }
}
