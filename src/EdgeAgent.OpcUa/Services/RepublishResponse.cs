using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The retransmitted notification message.</summary>
internal sealed class RepublishResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(835u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public NotificationMessage NotificationMessage { get; set; } = new NotificationMessage();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        NotificationMessage.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static RepublishResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new RepublishResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.NotificationMessage = NotificationMessage.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
