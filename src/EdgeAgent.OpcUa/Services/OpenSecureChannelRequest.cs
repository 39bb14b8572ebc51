using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Issues or renews a secure channel token.</summary>
internal sealed class OpenSecureChannelRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(446u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "OpenSecureChannel";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public uint ClientProtocolVersion { get; set; }

    public SecurityTokenRequestType RequestType { get; set; }

    public MessageSecurityMode SecurityMode { get; set; }

    public byte[]? ClientNonce { get; set; }

    public uint RequestedLifetime { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(ClientProtocolVersion);
        encoder.WriteInt32((int)RequestType);
        encoder.WriteInt32((int)SecurityMode);
        encoder.WriteByteString(ClientNonce);
        encoder.WriteUInt32(RequestedLifetime);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static OpenSecureChannelRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new OpenSecureChannelRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.ClientProtocolVersion = decoder.ReadUInt32();
        value.RequestType = (SecurityTokenRequestType)decoder.ReadInt32();
        value.SecurityMode = (MessageSecurityMode)decoder.ReadInt32();
        value.ClientNonce = decoder.ReadByteString();
        value.RequestedLifetime = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
