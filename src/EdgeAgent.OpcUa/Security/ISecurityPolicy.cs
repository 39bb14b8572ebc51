namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// The cryptography of one secure channel (Part 6 §6.7.2): what the chunker calls to size, secure and check chunks.
/// An instance holds the keys of one channel; policies other than None derive symmetric keys with P_SHA256 from the
/// nonces exchanged in OpenSecureChannel, sign with HMAC/RSA and encrypt with AES/RSA.
/// </summary>
public interface ISecurityPolicy
{
    /// <summary>The policy URI, e.g. http://opcfoundation.org/UA/SecurityPolicy#None.</summary>
    string Uri { get; }

    /// <summary>The message security mode the channel runs in.</summary>
    MessageSecurityMode Mode { get; }

    /// <summary>Length of the nonces exchanged in OpenSecureChannel (0 for None).</summary>
    int NonceLength { get; }

    /// <summary>Our certificate (DER) for the asymmetric security header, or null.</summary>
    byte[]? LocalCertificate { get; }

    /// <summary>SHA-1 thumbprint of the server certificate for the asymmetric security header, or null.</summary>
    byte[]? RemoteCertificateThumbprint { get; }

    /// <summary>
    /// How many plaintext body bytes fit in a chunk when <paramref name="spaceAfterHeaders"/> bytes remain after
    /// the message and security headers (the sequence header, padding and signature come out of that space).
    /// </summary>
    int GetMaxBodySize(int spaceAfterHeaders, bool asymmetric);

    /// <summary>
    /// Secures a chunk in place: <paramref name="chunk"/> holds the headers then the sequence header and body
    /// (<paramref name="plainLength"/> bytes from <paramref name="securedOffset"/>). Adds padding and the signature,
    /// encrypts, writes the final size into the message header and returns the chunk length.
    /// </summary>
    int SecureChunk(Span<byte> chunk, int securedOffset, int plainLength, bool asymmetric);

    /// <summary>
    /// Checks a received chunk in place: decrypts from <paramref name="securedOffset"/>, verifies the signature and
    /// strips padding; returns the length of the sequence header plus body. Symmetric chunks use the keys of
    /// <paramref name="tokenId"/> (the current or the previous token). Throws <see cref="OpcUaException"/>
    /// with BadSecurityChecksFailed when the chunk is not authentic.
    /// </summary>
    int UnsecureChunk(Span<byte> chunk, int securedOffset, bool asymmetric, uint tokenId);

    /// <summary>
    /// Checks the asymmetric security header of a received OpenSecureChannel response: the sender certificate must be
    /// the server certificate we encrypted for, the receiver thumbprint ours.
    /// </summary>
    void CheckAsymmetricHeader(byte[]? senderCertificate, byte[]? receiverThumbprint);

    /// <summary>Creates the nonce we send in OpenSecureChannel.</summary>
    byte[]? CreateNonce();

    /// <summary>
    /// Derives the symmetric keys of a (renewed) token from both nonces; from then on chunks are sent with them, and
    /// the previous token's keys are kept for chunks the server still sends with it.
    /// </summary>
    void DeriveKeys(uint tokenId, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce);
}
