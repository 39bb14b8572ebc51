using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>One changed value.</summary>
internal sealed class MonitoredItemNotification : IEncodeable
{
    public uint ClientHandle { get; set; }

    public DataValue Value { get; set; } = new DataValue(Variant.Null);

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteDataValue(Value);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static MonitoredItemNotification Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new MonitoredItemNotification();
        value.ClientHandle = decoder.ReadUInt32();
        value.Value = decoder.ReadDataValue();
        decoder.Leave();
        return value;
    }
}
