using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Activates a session with a user identity.</summary>
internal sealed class ActivateSessionRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(467u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "ActivateSession";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public SignatureData ClientSignature { get; set; } = new SignatureData();

    public SignedSoftwareCertificate[] ClientSoftwareCertificates { get; set; } = [];

    public string?[] LocaleIds { get; set; } = [];

    public ExtensionObject UserIdentityToken { get; set; } = ExtensionObject.Empty;

    public SignatureData UserTokenSignature { get; set; } = new SignatureData();

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        ClientSignature.Encode(encoder);
        encoder.WriteArray(ClientSoftwareCertificates, static (e, x) => x.Encode(e));
        encoder.WriteArray(LocaleIds, static (e, x) => e.WriteString(x));
        encoder.WriteExtensionObject(UserIdentityToken);
        UserTokenSignature.Encode(encoder);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ActivateSessionRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ActivateSessionRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.ClientSignature = SignatureData.Decode(ref decoder);
        value.ClientSoftwareCertificates = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => SignedSoftwareCertificate.Decode(ref d));
        value.LocaleIds = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadString());
        value.UserIdentityToken = decoder.ReadExtensionObject();
        value.UserTokenSignature = SignatureData.Decode(ref decoder);
        decoder.Leave();
        return value;
    }
}
