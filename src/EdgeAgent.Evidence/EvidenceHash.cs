using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence;

/// <summary>SHA-256 digests of evidence: raw bytes or the RFC 8785 canonical form of a JSON value.</summary>
public static class EvidenceHash
{
    /// <summary>Size of a SHA-256 digest in bytes.</summary>
    public const int Sha256Size = 32;

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>SHA-256 of the canonical (RFC 8785) bytes of <paramref name="node"/>.</summary>
    public static byte[] Sha256Canonical(JsonNode? node) => SHA256.HashData(CanonicalJson.Serialize(node));

    /// <summary>SHA-256 of the canonical (RFC 8785) bytes of <paramref name="element"/>.</summary>
    public static byte[] Sha256Canonical(JsonElement element) => SHA256.HashData(CanonicalJson.Serialize(element));

    /// <summary>Lower-case hex SHA-256 of <paramref name="data"/>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) => EvidenceEncoding.ToHex(SHA256.HashData(data));

    /// <summary>Lower-case hex SHA-256 of the canonical bytes of <paramref name="node"/>.</summary>
    public static string Sha256CanonicalHex(JsonNode? node) => EvidenceEncoding.ToHex(Sha256Canonical(node));
}
