using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>One attribute of one node to read or monitor (Part 4 §7.29).</summary>
public sealed class ReadValueId : IEncodeable
{
    public NodeId NodeId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public uint AttributeId { get; set; }

    public string? IndexRange { get; set; }

    public QualifiedName DataEncoding { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(NodeId);
        encoder.WriteUInt32(AttributeId);
        encoder.WriteString(IndexRange);
        encoder.WriteQualifiedName(DataEncoding);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ReadValueId Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ReadValueId();
        value.NodeId = decoder.ReadNodeId();
        value.AttributeId = decoder.ReadUInt32();
        value.IndexRange = decoder.ReadString();
        value.DataEncoding = decoder.ReadQualifiedName();
        decoder.Leave();
        return value;
    }
}
