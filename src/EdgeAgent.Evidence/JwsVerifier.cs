using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EdgeAgent.Evidence;

/// <summary>
/// Verifies RFC 7515 compact JWS signed with ES256. Accepts nothing else: <c>alg</c> must be exactly
/// ES256 (so never <c>none</c> or an HMAC keyed with a public key), the key comes from the caller,
/// never from the token (<c>jwk</c>/<c>jku</c>/<c>x5u</c> headers are ignored), and every base64url part
/// must be in its one canonical spelling.
/// </summary>
public static class JwsVerifier
{
    private const int SignatureSize = 64;

    /// <summary>Verifies <paramref name="compact"/> with the public key <paramref name="resolveKeyByKid"/> returns for its <c>kid</c>.</summary>
    public static JwsVerificationResult Verify(string compact, Func<string, ECDsa?> resolveKeyByKid)
    {
        ArgumentNullException.ThrowIfNull(resolveKeyByKid);
        return VerifyCore(compact, detachedPayload: null, resolveKeyByKid, fixedKey: null);
    }

    /// <summary>Verifies <paramref name="compact"/> with the key registered under its <c>kid</c>.</summary>
    public static JwsVerificationResult Verify(string compact, IReadOnlyDictionary<string, ECDsa> keysByKid)
    {
        ArgumentNullException.ThrowIfNull(keysByKid);
        return VerifyCore(compact, detachedPayload: null, kid => keysByKid.GetValueOrDefault(kid), fixedKey: null);
    }

    /// <summary>Verifies <paramref name="compact"/> with one known public key, whatever its <c>kid</c> says (e.g. <c>verify --public-key</c>).</summary>
    public static JwsVerificationResult Verify(string compact, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return VerifyCore(compact, detachedPayload: null, resolveKeyByKid: null, publicKey);
    }

    /// <summary>Verifies a detached JWS (<c>header..signature</c>) over <paramref name="payload"/>.</summary>
    public static JwsVerificationResult VerifyDetached(string compact, ReadOnlySpan<byte> payload, Func<string, ECDsa?> resolveKeyByKid)
    {
        ArgumentNullException.ThrowIfNull(resolveKeyByKid);
        return VerifyCore(compact, payload.ToArray(), resolveKeyByKid, fixedKey: null);
    }

    /// <summary>Verifies a detached JWS (<c>header..signature</c>) over <paramref name="payload"/> with one known public key.</summary>
    public static JwsVerificationResult VerifyDetached(string compact, ReadOnlySpan<byte> payload, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return VerifyCore(compact, payload.ToArray(), resolveKeyByKid: null, publicKey);
    }

    private static JwsVerificationResult VerifyCore(string compact, byte[]? detachedPayload, Func<string, ECDsa?>? resolveKeyByKid, ECDsa? fixedKey)
    {
        if (string.IsNullOrEmpty(compact))
        {
            return JwsVerificationResult.Fail(JwsError.Malformed, "empty JWS");
        }

        string[] parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return JwsVerificationResult.Fail(JwsError.Malformed, $"compact JWS has {parts.Length} parts, not 3");
        }

        if (!EvidenceEncoding.TryFromBase64Url(parts[0], out byte[]? headerBytes) || headerBytes.Length == 0)
        {
            return JwsVerificationResult.Fail(JwsError.Malformed, "protected header is not base64url");
        }

        if (!TryReadHeader(headerBytes, out Header header, out string? headerProblem))
        {
            return JwsVerificationResult.Fail(JwsError.Malformed, headerProblem);
        }

        if (header.Algorithm != JwsAlgorithms.ES256)
        {
            return JwsVerificationResult.Fail(
                JwsError.UnsupportedAlgorithm,
                header.Algorithm is null ? "header has no alg" : $"alg \"{header.Algorithm}\" is not accepted (only ES256)",
                header.KeyId,
                header.Type);
        }

        if (header.HasCritical)
        {
            return JwsVerificationResult.Fail(JwsError.UnsupportedCriticalHeader, "header lists crit extensions, none are supported", header.KeyId, header.Type);
        }

        byte[] payload;
        string encodedPayload;
        if (detachedPayload is not null)
        {
            if (parts[1].Length != 0)
            {
                return JwsVerificationResult.Fail(JwsError.Malformed, "expected a detached payload (empty middle part)", header.KeyId, header.Type);
            }

            payload = detachedPayload;
            encodedPayload = EvidenceEncoding.ToBase64Url(payload);
        }
        else
        {
            if (!EvidenceEncoding.TryFromBase64Url(parts[1], out byte[]? decoded))
            {
                return JwsVerificationResult.Fail(JwsError.Malformed, "payload is not base64url", header.KeyId, header.Type);
            }

            payload = decoded;
            encodedPayload = parts[1];
        }

        if (!EvidenceEncoding.TryFromBase64Url(parts[2], out byte[]? signature))
        {
            return JwsVerificationResult.Fail(JwsError.Malformed, "signature is not base64url", header.KeyId, header.Type);
        }

        ECDsa? key = fixedKey;
        if (key is null)
        {
            if (header.KeyId is null)
            {
                return JwsVerificationResult.Fail(JwsError.MissingKeyId, "header has no kid", null, header.Type);
            }

            key = resolveKeyByKid!(header.KeyId);
            if (key is null)
            {
                return JwsVerificationResult.Fail(JwsError.UnknownKeyId, $"no public key for kid {header.KeyId}", header.KeyId, header.Type);
            }
        }

        if (!EcKeyFormats.IsP256(key))
        {
            return JwsVerificationResult.Fail(JwsError.InvalidKey, "key is not ECDSA P-256", header.KeyId, header.Type);
        }

        if (signature.Length != SignatureSize)
        {
            return JwsVerificationResult.Fail(JwsError.BadSignature, $"ES256 signature is {SignatureSize} bytes, got {signature.Length}", header.KeyId, header.Type);
        }

        byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + encodedPayload);
        bool ok = key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return ok
            ? JwsVerificationResult.Valid(header.KeyId, header.Type, payload)
            : JwsVerificationResult.Fail(JwsError.BadSignature, "signature does not verify", header.KeyId, header.Type);
    }

    private static bool TryReadHeader(byte[] json, out Header header, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        header = default;
        problem = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "protected header is not a JSON object";
                return false;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? alg = null, kid = null, typ = null;
            bool crit = false;
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                // RFC 7515 §5.2 lets us reject duplicates; taking "the last one" is how alg confusion starts.
                if (!seen.Add(property.Name))
                {
                    problem = $"duplicate header parameter \"{property.Name}\"";
                    return false;
                }

                switch (property.Name)
                {
                    case "alg":
                    case "kid":
                    case "typ":
                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            problem = $"header parameter \"{property.Name}\" is not a string";
                            return false;
                        }

                        string value = property.Value.GetString()!;
                        if (property.Name == "alg")
                        {
                            alg = value;
                        }
                        else if (property.Name == "kid")
                        {
                            kid = value;
                        }
                        else
                        {
                            typ = value;
                        }

                        break;
                    case "crit":
                        crit = true;
                        break;
                }
            }

            header = new Header(alg, kid, typ, crit);
            return true;
        }
        catch (JsonException)
        {
            problem = "protected header is not JSON";
            return false;
        }
        catch (InvalidOperationException)
        {
            problem = "protected header holds invalid Unicode";
            return false;
        }
    }

    private readonly record struct Header(string? Algorithm, string? KeyId, string? Type, bool HasCritical);
}
