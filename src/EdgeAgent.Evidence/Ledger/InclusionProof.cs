using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>A record with its RFC 6962 inclusion proof in a tree of <paramref name="TreeSize"/> leaves.</summary>
/// <param name="Entry">The record.</param>
/// <param name="LeafIndex">Its leaf index (seq − 1).</param>
/// <param name="TreeSize">Size of the tree the proof is for.</param>
/// <param name="Path">Audit path, hex, leaf to root.</param>
public sealed record InclusionProof(LedgerEntry Entry, long LeafIndex, long TreeSize, IReadOnlyList<string> Path)
{
    /// <summary>JSON for the evidence API.</summary>
    public JsonObject ToJson() => new()
    {
        ["seq"] = Entry.Seq,
        ["day"] = Entry.Day,
        ["kind"] = Entry.Kind,
        ["supersedesSeq"] = Entry.SupersedesSeq,
        ["recordHash"] = Entry.RecordHash,
        ["record"] = JsonNode.Parse(Entry.RecordJson),
        ["jws"] = Entry.Jws,
        ["leafIndex"] = LeafIndex,
        ["treeSize"] = TreeSize,
        ["inclusion"] = new JsonArray(Path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
    };
}
