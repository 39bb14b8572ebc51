using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A start node and a relative path to follow.</summary>
internal sealed class BrowsePath : IEncodeable
{
    public NodeId StartingNode { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public RelativePath RelativePath { get; set; } = new RelativePath();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(StartingNode);
        RelativePath.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowsePath Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowsePath();
        value.StartingNode = decoder.ReadNodeId();
        value.RelativePath = RelativePath.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
