using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Changed values of monitored items.</summary>
internal sealed class DataChangeNotification : IEncodeable
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(811u);

    public MonitoredItemNotification[] MonitoredItems { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteArray(MonitoredItems, static (e, x) => x.Encode(e));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static DataChangeNotification Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new DataChangeNotification();
        value.MonitoredItems = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => MonitoredItemNotification.Decode(ref d));
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
