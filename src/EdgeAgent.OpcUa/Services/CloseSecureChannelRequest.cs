using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Closes a secure channel (no response is sent).</summary>
internal sealed class CloseSecureChannelRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(452u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "CloseSecureChannel";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CloseSecureChannelRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CloseSecureChannelRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
