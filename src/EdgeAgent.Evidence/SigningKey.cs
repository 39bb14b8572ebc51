using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>An ECDSA P-256 private key with its key id (RFC 7638 thumbprint of its public JWK).</summary>
public sealed class SigningKey : IDisposable
{
    private SigningKey(ECDsa key)
    {
        EcKeyFormats.RequireP256(key);
        Key = key;
        KeyId = EcKeyFormats.KeyId(key);
    }

    /// <summary>The key pair. Owned by this instance.</summary>
    public ECDsa Key { get; }

    /// <summary>RFC 7638 thumbprint, the <c>kid</c> of every JWS this key makes.</summary>
    public string KeyId { get; }

    /// <summary>A fresh random P-256 key.</summary>
    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    /// <exception cref="CryptographicException">Not a PKCS#8 P-256 key.</exception>
    public static SigningKey FromPkcs8Pem(string pem) => new(EcKeyFormats.ImportPrivatePem(pem));

    /// <summary>Takes ownership of an existing P-256 key pair.</summary>
    public static SigningKey FromECDsa(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SigningKey(key);
    }

    /// <summary>The private key as PKCS#8 PEM. Secret: write it only where <see cref="SigningKeyStore"/> does.</summary>
    public string ExportPkcs8Pem() => Key.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as PEM SubjectPublicKeyInfo.</summary>
    public string ExportPublicPem() => EcKeyFormats.ExportPublicPem(Key);

    /// <summary>The public key as JWK (with kid, alg and use).</summary>
    public JsonObject ExportPublicJwk() => EcKeyFormats.ExportPublicJwk(Key);

    /// <summary>A separate public-only copy of the key, owned by the caller.</summary>
    public ECDsa CreatePublicKey()
    {
        var pub = ECDsa.Create();
        pub.ImportSubjectPublicKeyInfo(Key.ExportSubjectPublicKeyInfo(), out _);
        return pub;
    }

    /// <inheritdoc/>
    public void Dispose() => Key.Dispose();
}
