using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>The anonymous user identity.</summary>
internal sealed class AnonymousIdentityToken : IEncodeable
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(321u);

    public string? PolicyId { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(PolicyId);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static AnonymousIdentityToken Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new AnonymousIdentityToken();
        value.PolicyId = decoder.ReadString();
        decoder.Leave();
        return value;
    }
}
