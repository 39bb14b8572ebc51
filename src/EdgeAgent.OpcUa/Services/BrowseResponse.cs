using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The references found.</summary>
internal sealed class BrowseResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(530u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public BrowseResult[] Results { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, x) => x.Encode(e));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static BrowseResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new BrowseResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => BrowseResult.Decode(ref d));
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
