using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>One node to browse and which references to return (Part 4 §5.8.2).</summary>
internal sealed class BrowseDescription : IEncodeable
{
    public NodeId NodeId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public BrowseDirection BrowseDirection { get; set; }

    public NodeId ReferenceTypeId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public bool IncludeSubtypes { get; set; }

    public uint NodeClassMask { get; set; }

    public uint ResultMask { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(NodeId);
        encoder.WriteInt32((int)BrowseDirection);
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IncludeSubtypes);
        encoder.WriteUInt32(NodeClassMask);
        encoder.WriteUInt32(ResultMask);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowseDescription Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowseDescription();
        value.NodeId = decoder.ReadNodeId();
        value.BrowseDirection = (BrowseDirection)decoder.ReadInt32();
        value.ReferenceTypeId = decoder.ReadNodeId();
        value.IncludeSubtypes = decoder.ReadBoolean();
        value.NodeClassMask = decoder.ReadUInt32();
        value.ResultMask = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
