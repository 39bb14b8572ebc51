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

    /// <summary>
    /// Writes the body straight from (client handle, value) pairs, with no diagnostic infos: the same bytes as
    /// <see cref="Encode"/> without a <see cref="MonitoredItemNotification"/> object per value (the server's publish path).
    /// </summary>
    public static void EncodeItems(BinaryEncoder encoder, List<(uint ClientHandle, DataValue Value)> items)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(items);
        encoder.WriteInt32(items.Count);
        foreach (var (clientHandle, value) in items)
        {
            encoder.WriteUInt32(clientHandle);
            encoder.WriteDataValue(value);
        }

        encoder.WriteInt32(0);
    }

    /// <summary>
    /// Reads the body's (client handle, value) pairs into <paramref name="into"/>, skipping the diagnostic infos: what
    /// <see cref="Decode"/> reads, without an object per value (the client's publish path, where at 100,000 items per
    /// second those objects are a fifth of what a subscription allocates).
    /// </summary>
    public static void DecodeItems(ref BinaryDecoder decoder, List<(uint ClientHandle, DataValue Value)> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        decoder.Enter();
        var count = decoder.ReadArrayLength("MonitoredItemNotification[]");
        for (var i = 0; i < count; i++)
        {
            decoder.Enter();
            var clientHandle = decoder.ReadUInt32();
            var value = decoder.ReadDataValue();
            decoder.Leave();
            into.Add((clientHandle, value));
        }

        decoder.ReadArray(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
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
