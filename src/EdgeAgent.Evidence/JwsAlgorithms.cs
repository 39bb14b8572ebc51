namespace EdgeAgent.Evidence;

/// <summary>JOSE algorithm names (RFC 7518 §3.1) this library speaks.</summary>
public static class JwsAlgorithms
{
    /// <summary>ECDSA using P-256 and SHA-256, signature R||S (RFC 7518 §3.4). The only one we sign or accept.</summary>
    public const string ES256 = "ES256";
}
