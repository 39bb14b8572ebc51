using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>One step of a browse path (Part 4 §7.31).</summary>
internal sealed class RelativePathElement : IEncodeable
{
    public NodeId ReferenceTypeId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public bool IsInverse { get; set; }

    public bool IncludeSubtypes { get; set; }

    public QualifiedName TargetName { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(ReferenceTypeId);
        encoder.WriteBoolean(IsInverse);
        encoder.WriteBoolean(IncludeSubtypes);
        encoder.WriteQualifiedName(TargetName);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static RelativePathElement Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new RelativePathElement();
        value.ReferenceTypeId = decoder.ReadNodeId();
        value.IsInverse = decoder.ReadBoolean();
        value.IncludeSubtypes = decoder.ReadBoolean();
        value.TargetName = decoder.ReadQualifiedName();
        decoder.Leave();
        return value;
    }
}
