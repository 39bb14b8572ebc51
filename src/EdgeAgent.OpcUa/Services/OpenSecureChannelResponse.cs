using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The token of an opened secure channel.</summary>
internal sealed class OpenSecureChannelResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(449u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public uint ServerProtocolVersion { get; set; }

    public ChannelSecurityToken SecurityToken { get; set; } = new ChannelSecurityToken();

    public byte[]? ServerNonce { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(ServerProtocolVersion);
        SecurityToken.Encode(encoder);
        encoder.WriteByteString(ServerNonce);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static OpenSecureChannelResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new OpenSecureChannelResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.ServerProtocolVersion = decoder.ReadUInt32();
        value.SecurityToken = ChannelSecurityToken.Decode(ref decoder);
        value.ServerNonce = decoder.ReadByteString();
        decoder.Leave();
        return value;
    }
}
