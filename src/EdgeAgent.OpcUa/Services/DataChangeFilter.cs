using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A monitored-item filter with an absolute or percent deadband (Part 4 §7.22.2).</summary>
internal sealed class DataChangeFilter : IEncodeable
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(724u);

    public DataChangeTrigger Trigger { get; set; }

    public uint DeadbandType { get; set; }

    public double DeadbandValue { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteInt32((int)Trigger);
        encoder.WriteUInt32(DeadbandType);
        encoder.WriteDouble(DeadbandValue);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static DataChangeFilter Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new DataChangeFilter();
        value.Trigger = (DataChangeTrigger)decoder.ReadInt32();
        value.DeadbandType = decoder.ReadUInt32();
        value.DeadbandValue = decoder.ReadDouble();
        decoder.Leave();
        return value;
    }
}
