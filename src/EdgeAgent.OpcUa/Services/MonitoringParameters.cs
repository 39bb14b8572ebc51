using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>How a monitored item samples and queues (Part 4 §7.21).</summary>
internal sealed class MonitoringParameters : IEncodeable
{
    public uint ClientHandle { get; set; }

    public double SamplingInterval { get; set; }

    public ExtensionObject Filter { get; set; } = ExtensionObject.Empty;

    public uint QueueSize { get; set; }

    public bool DiscardOldest { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteUInt32(ClientHandle);
        encoder.WriteDouble(SamplingInterval);
        encoder.WriteExtensionObject(Filter);
        encoder.WriteUInt32(QueueSize);
        encoder.WriteBoolean(DiscardOldest);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static MonitoringParameters Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new MonitoringParameters();
        value.ClientHandle = decoder.ReadUInt32();
        value.SamplingInterval = decoder.ReadDouble();
        value.Filter = decoder.ReadExtensionObject();
        value.QueueSize = decoder.ReadUInt32();
        value.DiscardOldest = decoder.ReadBoolean();
        decoder.Leave();
        return value;
    }
}
