using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// What <see cref="LedgerService.GetProof"/> returns: every record of a day (final, then corrections) with its inclusion
/// proof against the tree of <see cref="TreeSize"/> records, and that tree's signed head when one was signed at that size.
/// </summary>
/// <param name="Day">The day (YYYY-MM-DD).</param>
/// <param name="TreeSize">Size of the tree the proofs are for.</param>
/// <param name="Root">Hex root of that tree.</param>
/// <param name="TreeHead">The signed head of that size, or null.</param>
/// <param name="Records">The day's records in that tree, by seq (the last one is in force).</param>
public sealed record DayProof(string Day, long TreeSize, string Root, SignedTreeHead? TreeHead, IReadOnlyList<InclusionProof> Records)
{
    /// <summary>JSON for the evidence API.</summary>
    public JsonObject ToJson() => new()
    {
        ["day"] = Day,
        ["treeSize"] = TreeSize,
        ["root"] = Root,
        ["treeHead"] = TreeHead?.ToJson(),
        ["records"] = new JsonArray(Records.Select(r => (JsonNode?)r.ToJson()).ToArray()),
    };
}
