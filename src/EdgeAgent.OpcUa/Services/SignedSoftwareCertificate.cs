using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>A software certificate (unused, kept for the wire format).</summary>
internal sealed class SignedSoftwareCertificate : IEncodeable
{
    public byte[]? CertificateData { get; set; }

    public byte[]? Signature { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteByteString(CertificateData);
        encoder.WriteByteString(Signature);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static SignedSoftwareCertificate Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new SignedSoftwareCertificate();
        value.CertificateData = decoder.ReadByteString();
        value.Signature = decoder.ReadByteString();
        decoder.Leave();
        return value;
    }
}
