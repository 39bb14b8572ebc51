using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A notification message (or keep-alive).</summary>
internal sealed class PublishResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(829u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public uint SubscriptionId { get; set; }

    public uint[] AvailableSequenceNumbers { get; set; } = [];

    public bool MoreNotifications { get; set; }

    public NotificationMessage NotificationMessage { get; set; } = new NotificationMessage();

    public StatusCode[] Results { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteArray(AvailableSequenceNumbers, static (e, x) => e.WriteUInt32(x));
        encoder.WriteBoolean(MoreNotifications);
        NotificationMessage.Encode(encoder);
        encoder.WriteArray(Results, static (e, x) => e.WriteStatusCode(x));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static PublishResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new PublishResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.SubscriptionId = decoder.ReadUInt32();
        value.AvailableSequenceNumbers = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadUInt32());
        value.MoreNotifications = decoder.ReadBoolean();
        value.NotificationMessage = NotificationMessage.Decode(ref decoder);
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadStatusCode());
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
