using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The values read.</summary>
internal sealed class ReadResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(634u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public DataValue[] Results { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, x) => e.WriteDataValue(x));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ReadResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ReadResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDataValue());
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
