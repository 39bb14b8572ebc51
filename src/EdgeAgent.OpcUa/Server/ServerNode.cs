namespace EdgeAgent.OpcUa.Server;

/// <summary>A node of the server's address space: an object (or folder) or a variable with its current value.</summary>
internal sealed class ServerNode
{
    public ServerNode(NodeId nodeId, NodeClass nodeClass, QualifiedName browseName, LocalizedText displayName, NodeId typeDefinition)
    {
        NodeId = nodeId;
        NodeClass = nodeClass;
        BrowseName = browseName;
        DisplayName = displayName;
        TypeDefinition = typeDefinition;
    }

    public NodeId NodeId { get; }

    public NodeClass NodeClass { get; }

    public QualifiedName BrowseName { get; }

    public LocalizedText DisplayName { get; }

    public NodeId TypeDefinition { get; }

    public List<ServerReference> References { get; } = [];

    /// <summary>The current value of a variable (with status and source timestamp).</summary>
    public DataValue Value { get; set; } = new(Variant.Null);

    /// <summary>For values computed at read time (the server's clock, its session count).</summary>
    public Func<DataValue>? ValueSource { get; set; }

    public NodeId DataType { get; set; } = NodeId.Null;

    public int ValueRank { get; set; } = -1;

    /// <summary>CurrentRead (1) when readable; 0 makes every read and sample BadNotReadable.</summary>
    public byte AccessLevel { get; set; } = 1;

    public bool IsReadable => (AccessLevel & 1) != 0;

    /// <summary>Monitored items sampling this node (guarded by the address space lock).</summary>
    public List<ServerMonitoredItem> MonitoredItems { get; } = [];

    public DataValue CurrentValue => ValueSource?.Invoke() ?? Value;
}
