using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A kind of user identity an endpoint accepts, and the security policy that protects its secret (Part 4 §7.42).</summary>
public sealed class UserTokenPolicy : IEncodeable
{
    public string? PolicyId { get; set; }

    public UserTokenType TokenType { get; set; }

    public string? IssuedTokenType { get; set; }

    public string? IssuerEndpointUrl { get; set; }

    public string? SecurityPolicyUri { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(PolicyId);
        encoder.WriteInt32((int)TokenType);
        encoder.WriteString(IssuedTokenType);
        encoder.WriteString(IssuerEndpointUrl);
        encoder.WriteString(SecurityPolicyUri);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static UserTokenPolicy Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new UserTokenPolicy();
        value.PolicyId = decoder.ReadString();
        value.TokenType = (UserTokenType)decoder.ReadInt32();
        value.IssuedTokenType = decoder.ReadString();
        value.IssuerEndpointUrl = decoder.ReadString();
        value.SecurityPolicyUri = decoder.ReadString();
        decoder.Leave();
        return value;
    }
}
