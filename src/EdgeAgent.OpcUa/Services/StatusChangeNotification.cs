using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A change of the state of a subscription (e.g. BadTimeout when it expired).</summary>
internal sealed class StatusChangeNotification : IEncodeable
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(820u);

    public StatusCode Status { get; set; }

    public DiagnosticInfo? DiagnosticInfo { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteStatusCode(Status);
        encoder.WriteDiagnosticInfo(DiagnosticInfo);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static StatusChangeNotification Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new StatusChangeNotification();
        value.Status = decoder.ReadStatusCode();
        value.DiagnosticInfo = decoder.ReadDiagnosticInfo();
        decoder.Leave();
        return value;
    }
}
