using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Changes a subscription's timing.</summary>
internal sealed class ModifySubscriptionRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(793u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "ModifySubscription";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public uint SubscriptionId { get; set; }

    public double RequestedPublishingInterval { get; set; }

    public uint RequestedLifetimeCount { get; set; }

    public uint RequestedMaxKeepAliveCount { get; set; }

    public uint MaxNotificationsPerPublish { get; set; }

    public byte Priority { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteDouble(RequestedPublishingInterval);
        encoder.WriteUInt32(RequestedLifetimeCount);
        encoder.WriteUInt32(RequestedMaxKeepAliveCount);
        encoder.WriteUInt32(MaxNotificationsPerPublish);
        encoder.WriteByte(Priority);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ModifySubscriptionRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ModifySubscriptionRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.SubscriptionId = decoder.ReadUInt32();
        value.RequestedPublishingInterval = decoder.ReadDouble();
        value.RequestedLifetimeCount = decoder.ReadUInt32();
        value.RequestedMaxKeepAliveCount = decoder.ReadUInt32();
        value.MaxNotificationsPerPublish = decoder.ReadUInt32();
        value.Priority = decoder.ReadByte();
        decoder.Leave();
        return value;
    }
}
