using System.Buffers.Binary;

namespace EdgeAgent.OpcUa.Security;

/// <summary>SecurityPolicy None: no signature, no encryption, no nonces.</summary>
public sealed class NoneSecurityPolicy : ISecurityPolicy
{
    /// <inheritdoc/>
    public string Uri => SecurityPolicyUris.None;

    /// <inheritdoc/>
    public MessageSecurityMode Mode => MessageSecurityMode.None;

    /// <inheritdoc/>
    public int NonceLength => 0;

    /// <inheritdoc/>
    public byte[]? LocalCertificate => null;

    /// <inheritdoc/>
    public byte[]? RemoteCertificateThumbprint => null;

    /// <inheritdoc/>
    public int GetMaxBodySize(int spaceAfterHeaders, bool asymmetric) => spaceAfterHeaders - SequenceHeaderSize;

    /// <inheritdoc/>
    public int SecureChunk(Span<byte> chunk, int securedOffset, int plainLength, bool asymmetric)
    {
        var total = securedOffset + plainLength;
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[4..], (uint)total);
        return total;
    }

    /// <inheritdoc/>
    public int UnsecureChunk(Span<byte> chunk, int securedOffset, bool asymmetric, uint tokenId) => chunk.Length - securedOffset;

    /// <inheritdoc/>
    public void CheckAsymmetricHeader(byte[]? senderCertificate, byte[]? receiverThumbprint)
    {
    }

    /// <inheritdoc/>
    public byte[]? CreateNonce() => null;

    /// <inheritdoc/>
    public void DeriveKeys(uint tokenId, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce)
    {
    }

    private const int SequenceHeaderSize = 8;
}
