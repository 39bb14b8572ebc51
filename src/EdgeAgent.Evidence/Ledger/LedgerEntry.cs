using System.Text;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>One row of <c>ledger_records</c>: a signed daily record and its place in the ledger.</summary>
/// <param name="Seq">Sequence number, 1-based (Merkle leaf index = seq − 1).</param>
/// <param name="Day">Plant-local day (YYYY-MM-DD).</param>
/// <param name="Kind"><see cref="DailyRecordKind.Final"/> or <see cref="DailyRecordKind.Correction"/>.</param>
/// <param name="SupersedesSeq">For a correction, the record it replaces.</param>
/// <param name="RecordJson">The record's RFC 8785 bytes (the Merkle leaf and the JWS payload).</param>
/// <param name="RecordHash">Hex SHA-256 of <paramref name="RecordJson"/>.</param>
/// <param name="Jws">Compact JWS (ES256) with the record as payload.</param>
/// <param name="CreatedAt">When it was appended (UTC, ISO 8601).</param>
public sealed record LedgerEntry(long Seq, string Day, string Kind, long? SupersedesSeq, byte[] RecordJson, string RecordHash, string Jws, string CreatedAt)
{
    /// <summary>The record as text.</summary>
    public string RecordText => Encoding.UTF8.GetString(RecordJson);
}
