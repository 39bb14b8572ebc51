using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>One monitored item to create.</summary>
internal sealed class MonitoredItemCreateRequest : IEncodeable
{
    public ReadValueId ItemToMonitor { get; set; } = new ReadValueId();

    public MonitoringMode MonitoringMode { get; set; }

    public MonitoringParameters RequestedParameters { get; set; } = new MonitoringParameters();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ItemToMonitor.Encode(encoder);
        encoder.WriteInt32((int)MonitoringMode);
        RequestedParameters.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static MonitoredItemCreateRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new MonitoredItemCreateRequest();
        value.ItemToMonitor = ReadValueId.Decode(ref decoder);
        value.MonitoringMode = (MonitoringMode)decoder.ReadInt32();
        value.RequestedParameters = MonitoringParameters.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
