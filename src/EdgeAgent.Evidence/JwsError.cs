namespace EdgeAgent.Evidence;

/// <summary>Why a JWS did not verify.</summary>
public enum JwsError
{
    /// <summary>It verified.</summary>
    None,

    /// <summary>Not three base64url parts, a header that is not a JSON object, or a payload where a detached one was expected (and vice versa).</summary>
    Malformed,

    /// <summary><c>alg</c> is missing or anything but ES256 (never <c>none</c>, never HS*).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header has no <c>kid</c> and no key was given.</summary>
    MissingKeyId,

    /// <summary>No public key is known under the header's <c>kid</c>.</summary>
    UnknownKeyId,

    /// <summary>The key found is not a P-256 key.</summary>
    InvalidKey,

    /// <summary>The header lists <c>crit</c> extensions, none of which we implement (RFC 7515 §4.1.11).</summary>
    UnsupportedCriticalHeader,

    /// <summary>The signature does not match header, payload and key.</summary>
    BadSignature,
}
