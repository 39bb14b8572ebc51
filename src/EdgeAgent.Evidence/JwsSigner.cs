using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>
/// RFC 7515 JWS compact serialization with ES256 (RFC 7518 §3.4: ECDSA P-256 / SHA-256, signature is
/// the 64-byte R||S, not DER). Protected header <c>{"alg":"ES256","kid":…,"typ":…}</c> in RFC 8785 form.
/// </summary>
public static class JwsSigner
{
    /// <summary>
    /// Signs <paramref name="payload"/>: <c>header.payload.signature</c>. <paramref name="type"/> is the
    /// optional <c>typ</c> header (media type of the whole JWS, e.g. "edgeagent-day+jws").
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> payload, SigningKey key, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        string header = EncodeHeader(key.KeyId, type);
        string body = EvidenceEncoding.ToBase64Url(payload);
        return header + "." + body + "." + SignInput(header, body, key);
    }

    /// <summary>
    /// Signs <paramref name="payload"/> but leaves it out of the result (RFC 7515 Appendix F):
    /// <c>header..signature</c>. The verifier must be given the same payload bytes.
    /// </summary>
    public static string SignDetached(ReadOnlySpan<byte> payload, SigningKey key, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        string header = EncodeHeader(key.KeyId, type);
        string body = EvidenceEncoding.ToBase64Url(payload);
        return header + ".." + SignInput(header, body, key);
    }

    private static string EncodeHeader(string keyId, string? type)
    {
        var header = new JsonObject { ["alg"] = JwsAlgorithms.ES256, ["kid"] = keyId };
        if (type is not null)
        {
            header["typ"] = type;
        }

        return EvidenceEncoding.ToBase64Url(CanonicalJson.Serialize(header));
    }

    private static string SignInput(string header, string body, SigningKey key)
    {
        byte[] input = Encoding.ASCII.GetBytes(header + "." + body);
        byte[] signature = key.Key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return EvidenceEncoding.ToBase64Url(signature);
    }
}
