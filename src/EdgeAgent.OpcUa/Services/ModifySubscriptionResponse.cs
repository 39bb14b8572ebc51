using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The revised timing.</summary>
internal sealed class ModifySubscriptionResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(796u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public double RevisedPublishingInterval { get; set; }

    public uint RevisedLifetimeCount { get; set; }

    public uint RevisedMaxKeepAliveCount { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteDouble(RevisedPublishingInterval);
        encoder.WriteUInt32(RevisedLifetimeCount);
        encoder.WriteUInt32(RevisedMaxKeepAliveCount);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ModifySubscriptionResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ModifySubscriptionResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.RevisedPublishingInterval = decoder.ReadDouble();
        value.RevisedLifetimeCount = decoder.ReadUInt32();
        value.RevisedMaxKeepAliveCount = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
