using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The endpoints a server offers.</summary>
internal sealed class GetEndpointsResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(431u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public EndpointDescription[] Endpoints { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Endpoints, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static GetEndpointsResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new GetEndpointsResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.Endpoints = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => EndpointDescription.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
