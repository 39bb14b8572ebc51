using System.Security.Cryptography;

namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// The algorithm suite of one RSA/AES security policy (Part 7 security policy profiles): what signs and encrypts
/// OpenSecureChannel with the certificates' RSA keys, and the lengths of the symmetric keys derived for MSG/CLO.
/// </summary>
internal sealed record SecurityAlgorithms(
    string PolicyUri,
    int SigningKeyLength,
    int EncryptionKeyLength,
    RSAEncryptionPadding AsymmetricEncryptionPadding,
    int OaepHashLength,
    RSASignaturePadding AsymmetricSignaturePadding,
    string AsymmetricSignatureUri,
    string AsymmetricEncryptionUri)
{
    /// <summary>AES block size: also the length of the derived initialization vector.</summary>
    public const int EncryptionBlockSize = 16;

    /// <summary>HMAC-SHA256 output length.</summary>
    public const int SymmetricSignatureLength = 32;

    /// <summary>All three policies exchange 32-byte nonces (Part 7: SecureChannelNonceLength).</summary>
    public const int NonceLength = 32;

    public const int MinAsymmetricKeyBits = 2048;

    public const int MaxAsymmetricKeyBits = 4096;

    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    public const string RsaPssSha256 = "http://opcfoundation.org/UA/security/rsa-pss-sha2-256";

    /// <summary>Basic256Sha256: AES-256-CBC, HMAC-SHA256, RSA-OAEP (SHA-1), RSA-PKCS1-v1.5-SHA256.</summary>
    public static SecurityAlgorithms Basic256Sha256 { get; } = new(
        SecurityPolicyUris.Basic256Sha256, 32, 32, RSAEncryptionPadding.OaepSHA1, 20, RSASignaturePadding.Pkcs1, RsaSha256, UserTokenEncryptor.RsaOaepSha1);

    /// <summary>Aes128_Sha256_RsaOaep: AES-128-CBC, HMAC-SHA256, RSA-OAEP (SHA-1), RSA-PKCS1-v1.5-SHA256.</summary>
    public static SecurityAlgorithms Aes128Sha256RsaOaep { get; } = new(
        SecurityPolicyUris.Aes128Sha256RsaOaep, 32, 16, RSAEncryptionPadding.OaepSHA1, 20, RSASignaturePadding.Pkcs1, RsaSha256, UserTokenEncryptor.RsaOaepSha1);

    /// <summary>Aes256_Sha256_RsaPss: AES-256-CBC, HMAC-SHA256, RSA-OAEP (SHA-256), RSA-PSS-SHA256.</summary>
    public static SecurityAlgorithms Aes256Sha256RsaPss { get; } = new(
        SecurityPolicyUris.Aes256Sha256RsaPss, 32, 32, RSAEncryptionPadding.OaepSHA256, 32, RSASignaturePadding.Pss, RsaPssSha256, UserTokenEncryptor.RsaOaepSha256);

    /// <summary>The suite of a policy URI, or null for None and for policies we do not implement.</summary>
    public static SecurityAlgorithms? For(string? policyUri) => policyUri switch
    {
        SecurityPolicyUris.Basic256Sha256 => Basic256Sha256,
        SecurityPolicyUris.Aes128Sha256RsaOaep => Aes128Sha256RsaOaep,
        SecurityPolicyUris.Aes256Sha256RsaPss => Aes256Sha256RsaPss,
        _ => null,
    };

    /// <summary>How many plaintext bytes one RSA-OAEP block of a <paramref name="keyBytes"/>-byte key carries.</summary>
    public int PlainBlockSize(int keyBytes) => keyBytes - (2 * OaepHashLength) - 2;
}
