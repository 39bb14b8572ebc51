using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A reference returned by Browse (Part 4 §7.30).</summary>
public sealed class ReferenceDescription : IEncodeable
{
    public NodeId ReferenceTypeId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public bool IsForward { get; set; }

    public ExpandedNodeId NodeId { get; set; } = new ExpandedNodeId(global::EdgeAgent.OpcUa.NodeId.Null);

    public QualifiedName BrowseName { get; set; }

    public LocalizedText? DisplayName { get; set; }

    public NodeClass NodeClass { get; set; }

    public ExpandedNodeId TypeDefinition { get; set; } = new ExpandedNodeId(global::EdgeAgent.OpcUa.NodeId.Null);

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IsForward);
        encoder.WriteExpandedNodeId(NodeId);
        encoder.WriteQualifiedName(BrowseName);
        encoder.WriteLocalizedText(DisplayName);
        encoder.WriteInt32((int)NodeClass);
        encoder.WriteExpandedNodeId(TypeDefinition);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ReferenceDescription Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ReferenceDescription();
        value.ReferenceTypeId = decoder.ReadNodeId();
        value.IsForward = decoder.ReadBoolean();
        value.NodeId = decoder.ReadExpandedNodeId();
        value.BrowseName = decoder.ReadQualifiedName();
        value.DisplayName = decoder.ReadLocalizedText();
        value.NodeClass = (NodeClass)decoder.ReadInt32();
        value.TypeDefinition = decoder.ReadExpandedNodeId();
        decoder.Leave();
        return value;
    }
}
