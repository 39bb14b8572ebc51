using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The view to browse (null = the whole address space).</summary>
internal sealed class ViewDescription : IEncodeable
{
    public NodeId ViewId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public DateTime Timestamp { get; set; }

    public uint ViewVersion { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(ViewId);
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(ViewVersion);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ViewDescription Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ViewDescription();
        value.ViewId = decoder.ReadNodeId();
        value.Timestamp = decoder.ReadDateTime();
        value.ViewVersion = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
