using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The server's answer for one monitored item.</summary>
internal sealed class MonitoredItemCreateResult : IDecodeable<MonitoredItemCreateResult>
{
    public StatusCode StatusCode { get; set; }

    public uint MonitoredItemId { get; set; }

    public double RevisedSamplingInterval { get; set; }

    public uint RevisedQueueSize { get; set; }

    public ExtensionObject FilterResult { get; set; } = ExtensionObject.Empty;

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteUInt32(MonitoredItemId);
        encoder.WriteDouble(RevisedSamplingInterval);
        encoder.WriteUInt32(RevisedQueueSize);
        encoder.WriteExtensionObject(FilterResult);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static MonitoredItemCreateResult Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new MonitoredItemCreateResult();
        value.StatusCode = decoder.ReadStatusCode();
        value.MonitoredItemId = decoder.ReadUInt32();
        value.RevisedSamplingInterval = decoder.ReadDouble();
        value.RevisedQueueSize = decoder.ReadUInt32();
        value.FilterResult = decoder.ReadExtensionObject();
        decoder.Leave();
        return value;
    }
}
