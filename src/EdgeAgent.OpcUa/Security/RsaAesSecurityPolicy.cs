using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// The client side of Basic256Sha256, Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss (Part 6 §6.7.2–§6.7.5):
/// OpenSecureChannel is signed with our RSA key and encrypted with the server's (in Sign mode too); MSG/CLO are
/// signed with HMAC-SHA256 and, in SignAndEncrypt, AES-CBC encrypted, with keys derived per token from both nonces.
/// Keys of the previous token stay until the next renewal, because the server may keep using them for a while.
/// </summary>
internal sealed class RsaAesSecurityPolicy : ISecurityPolicy, IDisposable
{
    private const int SequenceHeaderSize = 8;
    private readonly SecurityAlgorithms _algorithms;
    private readonly RSA _localKey;
    private readonly RSA _remoteKey;
    private readonly byte[] _remoteCertificate;
    private readonly byte[] _localThumbprint;
    private readonly Lock _keysLock = new();
    private ChannelTokenKeys? _current;
    private ChannelTokenKeys? _previous;

    public RsaAesSecurityPolicy(SecurityAlgorithms algorithms, MessageSecurityMode mode, X509Certificate2 localCertificate, byte[] remoteCertificate)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        ArgumentNullException.ThrowIfNull(localCertificate);
        ArgumentNullException.ThrowIfNull(remoteCertificate);
        if (mode is not (MessageSecurityMode.Sign or MessageSecurityMode.SignAndEncrypt))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Sign or SignAndEncrypt.");
        }

        _algorithms = algorithms;
        Mode = mode;
        _localKey = localCertificate.GetRSAPrivateKey()
            ?? throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The application certificate has no RSA private key.");
        LocalCertificate = localCertificate.RawData;
        LocalApplicationUri = Pki.ApplicationCertificateFactory.ApplicationUriOf(localCertificate);
        _localThumbprint = CertificateThumbprint.Sha1(LocalCertificate);
        _remoteCertificate = UserTokenEncryptor.FirstCertificate(remoteCertificate);
        using (var remote = X509CertificateLoader.LoadCertificate(_remoteCertificate))
        {
            _remoteKey = remote.GetRSAPublicKey()
                ?? throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server certificate has no RSA key.");
        }

        CheckKeySize(_localKey, "application");
        CheckKeySize(_remoteKey, "server");
        RemoteCertificateThumbprint = CertificateThumbprint.Sha1(_remoteCertificate);
    }

    /// <inheritdoc/>
    public string Uri => _algorithms.PolicyUri;

    /// <inheritdoc/>
    public MessageSecurityMode Mode { get; }

    /// <inheritdoc/>
    public int NonceLength => SecurityAlgorithms.NonceLength;

    /// <inheritdoc/>
    public byte[]? LocalCertificate { get; }

    /// <inheritdoc/>
    public byte[]? RemoteCertificateThumbprint { get; }

    /// <summary>The application URI in our certificate, which the session must announce.</summary>
    public string? LocalApplicationUri { get; }

    /// <summary>The algorithm URI of our session signatures (CreateSession/ActivateSession).</summary>
    public string SignatureAlgorithmUri => _algorithms.AsymmetricSignatureUri;

    private int LocalKeyBytes => _localKey.KeySize / 8;

    private int RemoteKeyBytes => _remoteKey.KeySize / 8;

    private bool Encrypting => Mode == MessageSecurityMode.SignAndEncrypt;

    /// <inheritdoc/>
    public int GetMaxBodySize(int spaceAfterHeaders, bool asymmetric)
    {
        if (asymmetric)
        {
            var cipherBlock = RemoteKeyBytes;
            var plainBlock = _algorithms.PlainBlockSize(cipherBlock);
            var capacity = spaceAfterHeaders / cipherBlock * plainBlock;
            return capacity - LocalKeyBytes - PaddingOverhead(cipherBlock) - SequenceHeaderSize;
        }

        if (!Encrypting)
        {
            return spaceAfterHeaders - SecurityAlgorithms.SymmetricSignatureLength - SequenceHeaderSize;
        }

        var blocks = spaceAfterHeaders / SecurityAlgorithms.EncryptionBlockSize * SecurityAlgorithms.EncryptionBlockSize;
        return blocks - SecurityAlgorithms.SymmetricSignatureLength - 1 - SequenceHeaderSize;
    }

    /// <inheritdoc/>
    public int SecureChunk(Span<byte> chunk, int securedOffset, int plainLength, bool asymmetric)
    {
        if (asymmetric)
        {
            return SecureAsymmetric(chunk, securedOffset, plainLength);
        }

        // No keys means OpenSecureChannel never succeeded (e.g. the CLO sent while giving up on a refused channel).
        var keys = (_current ?? throw new OpcUaConnectionException(StatusCodes.BadSecureChannelClosed, "The secure channel has no keys: it was never opened.")).Client;
        var end = securedOffset + plainLength;
        if (Encrypting)
        {
            end = WritePadding(chunk, end, plainLength + SecurityAlgorithms.SymmetricSignatureLength, SecurityAlgorithms.EncryptionBlockSize, extraByte: false);
        }

        var total = end + SecurityAlgorithms.SymmetricSignatureLength;
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[4..], (uint)total);
        keys.Sign(chunk[..end], chunk.Slice(end, SecurityAlgorithms.SymmetricSignatureLength));
        if (Encrypting)
        {
            keys.Encrypt(chunk[securedOffset..total]);
        }

        return total;
    }

    private int SecureAsymmetric(Span<byte> chunk, int securedOffset, int plainLength)
    {
        var cipherBlock = RemoteKeyBytes;
        var plainBlock = _algorithms.PlainBlockSize(cipherBlock);
        var signatureLength = LocalKeyBytes;
        var paddedEnd = WritePadding(chunk, securedOffset + plainLength, plainLength + signatureLength, plainBlock, cipherBlock > 256);
        var plainTotal = paddedEnd + signatureLength - securedOffset;
        var blocks = plainTotal / plainBlock;
        var total = securedOffset + (blocks * cipherBlock);
        if (total > chunk.Length)
        {
            throw new InvalidOperationException("The chunk does not fit the send buffer.");
        }

        // The signature covers the headers with the final (encrypted) message size.
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[4..], (uint)total);
        if (!_localKey.TrySignData(chunk[..paddedEnd], chunk.Slice(paddedEnd, signatureLength), HashAlgorithmName.SHA256, _algorithms.AsymmetricSignaturePadding, out var signed) || signed != signatureLength)
        {
            throw new CryptographicException("RSA signature has an unexpected length.");
        }

        var plain = ArrayPool<byte>.Shared.Rent(plainTotal);
        try
        {
            chunk.Slice(securedOffset, plainTotal).CopyTo(plain);
            for (var i = 0; i < blocks; i++)
            {
                var written = _remoteKey.Encrypt(plain.AsSpan(i * plainBlock, plainBlock), chunk.Slice(securedOffset + (i * cipherBlock), cipherBlock), _algorithms.AsymmetricEncryptionPadding);
                if (written != cipherBlock)
                {
                    throw new CryptographicException("RSA encryption has an unexpected length.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
        }

        return total;
    }

    /// <summary>
    /// Writes PaddingSize, the padding bytes and (for keys over 2048 bits) ExtraPaddingSize so that
    /// <paramref name="unpaddedLength"/> plus the padding fills whole blocks; returns where the signature goes.
    /// </summary>
    private static int WritePadding(Span<byte> chunk, int position, int unpaddedLength, int blockSize, bool extraByte)
    {
        var overhead = extraByte ? 2 : 1;
        var count = (blockSize - ((unpaddedLength + overhead) % blockSize)) % blockSize;
        var low = (byte)(count & 0xFF);
        chunk[position] = low;
        chunk.Slice(position + 1, count).Fill(low);
        position += 1 + count;
        if (extraByte)
        {
            chunk[position++] = (byte)(count >> 8);
        }

        return position;
    }

    private static int PaddingOverhead(int cipherBlock) => cipherBlock > 256 ? 2 : 1;

    /// <inheritdoc/>
    public int UnsecureChunk(Span<byte> chunk, int securedOffset, bool asymmetric, uint tokenId)
    {
        return asymmetric ? UnsecureAsymmetric(chunk, securedOffset) : UnsecureSymmetric(chunk, securedOffset, tokenId);
    }

    private int UnsecureSymmetric(Span<byte> chunk, int securedOffset, uint tokenId)
    {
        // Under the lock, so a renewal cannot dispose these keys while they are in use; only renewals contend.
        lock (_keysLock)
        {
            var keys = _current?.TokenId == tokenId ? _current.Server
                : _previous?.TokenId == tokenId ? _previous.Server
                : throw new OpcUaConnectionException(StatusCodes.BadSecureChannelTokenUnknown, $"No keys for token {tokenId}.");
            return UnsecureSymmetric(chunk, securedOffset, keys);
        }
    }

    private int UnsecureSymmetric(Span<byte> chunk, int securedOffset, SymmetricKeys keys)
    {
        var secured = chunk[securedOffset..];
        if (Encrypting)
        {
            if (secured.Length == 0 || secured.Length % SecurityAlgorithms.EncryptionBlockSize != 0)
            {
                throw ChecksFailed("encrypted part is not a whole number of AES blocks");
            }

            keys.Decrypt(secured);
        }

        var signatureStart = chunk.Length - SecurityAlgorithms.SymmetricSignatureLength;
        if (signatureStart < securedOffset || !keys.Verify(chunk[..signatureStart], chunk[signatureStart..]))
        {
            throw ChecksFailed("HMAC signature mismatch");
        }

        return Encrypting ? StripPadding(chunk, securedOffset, signatureStart, extraByte: false) : signatureStart - securedOffset;
    }

    private int UnsecureAsymmetric(Span<byte> chunk, int securedOffset)
    {
        var cipherBlock = LocalKeyBytes;
        var encrypted = chunk.Length - securedOffset;
        if (encrypted <= 0 || encrypted % cipherBlock != 0)
        {
            throw ChecksFailed("encrypted part is not a whole number of RSA blocks");
        }

        var blocks = encrypted / cipherBlock;
        var plainLength = 0;
        var block = ArrayPool<byte>.Shared.Rent(cipherBlock);
        try
        {
            for (var i = 0; i < blocks; i++)
            {
                if (!_localKey.TryDecrypt(chunk.Slice(securedOffset + (i * cipherBlock), cipherBlock), block, _algorithms.AsymmetricEncryptionPadding, out var written))
                {
                    throw ChecksFailed("RSA block does not decrypt");
                }

                // Plaintext blocks are shorter than ciphertext blocks, so writing behind the read position is safe.
                block.AsSpan(0, written).CopyTo(chunk[(securedOffset + plainLength)..]);
                plainLength += written;
            }
        }
        catch (CryptographicException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecurityChecksFailed, "The OpenSecureChannel response does not decrypt with our key.", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block, clearArray: true);
        }

        var signatureStart = securedOffset + plainLength - RemoteKeyBytes;
        if (signatureStart < securedOffset
            || !_remoteKey.VerifyData(chunk[..signatureStart], chunk.Slice(signatureStart, RemoteKeyBytes), HashAlgorithmName.SHA256, _algorithms.AsymmetricSignaturePadding))
        {
            throw ChecksFailed("server's RSA signature mismatch");
        }

        return StripPadding(chunk, securedOffset, signatureStart, cipherBlock > 256);
    }

    private static int StripPadding(Span<byte> chunk, int securedOffset, int signatureStart, bool extraByte)
    {
        var overhead = extraByte ? 2 : 1;
        if (signatureStart - overhead < securedOffset)
        {
            throw ChecksFailed("no room for padding");
        }

        int count = chunk[signatureStart - 1];
        if (extraByte)
        {
            count = (count << 8) | chunk[signatureStart - 2];
        }

        var plainEnd = signatureStart - overhead - count;
        if (plainEnd < securedOffset || chunk[plainEnd] != (byte)(count & 0xFF))
        {
            throw ChecksFailed("bad padding");
        }

        return plainEnd - securedOffset;
    }

    private static OpcUaConnectionException ChecksFailed(string what) =>
        new(StatusCodes.BadSecurityChecksFailed, $"Security checks failed: {what}.");

    /// <inheritdoc/>
    public void CheckAsymmetricHeader(byte[]? senderCertificate, byte[]? receiverThumbprint)
    {
        if (senderCertificate is null || !UserTokenEncryptor.FirstCertificate(senderCertificate).AsSpan().SequenceEqual(_remoteCertificate))
        {
            throw new OpcUaConnectionException(StatusCodes.BadCertificateInvalid, "The server signed OpenSecureChannel with another certificate than its endpoint's.");
        }

        if (receiverThumbprint is null || !receiverThumbprint.AsSpan().SequenceEqual(_localThumbprint))
        {
            throw new OpcUaConnectionException(StatusCodes.BadCertificateInvalid, "The server encrypted OpenSecureChannel for another certificate than ours.");
        }
    }

    /// <inheritdoc/>
    public byte[]? CreateNonce() => RandomNumberGenerator.GetBytes(SecurityAlgorithms.NonceLength);

    /// <inheritdoc/>
    public void DeriveKeys(uint tokenId, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce)
    {
        if (clientNonce.Length != SecurityAlgorithms.NonceLength || serverNonce.Length != SecurityAlgorithms.NonceLength)
        {
            throw new OpcUaConnectionException(StatusCodes.BadNonceInvalid, $"Nonces must be {SecurityAlgorithms.NonceLength} bytes (server sent {serverNonce.Length}).");
        }

        // Part 6 §6.7.5: the client's keys use the server nonce as secret and the client nonce as seed; vice versa.
        var keys = new ChannelTokenKeys(
            tokenId,
            SymmetricKeys.Derive(_algorithms, serverNonce, clientNonce),
            SymmetricKeys.Derive(_algorithms, clientNonce, serverNonce));
        ChannelTokenKeys? retired;
        lock (_keysLock)
        {
            retired = _previous;
            _previous = _current;
            _current = keys;
        }

        retired?.Dispose();
    }

    /// <summary>Signs session data (CreateSession/ActivateSession ClientSignature) with our private key.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _localKey.SignData(data, HashAlgorithmName.SHA256, _algorithms.AsymmetricSignaturePadding);

    /// <summary>Checks a signature made with the server's private key (CreateSession ServerSignature).</summary>
    public bool VerifyRemote(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _remoteKey.VerifyData(data, signature, HashAlgorithmName.SHA256, _algorithms.AsymmetricSignaturePadding);

    private static void CheckKeySize(RSA key, string which)
    {
        if (key.KeySize is < SecurityAlgorithms.MinAsymmetricKeyBits or > SecurityAlgorithms.MaxAsymmetricKeyBits)
        {
            throw new OpcUaException(
                StatusCodes.BadCertificatePolicyCheckFailed,
                $"The {which} certificate has a {key.KeySize}-bit RSA key; the policy needs {SecurityAlgorithms.MinAsymmetricKeyBits}–{SecurityAlgorithms.MaxAsymmetricKeyBits}.");
        }
    }

    public void Dispose()
    {
        lock (_keysLock)
        {
            _current?.Dispose();
            _previous?.Dispose();
            _current = null;
            _previous = null;
        }

        _localKey.Dispose();
        _remoteKey.Dispose();
    }
}
