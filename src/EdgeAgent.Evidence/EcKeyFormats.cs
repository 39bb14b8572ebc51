using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>
/// ECDSA P-256 key formats: PEM (SubjectPublicKeyInfo / PKCS#8), JWK (RFC 7517/7518 §6.2) and the
/// RFC 7638 JWK thumbprint we use as key id.
/// </summary>
public static class EcKeyFormats
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private const int CoordinateSize = 32;

    /// <summary>True when <paramref name="key"/> is on the NIST P-256 curve, the only curve ES256 allows.</summary>
    public static bool IsP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            return false;
        }

        ECCurve curve = key.ExportParameters(false).Curve;
        if (!curve.IsNamed)
        {
            return false;
        }

        // Platforms fill in either the OID value or only a friendly name (Windows says ECDSA_P256).
        return curve.Oid.Value == P256Oid
            || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1";
    }

    /// <summary>
    /// The RFC 7638 JWK thumbprint: base64url(SHA-256(<c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>)),
    /// members in lexical order without whitespace, which is exactly their RFC 8785 form.
    /// </summary>
    public static string KeyId(ECDsa key)
    {
        JsonObject members = ThumbprintMembers(key);
        return EvidenceEncoding.ToBase64Url(EvidenceHash.Sha256Canonical(members));
    }

    /// <summary>The public key as a PEM SubjectPublicKeyInfo (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public static string ExportPublicPem(ECDsa key)
    {
        RequireP256(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The public key as a JWK with <c>kid</c> (the thumbprint), <c>alg</c> ES256 and <c>use</c> sig.</summary>
    public static JsonObject ExportPublicJwk(ECDsa key)
    {
        JsonObject jwk = ThumbprintMembers(key);
        jwk["kid"] = KeyId(key);
        jwk["alg"] = JwsAlgorithms.ES256;
        jwk["use"] = "sig";
        return jwk;
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> (SubjectPublicKeyInfo) holding a P-256 key.</summary>
    /// <exception cref="CryptographicException">Not a PEM public key, or not P-256.</exception>
    public static ECDsa ImportPublicPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out PemFields fields) || !pem.AsSpan()[fields.Label].SequenceEqual("PUBLIC KEY"))
        {
            throw new CryptographicException("Expected a PEM block labelled PUBLIC KEY.");
        }

        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(der, out _);
            RequireP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Reads a PEM <c>PRIVATE KEY</c> (PKCS#8) holding a P-256 key.</summary>
    /// <exception cref="CryptographicException">Not a PEM PKCS#8 key, or not P-256.</exception>
    public static ECDsa ImportPrivatePem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out PemFields fields) || !pem.AsSpan()[fields.Label].SequenceEqual("PRIVATE KEY"))
        {
            throw new CryptographicException("Expected a PEM block labelled PRIVATE KEY (PKCS#8).");
        }

        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(der, out _);
            RequireP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>Reads a public JWK (<c>kty</c> EC, <c>crv</c> P-256, <c>x</c>, <c>y</c>); private members are ignored.</summary>
    /// <exception cref="CryptographicException">Not a P-256 EC JWK, or the point is not on the curve.</exception>
    public static ECDsa ImportPublicJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (GetString(jwk, "kty") != "EC" || GetString(jwk, "crv") != "P-256")
        {
            throw new CryptographicException("Expected a JWK with kty EC and crv P-256.");
        }

        if (!EvidenceEncoding.TryFromBase64Url(GetString(jwk, "x"), out byte[]? x) || x.Length != CoordinateSize
            || !EvidenceEncoding.TryFromBase64Url(GetString(jwk, "y"), out byte[]? y) || y.Length != CoordinateSize)
        {
            throw new CryptographicException("JWK x and y must be 32-byte base64url coordinates.");
        }

        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };

        // ECDsa.Create validates that the point lies on the curve (invalid-curve attacks).
        return ECDsa.Create(parameters);
    }

    internal static void RequireP256(ECDsa key)
    {
        if (!IsP256(key))
        {
            throw new CryptographicException("Only ECDSA keys on curve P-256 are supported (ES256).");
        }
    }

    private static JsonObject ThumbprintMembers(ECDsa key)
    {
        RequireP256(key);
        ECParameters p = key.ExportParameters(false);
        return new JsonObject
        {
            ["crv"] = "P-256",
            ["kty"] = "EC",
            ["x"] = EvidenceEncoding.ToBase64Url(p.Q.X),
            ["y"] = EvidenceEncoding.ToBase64Url(p.Q.Y),
        };
    }

    private static string GetString(JsonObject jwk, string name)
        => jwk[name] is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;
}
