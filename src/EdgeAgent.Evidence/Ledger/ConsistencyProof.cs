using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>RFC 6962 consistency proof between two tree sizes, with their roots and signed heads where signed.</summary>
/// <param name="OldSize">Earlier size.</param>
/// <param name="NewSize">Later size.</param>
/// <param name="OldRoot">Hex root at <paramref name="OldSize"/>.</param>
/// <param name="NewRoot">Hex root at <paramref name="NewSize"/>.</param>
/// <param name="Path">Proof hashes, hex.</param>
/// <param name="OldHead">Signed head at the old size, or null.</param>
/// <param name="NewHead">Signed head at the new size, or null.</param>
public sealed record ConsistencyProof(long OldSize, long NewSize, string OldRoot, string NewRoot, IReadOnlyList<string> Path, SignedTreeHead? OldHead, SignedTreeHead? NewHead)
{
    /// <summary>JSON for the evidence API.</summary>
    public JsonObject ToJson() => new()
    {
        ["oldSize"] = OldSize,
        ["newSize"] = NewSize,
        ["oldRoot"] = OldRoot,
        ["newRoot"] = NewRoot,
        ["consistency"] = new JsonArray(Path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        ["oldTreeHead"] = OldHead?.ToJson(),
        ["newTreeHead"] = NewHead?.ToJson(),
    };
}
