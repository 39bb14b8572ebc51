namespace EdgeAgent.OpcUa.Server;

/// <summary>The standard reference types the server's address space uses, and their subtype tree (Part 5 §11).</summary>
internal static class ReferenceTypes
{
    public static readonly NodeId References = new(31u);
    public static readonly NodeId NonHierarchicalReferences = new(32u);
    public static readonly NodeId HierarchicalReferences = new(33u);
    public static readonly NodeId HasChild = new(34u);
    public static readonly NodeId Organizes = new(35u);
    public static readonly NodeId HasEventSource = new(36u);
    public static readonly NodeId HasTypeDefinition = new(40u);
    public static readonly NodeId Aggregates = new(44u);
    public static readonly NodeId HasSubtype = new(45u);
    public static readonly NodeId HasProperty = new(46u);
    public static readonly NodeId HasComponent = new(47u);
    public static readonly NodeId HasNotifier = new(48u);

    private static readonly Dictionary<uint, uint> Parents = new()
    {
        [32] = 31,
        [33] = 31,
        [34] = 33,
        [35] = 33,
        [36] = 33,
        [48] = 36,
        [44] = 34,
        [45] = 34,
        [46] = 44,
        [47] = 44,
        [40] = 32,
    };

    /// <summary>Whether a reference of type <paramref name="type"/> matches a filter on <paramref name="filter"/>.</summary>
    public static bool Matches(NodeId type, NodeId? filter, bool includeSubtypes)
    {
        if (filter is null || filter.IsNull)
        {
            return true;
        }

        if (type == filter)
        {
            return true;
        }

        if (!includeSubtypes || type.NamespaceIndex != 0 || filter.NamespaceIndex != 0 || type.IdType != IdType.Numeric || filter.IdType != IdType.Numeric)
        {
            return false;
        }

        var current = type.NumericId;
        var target = filter.NumericId;
        while (Parents.TryGetValue(current, out var parent))
        {
            if (parent == target)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
