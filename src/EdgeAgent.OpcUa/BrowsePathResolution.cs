namespace EdgeAgent.OpcUa;

/// <summary>The result of resolving one browse path: the target node, or the status saying why there is none.</summary>
public sealed record BrowsePathResolution(StatusCode Status, NodeId? Target);
