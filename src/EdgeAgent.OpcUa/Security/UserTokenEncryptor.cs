using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// Encrypts a user token secret with the server certificate's RSA key in the legacy secret format of
/// Part 4 §7.41.2.2: <c>Int32 length | secret | server nonce</c>, encrypted block by block with RSA-OAEP
/// (SHA-1 for Basic256, Basic256Sha256 and Aes128_Sha256_RsaOaep; SHA-256 for Aes256_Sha256_RsaPss).
/// </summary>
internal static class UserTokenEncryptor
{
    public const string RsaOaepSha1 = "http://www.w3.org/2001/04/xmlenc#rsa-oaep";
    public const string RsaOaepSha256 = "http://opcfoundation.org/UA/security/rsa-oaep-sha2-256";

    /// <summary>The encryption algorithm URI a policy uses for secrets, or null when we cannot (or need not) encrypt.</summary>
    public static string? AlgorithmFor(string? policyUri) => policyUri switch
    {
        SecurityPolicyUris.Basic256 or SecurityPolicyUris.Basic256Sha256 or SecurityPolicyUris.Aes128Sha256RsaOaep => RsaOaepSha1,
        SecurityPolicyUris.Aes256Sha256RsaPss => RsaOaepSha256,
        _ => null,
    };

    public static byte[] Encrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> serverNonce, ReadOnlySpan<byte> serverCertificate, string algorithm)
    {
        var plain = new byte[4 + secret.Length + serverNonce.Length];
        BinaryPrimitives.WriteInt32LittleEndian(plain, secret.Length + serverNonce.Length);
        secret.CopyTo(plain.AsSpan(4));
        serverNonce.CopyTo(plain.AsSpan(4 + secret.Length));

        using var certificate = X509CertificateLoader.LoadCertificate(FirstCertificate(serverCertificate));
        using var rsa = certificate.GetRSAPublicKey() ?? throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server certificate has no RSA key.");
        var padding = algorithm == RsaOaepSha256 ? RSAEncryptionPadding.OaepSHA256 : RSAEncryptionPadding.OaepSHA1;
        var hashLength = algorithm == RsaOaepSha256 ? 32 : 20;
        var keyBytes = rsa.KeySize / 8;
        var blockPlain = keyBytes - (2 * hashLength) - 2;
        var blocks = (plain.Length + blockPlain - 1) / blockPlain;
        var result = new byte[blocks * keyBytes];
        for (var i = 0; i < blocks; i++)
        {
            var slice = plain.AsSpan(i * blockPlain, Math.Min(blockPlain, plain.Length - (i * blockPlain)));
            rsa.Encrypt(slice, result.AsSpan(i * keyBytes, keyBytes), padding);
        }

        CryptographicOperations.ZeroMemory(plain);
        return result;
    }

    /// <summary>A server may send its certificate chain concatenated; the first DER SEQUENCE is its own certificate.</summary>
    public static byte[] FirstCertificate(ReadOnlySpan<byte> der)
    {
        if (der.Length < 2 || der[0] != 0x30)
        {
            throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server certificate is not DER.");
        }

        int length;
        int headerLength;
        if (der[1] < 0x80)
        {
            length = der[1];
            headerLength = 2;
        }
        else
        {
            var count = der[1] & 0x7F;
            if (count is 0 or > 4 || der.Length < 2 + count)
            {
                throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server certificate has a bad length.");
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | der[2 + i];
            }

            headerLength = 2 + count;
        }

        if (length < 0 || headerLength + length > der.Length)
        {
            throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server certificate is truncated.");
        }

        return der[..(headerLength + length)].ToArray();
    }
}
