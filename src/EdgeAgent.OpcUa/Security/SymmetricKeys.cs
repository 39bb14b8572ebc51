using System.Security.Cryptography;

namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// One direction's keys of one channel token (Part 6 §6.7.5): HMAC signing key, AES key and IV, in the order
/// P_SHA256 produces them.
/// </summary>
internal sealed class SymmetricKeys : IDisposable
{
    private readonly byte[] _signingKey;
    private readonly byte[] _iv;
    private readonly Aes _aes;

    private SymmetricKeys(byte[] signingKey, byte[] encryptionKey, byte[] iv)
    {
        _signingKey = signingKey;
        _iv = iv;
        _aes = Aes.Create();
        _aes.Key = encryptionKey;
        CryptographicOperations.ZeroMemory(encryptionKey);
    }

    /// <summary>Derives keys with <paramref name="secret"/> as the HMAC secret and <paramref name="seed"/> as the seed.</summary>
    public static SymmetricKeys Derive(SecurityAlgorithms algorithms, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> seed)
    {
        var total = algorithms.SigningKeyLength + algorithms.EncryptionKeyLength + SecurityAlgorithms.EncryptionBlockSize;
        var material = PSha256.Derive(secret, seed, total);
        try
        {
            var signing = material.AsSpan(0, algorithms.SigningKeyLength).ToArray();
            var encryption = material.AsSpan(algorithms.SigningKeyLength, algorithms.EncryptionKeyLength).ToArray();
            var iv = material.AsSpan(algorithms.SigningKeyLength + algorithms.EncryptionKeyLength, SecurityAlgorithms.EncryptionBlockSize).ToArray();
            return new SymmetricKeys(signing, encryption, iv);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => HMACSHA256.HashData(_signingKey, data, signature);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[SecurityAlgorithms.SymmetricSignatureLength];
        HMACSHA256.HashData(_signingKey, data, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    public void Encrypt(Span<byte> data)
    {
        // One-shot CBC into a separate buffer: the APIs do not promise in-place operation.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            var written = _aes.EncryptCbc(data, _iv, buffer, PaddingMode.None);
            buffer.AsSpan(0, written).CopyTo(data);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Decrypt(Span<byte> data)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            var written = _aes.DecryptCbc(data, _iv, buffer, PaddingMode.None);
            buffer.AsSpan(0, written).CopyTo(data);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_signingKey);
        _aes.Dispose();
    }
}
