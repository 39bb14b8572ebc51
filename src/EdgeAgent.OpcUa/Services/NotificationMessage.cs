using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A numbered batch of notifications (Part 4 §7.24).</summary>
internal sealed class NotificationMessage : IEncodeable
{
    public uint SequenceNumber { get; set; }

    public DateTime PublishTime { get; set; }

    public ExtensionObject[] NotificationData { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteUInt32(SequenceNumber);
        encoder.WriteDateTime(PublishTime);
        encoder.WriteArray(NotificationData, static (e, x) => e.WriteExtensionObject(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static NotificationMessage Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new NotificationMessage();
        value.SequenceNumber = decoder.ReadUInt32();
        value.PublishTime = decoder.ReadDateTime();
        value.NotificationData = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadExtensionObject());
        decoder.Leave();
        return value;
    }
}
