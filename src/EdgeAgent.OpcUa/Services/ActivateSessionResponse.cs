using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The result of activating a session.</summary>
internal sealed class ActivateSessionResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(470u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public byte[]? ServerNonce { get; set; }

    public StatusCode[] Results { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteByteString(ServerNonce);
        encoder.WriteArray(Results, static (e, x) => e.WriteStatusCode(x));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ActivateSessionResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ActivateSessionResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.ServerNonce = decoder.ReadByteString();
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadStatusCode());
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
