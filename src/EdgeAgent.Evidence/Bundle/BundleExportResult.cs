namespace EdgeAgent.Evidence.Bundle;

/// <summary>What an export wrote.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="Days">Days with a signed record.</param>
/// <param name="MissingDays">Days of the range without a signed record.</param>
/// <param name="TreeSize">Size of the signed tree head in the bundle (0 when the ledger is empty).</param>
/// <param name="Files">Files in the bundle.</param>
/// <param name="MissingKeys">Key ids used by signatures whose public key was not found in the key store.</param>
public sealed record BundleExportResult(DateOnly From, DateOnly To, IReadOnlyList<string> Days, IReadOnlyList<string> MissingDays, long TreeSize,
    int Files, IReadOnlyList<string> MissingKeys);
