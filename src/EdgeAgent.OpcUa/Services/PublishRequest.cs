using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Asks for the next notification message, acknowledging received ones.</summary>
internal sealed class PublishRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(826u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "Publish";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public SubscriptionAcknowledgement[] SubscriptionAcknowledgements { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteArray(SubscriptionAcknowledgements, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static PublishRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new PublishRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.SubscriptionAcknowledgements = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => SubscriptionAcknowledgement.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
