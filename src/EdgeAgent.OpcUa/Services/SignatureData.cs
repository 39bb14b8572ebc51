using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A signature and the URI of its algorithm (Part 4 §7.37).</summary>
internal sealed class SignatureData : IEncodeable
{
    public string? Algorithm { get; set; }

    public byte[]? Signature { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(Algorithm);
        encoder.WriteByteString(Signature);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static SignatureData Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new SignatureData();
        value.Algorithm = decoder.ReadString();
        value.Signature = decoder.ReadByteString();
        decoder.Leave();
        return value;
    }
}
