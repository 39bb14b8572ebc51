using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Deletes subscriptions.</summary>
internal sealed class DeleteSubscriptionsRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(847u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "DeleteSubscriptions";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public uint[] SubscriptionIds { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteArray(SubscriptionIds, static (e, x) => e.WriteUInt32(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static DeleteSubscriptionsRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new DeleteSubscriptionsRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.SubscriptionIds = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadUInt32());
        decoder.Leave();
        return value;
    }
}
