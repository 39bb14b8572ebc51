namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// The address space of an <see cref="OpcUaServer"/>: the standard entry points (Root, Objects, Types, Views, and the
/// Server object with NamespaceArray, ServerStatus and the session count) plus folders, objects and variables the
/// owner adds under namespaces of its own. Variables hold a value the owner sets (<see cref="SetValue"/>); monitored
/// items see every change. Thread-safe.
/// </summary>
public sealed class ServerAddressSpace
{
    /// <summary>The standard namespace (index 0).</summary>
    public const string StandardNamespaceUri = "http://opcfoundation.org/UA/";

    private static readonly NodeId FolderType = new(61u);
    private static readonly NodeId BaseObjectType = new(58u);
    private static readonly NodeId BaseDataVariableType = new(63u);
    private static readonly NodeId PropertyType = new(68u);
    private static readonly NodeId ServerType = new(2004u);
    private static readonly NodeId ServerStatusType = new(2138u);
    private static readonly NodeId ServerDiagnosticsCurrentSessionCount = new(2277u);

    private readonly Dictionary<NodeId, ServerNode> _nodes = [];
    private readonly List<string> _namespaces;
    private readonly ServerNode _namespaceArray;

    /// <summary>Creates the standard nodes; namespace 1 is the server's own (<paramref name="applicationUri"/>).</summary>
    public ServerAddressSpace(string applicationUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationUri);
        _namespaces = [StandardNamespaceUri, applicationUri];
        var root = Add(new ServerNode(WellKnownNodes.RootFolder, NodeClass.Object, new QualifiedName(0, "Root"), Text("Root"), FolderType), null, null);
        Add(new ServerNode(WellKnownNodes.ObjectsFolder, NodeClass.Object, new QualifiedName(0, "Objects"), Text("Objects"), FolderType), root.NodeId, ReferenceTypes.Organizes);
        Add(new ServerNode(WellKnownNodes.TypesFolder, NodeClass.Object, new QualifiedName(0, "Types"), Text("Types"), FolderType), root.NodeId, ReferenceTypes.Organizes);
        Add(new ServerNode(WellKnownNodes.ViewsFolder, NodeClass.Object, new QualifiedName(0, "Views"), Text("Views"), FolderType), root.NodeId, ReferenceTypes.Organizes);
        var server = Add(new ServerNode(WellKnownNodes.Server, NodeClass.Object, new QualifiedName(0, "Server"), Text("Server"), ServerType), WellKnownNodes.ObjectsFolder, ReferenceTypes.Organizes);
        _namespaceArray = AddVariableNode(server.NodeId, WellKnownNodes.ServerNamespaceArray, new QualifiedName(0, "NamespaceArray"), NamespaceArrayValue(), ReferenceTypes.HasProperty, PropertyType);
        var status = AddVariableNode(server.NodeId, WellKnownNodes.ServerServerStatus, new QualifiedName(0, "ServerStatus"), Variant.Null, ReferenceTypes.HasComponent, ServerStatusType);
        status.DataType = new NodeId(862u);

        // Running (0): a simulated device is either on the network and running, or not there at all.
        AddVariableNode(status.NodeId, WellKnownNodes.ServerServerStatusState, new QualifiedName(0, "State"), Variant.From(0), ReferenceTypes.HasComponent, BaseDataVariableType);
        var time = AddVariableNode(status.NodeId, WellKnownNodes.ServerServerStatusCurrentTime, new QualifiedName(0, "CurrentTime"), Variant.Null, ReferenceTypes.HasComponent, BaseDataVariableType);
        time.DataType = new NodeId((uint)BuiltInType.DateTime);
        time.ValueSource = () =>
        {
            var now = DateTime.UtcNow;
            return new DataValue(new Variant(BuiltInType.DateTime, now), StatusCodes.Good, now, now);
        };
        var sessions = AddVariableNode(server.NodeId, ServerDiagnosticsCurrentSessionCount, new QualifiedName(0, "CurrentSessionCount"), new Variant(BuiltInType.UInt32, 0u), ReferenceTypes.HasComponent, BaseDataVariableType);
        sessions.ValueSource = () => new DataValue(new Variant(BuiltInType.UInt32, (uint)Math.Max(SessionCount?.Invoke() ?? 0, 0)), StatusCodes.Good, DateTime.UtcNow, DateTime.UtcNow);
    }

    /// <summary>Index → namespace URI (the NamespaceArray).</summary>
    public IReadOnlyList<string> NamespaceUris
    {
        get
        {
            lock (Sync)
            {
                return [.. _namespaces];
            }
        }
    }

    /// <summary>Guards the nodes, and the server's sessions and subscriptions that sample them.</summary>
    internal Lock Sync { get; } = new();

    /// <summary>Raised (under <see cref="Sync"/>) when a variable's value changes.</summary>
    internal Action<ServerNode>? ValueChanged { get; set; }

    /// <summary>Gives the session count to the CurrentSessionCount variable (set by the server).</summary>
    internal Func<int>? SessionCount { get; set; }

    /// <summary>Adds a namespace (or finds it) and returns its index.</summary>
    public ushort RegisterNamespace(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        lock (Sync)
        {
            var index = _namespaces.IndexOf(uri);
            if (index < 0)
            {
                _namespaces.Add(uri);
                index = _namespaces.Count - 1;
                _namespaceArray.Value = new DataValue(NamespaceArrayValue(), StatusCodes.Good, DateTime.UtcNow);
            }

            return (ushort)index;
        }
    }

    /// <summary>Adds a folder organised by <paramref name="parent"/> (e.g. <see cref="WellKnownNodes.ObjectsFolder"/>).</summary>
    public NodeId AddFolder(NodeId parent, NodeId nodeId, QualifiedName browseName, string? displayName = null)
    {
        lock (Sync)
        {
            return Add(new ServerNode(nodeId, NodeClass.Object, browseName, Text(displayName ?? browseName.Name), FolderType), parent, ReferenceTypes.Organizes).NodeId;
        }
    }

    /// <summary>Adds an object: a component of <paramref name="parent"/>, or organised by it when the parent is a folder.</summary>
    public NodeId AddObject(NodeId parent, NodeId nodeId, QualifiedName browseName, string? displayName = null)
    {
        lock (Sync)
        {
            var reference = Find(parent).TypeDefinition == FolderType ? ReferenceTypes.Organizes : ReferenceTypes.HasComponent;
            return Add(new ServerNode(nodeId, NodeClass.Object, browseName, Text(displayName ?? browseName.Name), BaseObjectType), parent, reference).NodeId;
        }
    }

    /// <summary>
    /// Adds a variable (a component of <paramref name="parent"/>) with its initial value; its DataType follows the
    /// value's built-in type. An unreadable variable answers every read and sample with BadNotReadable.
    /// </summary>
    public NodeId AddVariable(NodeId parent, NodeId nodeId, QualifiedName browseName, Variant value, bool readable = true, string? displayName = null)
    {
        lock (Sync)
        {
            var reference = Find(parent).TypeDefinition == FolderType ? ReferenceTypes.Organizes : ReferenceTypes.HasComponent;
            var node = AddVariableNode(parent, nodeId, browseName, value, reference, BaseDataVariableType, displayName);
            node.AccessLevel = readable ? (byte)1 : (byte)0;
            return node.NodeId;
        }
    }

    /// <summary>Sets a variable's value (status Good and now as source timestamp unless given).</summary>
    public void SetValue(NodeId nodeId, Variant value, StatusCode status = default, DateTime? sourceTimestamp = null)
    {
        lock (Sync)
        {
            var node = Find(nodeId);
            if (node.NodeClass != NodeClass.Variable)
            {
                throw new InvalidOperationException($"{nodeId} is not a variable.");
            }

            var now = DateTime.UtcNow;
            if (!value.IsNull && node.DataType.IsNull)
            {
                node.DataType = new NodeId((uint)value.Type);
            }

            node.Value = new DataValue(value, status, sourceTimestamp ?? now, now);
            ValueChanged?.Invoke(node);
        }
    }

    /// <summary>
    /// Sets many variables' values at once (status Good, now as source and server timestamp): the same as
    /// <see cref="SetValue"/> for each, but the lock is taken once per slice of 1,000 rather than per variable, and
    /// released between slices so publishing and requests are not held up by a large update.
    /// </summary>
    public void SetValues(IReadOnlyList<NodeId> nodeIds, IReadOnlyList<Variant> values)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(values);
        if (nodeIds.Count != values.Count)
        {
            throw new ArgumentException("One value per node id.", nameof(values));
        }

        const int Slice = 1000;
        for (var start = 0; start < nodeIds.Count; start += Slice)
        {
            var end = Math.Min(start + Slice, nodeIds.Count);
            lock (Sync)
            {
                var now = DateTime.UtcNow;
                for (var i = start; i < end; i++)
                {
                    var node = Find(nodeIds[i]);
                    if (node.NodeClass != NodeClass.Variable)
                    {
                        throw new InvalidOperationException($"{nodeIds[i]} is not a variable.");
                    }

                    var value = values[i];
                    if (!value.IsNull && node.DataType.IsNull)
                    {
                        node.DataType = new NodeId((uint)value.Type);
                    }

                    node.Value = new DataValue(value, StatusCodes.Good, now, now);
                    ValueChanged?.Invoke(node);
                }
            }
        }
    }

    /// <summary>A variable's current value.</summary>
    public DataValue GetValue(NodeId nodeId)
    {
        lock (Sync)
        {
            return Find(nodeId).CurrentValue;
        }
    }

    /// <summary>Whether the node exists.</summary>
    public bool Contains(NodeId nodeId)
    {
        lock (Sync)
        {
            return _nodes.ContainsKey(nodeId);
        }
    }

    /// <summary>The node, or null (call under <see cref="Sync"/>).</summary>
    internal ServerNode? TryGet(NodeId nodeId) => _nodes.GetValueOrDefault(nodeId);

    private ServerNode Find(NodeId nodeId) =>
        _nodes.TryGetValue(nodeId ?? throw new ArgumentNullException(nameof(nodeId)), out var node) ? node : throw new KeyNotFoundException($"No node {nodeId}.");

    private ServerNode AddVariableNode(NodeId parent, NodeId nodeId, QualifiedName browseName, Variant value, NodeId reference, NodeId typeDefinition, string? displayName = null)
    {
        var node = new ServerNode(nodeId, NodeClass.Variable, browseName, Text(displayName ?? browseName.Name), typeDefinition)
        {
            Value = new DataValue(value, StatusCodes.Good, DateTime.UtcNow, DateTime.UtcNow),
            DataType = value.IsNull ? NodeId.Null : new NodeId((uint)value.Type),
            ValueRank = value.IsArray ? 1 : -1,
        };
        return Add(node, parent, reference);
    }

    private ServerNode Add(ServerNode node, NodeId? parent, NodeId? reference)
    {
        ArgumentNullException.ThrowIfNull(node.NodeId);
        if (node.NodeId.NamespaceIndex >= _namespaces.Count)
        {
            throw new ArgumentException($"Namespace {node.NodeId.NamespaceIndex} of {node.NodeId} is not registered.", nameof(node));
        }

        if (!_nodes.TryAdd(node.NodeId, node))
        {
            throw new ArgumentException($"Node {node.NodeId} already exists.", nameof(node));
        }

        node.References.Add(new ServerReference(ReferenceTypes.HasTypeDefinition, true, node.TypeDefinition));
        if (parent is not null && reference is not null)
        {
            var parentNode = Find(parent);
            parentNode.References.Add(new ServerReference(reference, true, node.NodeId));
            node.References.Add(new ServerReference(reference, false, parentNode.NodeId));
        }

        return node;
    }

    private Variant NamespaceArrayValue() => new(BuiltInType.String, _namespaces.ToArray(), isArray: true);

    private static LocalizedText Text(string? text) => new(null, text);
}
