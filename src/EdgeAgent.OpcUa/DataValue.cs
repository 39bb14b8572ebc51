namespace EdgeAgent.OpcUa;

/// <summary>A value with its quality and timestamps, as read or reported by a subscription.</summary>
public sealed record DataValue
{
    /// <summary>Creates a data value.</summary>
    public DataValue(Variant value, StatusCode status = default, DateTime? sourceTimestamp = null, DateTime? serverTimestamp = null)
    {
        Value = value;
        Status = status;
        SourceTimestamp = sourceTimestamp;
        ServerTimestamp = serverTimestamp;
    }

    /// <summary>The value (Null when absent).</summary>
    public Variant Value { get; init; }

    /// <summary>The quality of the value.</summary>
    public StatusCode Status { get; init; }

    /// <summary>When the device produced the value (UTC), if the server reported it.</summary>
    public DateTime? SourceTimestamp { get; init; }

    /// <summary>Extra 10 ps resolution of the source timestamp.</summary>
    public ushort SourcePicoseconds { get; init; }

    /// <summary>When the server received the value (UTC), if reported.</summary>
    public DateTime? ServerTimestamp { get; init; }

    /// <summary>Extra 10 ps resolution of the server timestamp.</summary>
    public ushort ServerPicoseconds { get; init; }
}
