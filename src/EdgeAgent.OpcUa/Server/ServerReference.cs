namespace EdgeAgent.OpcUa.Server;

/// <summary>A reference from a node: its type, direction and the node at the other end.</summary>
internal readonly record struct ServerReference(NodeId ReferenceTypeId, bool IsForward, NodeId Target);
