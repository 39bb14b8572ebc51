using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Closes a session.</summary>
internal sealed class CloseSessionRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(473u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "CloseSession";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public bool DeleteSubscriptions { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteBoolean(DeleteSubscriptions);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CloseSessionRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CloseSessionRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.DeleteSubscriptions = decoder.ReadBoolean();
        decoder.Leave();
        return value;
    }
}
