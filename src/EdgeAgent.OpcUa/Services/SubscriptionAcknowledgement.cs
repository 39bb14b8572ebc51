using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Acknowledges a received notification message.</summary>
internal sealed class SubscriptionAcknowledgement : IEncodeable
{
    public uint SubscriptionId { get; set; }

    public uint SequenceNumber { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteUInt32(SequenceNumber);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static SubscriptionAcknowledgement Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new SubscriptionAcknowledgement();
        value.SubscriptionId = decoder.ReadUInt32();
        value.SequenceNumber = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
