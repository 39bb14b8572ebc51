namespace EdgeAgent.OpcUa;

/// <summary>Well-known nodes of namespace 0.</summary>
public static class WellKnownNodes
{
    public static readonly NodeId RootFolder = new(84u);
    public static readonly NodeId ObjectsFolder = new(85u);
    public static readonly NodeId TypesFolder = new(86u);
    public static readonly NodeId ViewsFolder = new(87u);
    public static readonly NodeId Server = new(2253u);
    public static readonly NodeId ServerNamespaceArray = new(2255u);
    public static readonly NodeId ServerServerStatus = new(2256u);
    public static readonly NodeId ServerServerStatusState = new(2259u);
    public static readonly NodeId ServerServerStatusCurrentTime = new(2258u);
    public static readonly NodeId HierarchicalReferences = new(33u);
    public static readonly NodeId Organizes = new(35u);
    public static readonly NodeId HasComponent = new(47u);
    public static readonly NodeId HasProperty = new(46u);
}
