using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The common header of every response (Part 4 §7.34).</summary>
internal sealed class ResponseHeader : IEncodeable
{
    public DateTime Timestamp { get; set; }

    public uint RequestHandle { get; set; }

    public StatusCode ServiceResult { get; set; }

    public DiagnosticInfo? ServiceDiagnostics { get; set; }

    public string?[] StringTable { get; set; } = [];

    public ExtensionObject AdditionalHeader { get; set; } = ExtensionObject.Empty;

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(RequestHandle);
        encoder.WriteStatusCode(ServiceResult);
        encoder.WriteDiagnosticInfo(ServiceDiagnostics);
        encoder.WriteArray(StringTable, static (e, x) => e.WriteString(x));
        encoder.WriteExtensionObject(AdditionalHeader);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ResponseHeader Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ResponseHeader();
        value.Timestamp = decoder.ReadDateTime();
        value.RequestHandle = decoder.ReadUInt32();
        value.ServiceResult = decoder.ReadStatusCode();
        value.ServiceDiagnostics = decoder.ReadDiagnosticInfo();
        value.StringTable = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadString());
        value.AdditionalHeader = decoder.ReadExtensionObject();
        decoder.Leave();
        return value;
    }
}
