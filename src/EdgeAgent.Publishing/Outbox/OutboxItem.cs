namespace EdgeAgent.Publishing.Outbox;

/// <summary>One row of the outbox: one signed ledger record on its way through one channel.</summary>
/// <param name="Id">Row id (<c>seq</c>), increasing in enqueue order.</param>
/// <param name="RecordSeq">Ledger seq of the record (delivery order).</param>
/// <param name="Day">Plant-local day of the record (YYYY-MM-DD).</param>
/// <param name="Kind"><c>final</c> or <c>correction</c>.</param>
/// <param name="Channel">The channel this row is for.</param>
/// <param name="Payload">The bytes sent: the record's compact JWS (ASCII), exactly as the ledger stored it.</param>
/// <param name="IdempotencyKey">Hex SHA-256 of the record's canonical JSON (the ledger's record hash).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">Delivery attempts made so far.</param>
/// <param name="LastError">Why the last attempt failed, or why it was parked.</param>
/// <param name="NextAttemptAt">Not before this time (a backoff or Retry-After that must survive a restart), or null.</param>
/// <param name="DeliveredAt">When it was acknowledged, or null.</param>
public sealed record OutboxItem(
    long Id,
    long RecordSeq,
    string Day,
    string Kind,
    OutboxChannel Channel,
    byte[] Payload,
    string IdempotencyKey,
    OutboxState State,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt);
