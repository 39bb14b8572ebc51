using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// A signed statement of the ledger's Merkle tree: JWS over the canonical <c>{agentId, root, size, timestamp}</c>.
/// </summary>
/// <param name="Size">Number of records (leaves).</param>
/// <param name="Root">Hex RFC 6962 root hash.</param>
/// <param name="Timestamp">When it was signed (UTC, ISO 8601).</param>
/// <param name="Jws">Compact JWS (ES256), payload attached.</param>
public sealed record SignedTreeHead(long Size, string Root, string Timestamp, string Jws)
{
    /// <summary>The <c>typ</c> header of tree head signatures.</summary>
    public const string JwsType = "edgeagent-tree-head+jws";

    /// <summary>The payload that is signed.</summary>
    public static JsonObject Payload(string agentId, long size, string rootHex, string timestamp) => new()
    {
        ["agentId"] = agentId,
        ["root"] = rootHex,
        ["size"] = size,
        ["timestamp"] = timestamp,
    };

    /// <summary>JSON for the evidence API.</summary>
    public JsonObject ToJson() => new() { ["size"] = Size, ["root"] = Root, ["timestamp"] = Timestamp, ["jws"] = Jws };
}
