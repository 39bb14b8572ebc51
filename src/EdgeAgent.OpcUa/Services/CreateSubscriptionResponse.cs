using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A created subscription.</summary>
internal sealed class CreateSubscriptionResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(790u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public uint SubscriptionId { get; set; }

    public double RevisedPublishingInterval { get; set; }

    public uint RevisedLifetimeCount { get; set; }

    public uint RevisedMaxKeepAliveCount { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteDouble(RevisedPublishingInterval);
        encoder.WriteUInt32(RevisedLifetimeCount);
        encoder.WriteUInt32(RevisedMaxKeepAliveCount);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CreateSubscriptionResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateSubscriptionResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.SubscriptionId = decoder.ReadUInt32();
        value.RevisedPublishingInterval = decoder.ReadDouble();
        value.RevisedLifetimeCount = decoder.ReadUInt32();
        value.RevisedMaxKeepAliveCount = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
