using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The response to a request that failed as a whole.</summary>
internal sealed class ServiceFault : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(397u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ServiceFault Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ServiceFault();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
