using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A node a browse path leads to.</summary>
internal sealed class BrowsePathTarget : IEncodeable
{
    public ExpandedNodeId TargetId { get; set; } = new ExpandedNodeId(global::EdgeAgent.OpcUa.NodeId.Null);

    public uint RemainingPathIndex { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteExpandedNodeId(TargetId);
        encoder.WriteUInt32(RemainingPathIndex);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowsePathTarget Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowsePathTarget();
        value.TargetId = decoder.ReadExpandedNodeId();
        value.RemainingPathIndex = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
