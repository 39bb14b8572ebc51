using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Asks again for a notification message that was missed.</summary>
internal sealed class RepublishRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(832u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "Republish";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public uint SubscriptionId { get; set; }

    public uint RetransmitSequenceNumber { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteUInt32(RetransmitSequenceNumber);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static RepublishRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new RepublishRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.SubscriptionId = decoder.ReadUInt32();
        value.RetransmitSequenceNumber = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
