using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A user name and (possibly encrypted) password.</summary>
internal sealed class UserNameIdentityToken : IEncodeable
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(324u);

    public string? PolicyId { get; set; }

    public string? UserName { get; set; }

    public byte[]? Password { get; set; }

    public string? EncryptionAlgorithm { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(PolicyId);
        encoder.WriteString(UserName);
        encoder.WriteByteString(Password);
        encoder.WriteString(EncryptionAlgorithm);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static UserNameIdentityToken Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new UserNameIdentityToken();
        value.PolicyId = decoder.ReadString();
        value.UserName = decoder.ReadString();
        value.Password = decoder.ReadByteString();
        value.EncryptionAlgorithm = decoder.ReadString();
        decoder.Leave();
        return value;
    }
}
