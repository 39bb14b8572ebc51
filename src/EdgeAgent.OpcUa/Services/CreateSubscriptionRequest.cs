using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Creates a subscription.</summary>
internal sealed class CreateSubscriptionRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(787u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "CreateSubscription";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public double RequestedPublishingInterval { get; set; }

    public uint RequestedLifetimeCount { get; set; }

    public uint RequestedMaxKeepAliveCount { get; set; }

    public uint MaxNotificationsPerPublish { get; set; }

    public bool PublishingEnabled { get; set; }

    public byte Priority { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteDouble(RequestedPublishingInterval);
        encoder.WriteUInt32(RequestedLifetimeCount);
        encoder.WriteUInt32(RequestedMaxKeepAliveCount);
        encoder.WriteUInt32(MaxNotificationsPerPublish);
        encoder.WriteBoolean(PublishingEnabled);
        encoder.WriteByte(Priority);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CreateSubscriptionRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateSubscriptionRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.RequestedPublishingInterval = decoder.ReadDouble();
        value.RequestedLifetimeCount = decoder.ReadUInt32();
        value.RequestedMaxKeepAliveCount = decoder.ReadUInt32();
        value.MaxNotificationsPerPublish = decoder.ReadUInt32();
        value.PublishingEnabled = decoder.ReadBoolean();
        value.Priority = decoder.ReadByte();
        decoder.Leave();
        return value;
    }
}
