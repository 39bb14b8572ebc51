using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>An endpoint a server offers (Part 4 §7.14).</summary>
public sealed class EndpointDescription : IEncodeable
{
    public string? EndpointUrl { get; set; }

    public ApplicationDescription Server { get; set; } = new ApplicationDescription();

    public byte[]? ServerCertificate { get; set; }

    public MessageSecurityMode SecurityMode { get; set; }

    public string? SecurityPolicyUri { get; set; }

    public UserTokenPolicy[] UserIdentityTokens { get; set; } = [];

    public string? TransportProfileUri { get; set; }

    public byte SecurityLevel { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(EndpointUrl);
        Server.Encode(encoder);
        encoder.WriteByteString(ServerCertificate);
        encoder.WriteInt32((int)SecurityMode);
        encoder.WriteString(SecurityPolicyUri);
        encoder.WriteArray(UserIdentityTokens, static (e, x) => x.Encode(e));
        encoder.WriteString(TransportProfileUri);
        encoder.WriteByte(SecurityLevel);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static EndpointDescription Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new EndpointDescription();
        value.EndpointUrl = decoder.ReadString();
        value.Server = ApplicationDescription.Decode(ref decoder);
        value.ServerCertificate = decoder.ReadByteString();
        value.SecurityMode = (MessageSecurityMode)decoder.ReadInt32();
        value.SecurityPolicyUri = decoder.ReadString();
        value.UserIdentityTokens = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => UserTokenPolicy.Decode(ref d));
        value.TransportProfileUri = decoder.ReadString();
        value.SecurityLevel = decoder.ReadByte();
        decoder.Leave();
        return value;
    }
}
