namespace EdgeAgent.Publishing.Outbox;

/// <summary>A record a receiver refused for good, with the reason.</summary>
/// <param name="Channel"><c>https</c> or <c>mqtt</c>.</param>
/// <param name="RecordSeq">Ledger seq.</param>
/// <param name="Day">Plant-local day.</param>
/// <param name="Reason">What the receiver said.</param>
public sealed record ParkedRecord(string Channel, long RecordSeq, string Day, string Reason);
