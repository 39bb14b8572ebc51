using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Creates a session.</summary>
internal sealed class CreateSessionRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(461u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "CreateSession";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public ApplicationDescription ClientDescription { get; set; } = new ApplicationDescription();

    public string? ServerUri { get; set; }

    public string? EndpointUrl { get; set; }

    public string? SessionName { get; set; }

    public byte[]? ClientNonce { get; set; }

    public byte[]? ClientCertificate { get; set; }

    public double RequestedSessionTimeout { get; set; }

    public uint MaxResponseMessageSize { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        ClientDescription.Encode(encoder);
        encoder.WriteString(ServerUri);
        encoder.WriteString(EndpointUrl);
        encoder.WriteString(SessionName);
        encoder.WriteByteString(ClientNonce);
        encoder.WriteByteString(ClientCertificate);
        encoder.WriteDouble(RequestedSessionTimeout);
        encoder.WriteUInt32(MaxResponseMessageSize);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CreateSessionRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateSessionRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.ClientDescription = ApplicationDescription.Decode(ref decoder);
        value.ServerUri = decoder.ReadString();
        value.EndpointUrl = decoder.ReadString();
        value.SessionName = decoder.ReadString();
        value.ClientNonce = decoder.ReadByteString();
        value.ClientCertificate = decoder.ReadByteString();
        value.RequestedSessionTimeout = decoder.ReadDouble();
        value.MaxResponseMessageSize = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
