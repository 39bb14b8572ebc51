using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The common header of every request (Part 4 §7.33).</summary>
internal sealed class RequestHeader : IEncodeable
{
    public NodeId AuthenticationToken { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public DateTime Timestamp { get; set; }

    public uint RequestHandle { get; set; }

    public uint ReturnDiagnostics { get; set; }

    public string? AuditEntryId { get; set; }

    public uint TimeoutHint { get; set; }

    public ExtensionObject AdditionalHeader { get; set; } = ExtensionObject.Empty;

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteNodeId(AuthenticationToken);
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(RequestHandle);
        encoder.WriteUInt32(ReturnDiagnostics);
        encoder.WriteString(AuditEntryId);
        encoder.WriteUInt32(TimeoutHint);
        encoder.WriteExtensionObject(AdditionalHeader);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static RequestHeader Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new RequestHeader();
        value.AuthenticationToken = decoder.ReadNodeId();
        value.Timestamp = decoder.ReadDateTime();
        value.RequestHandle = decoder.ReadUInt32();
        value.ReturnDiagnostics = decoder.ReadUInt32();
        value.AuditEntryId = decoder.ReadString();
        value.TimeoutHint = decoder.ReadUInt32();
        value.AdditionalHeader = decoder.ReadExtensionObject();
        decoder.Leave();
        return value;
    }
}
