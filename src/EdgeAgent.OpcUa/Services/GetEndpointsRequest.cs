using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Asks a server for its endpoints.</summary>
internal sealed class GetEndpointsRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(428u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "GetEndpoints";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public string? EndpointUrl { get; set; }

    public string?[] LocaleIds { get; set; } = [];

    public string?[] ProfileUris { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteString(EndpointUrl);
        encoder.WriteArray(LocaleIds, static (e, x) => e.WriteString(x));
        encoder.WriteArray(ProfileUris, static (e, x) => e.WriteString(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static GetEndpointsRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new GetEndpointsRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.EndpointUrl = decoder.ReadString();
        value.LocaleIds = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadString());
        value.ProfileUris = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadString());
        decoder.Leave();
        return value;
    }
}
