using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The session is closed.</summary>
internal sealed class CloseSessionResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(476u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CloseSessionResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CloseSessionResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
