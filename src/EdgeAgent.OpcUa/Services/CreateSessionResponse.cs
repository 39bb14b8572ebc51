using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A created session.</summary>
internal sealed class CreateSessionResponse : IServiceResponse
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(464u);

    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public NodeId SessionId { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public NodeId AuthenticationToken { get; set; } = global::EdgeAgent.OpcUa.NodeId.Null;

    public double RevisedSessionTimeout { get; set; }

    public byte[]? ServerNonce { get; set; }

    public byte[]? ServerCertificate { get; set; }

    public EndpointDescription[] ServerEndpoints { get; set; } = [];

    public SignedSoftwareCertificate[] ServerSoftwareCertificates { get; set; } = [];

    public SignatureData ServerSignature { get; set; } = new SignatureData();

    public uint MaxRequestMessageSize { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteNodeId(SessionId);
        encoder.WriteNodeId(AuthenticationToken);
        encoder.WriteDouble(RevisedSessionTimeout);
        encoder.WriteByteString(ServerNonce);
        encoder.WriteByteString(ServerCertificate);
        encoder.WriteArray(ServerEndpoints, static (e, x) => x.Encode(e));
        encoder.WriteArray(ServerSoftwareCertificates, static (e, x) => x.Encode(e));
        ServerSignature.Encode(encoder);
        encoder.WriteUInt32(MaxRequestMessageSize);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CreateSessionResponse Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateSessionResponse();
        value.ResponseHeader = ResponseHeader.Decode(ref decoder);
        value.SessionId = decoder.ReadNodeId();
        value.AuthenticationToken = decoder.ReadNodeId();
        value.RevisedSessionTimeout = decoder.ReadDouble();
        value.ServerNonce = decoder.ReadByteString();
        value.ServerCertificate = decoder.ReadByteString();
        value.ServerEndpoints = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => EndpointDescription.Decode(ref d));
        value.ServerSoftwareCertificates = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => SignedSoftwareCertificate.Decode(ref d));
        value.ServerSignature = SignatureData.Decode(ref decoder);
        value.MaxRequestMessageSize = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
