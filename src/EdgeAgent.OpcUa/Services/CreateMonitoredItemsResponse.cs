using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The created monitored items.</summary>
internal sealed class CreateMonitoredItemsResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(754u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public MonitoredItemCreateResult[] Results { get; set; } = [];

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
    public static CreateMonitoredItemsResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateMonitoredItemsResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => MonitoredItemCreateResult.Decode(ref d));
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
