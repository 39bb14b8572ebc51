namespace EdgeAgent.Evidence.Ledger;

/// <summary>The record a correction replaces.</summary>
/// <param name="Seq">Its sequence number.</param>
/// <param name="RecordHash">Hex SHA-256 of its canonical bytes.</param>
public sealed record SupersededRecord(long Seq, string RecordHash);
