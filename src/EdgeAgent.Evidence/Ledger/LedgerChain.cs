namespace EdgeAgent.Evidence.Ledger;

/// <summary>Where a record sits in the ledger.</summary>
/// <param name="Seq">Its sequence number (1-based; leaf index = seq − 1).</param>
/// <param name="PreviousHash">Hex SHA-256 of the previous record's canonical bytes (64 zeros for the first).</param>
/// <param name="Supersedes">The record a correction replaces, else null.</param>
public sealed record LedgerChain(long Seq, string PreviousHash, SupersededRecord? Supersedes);
