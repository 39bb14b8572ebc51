namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// One stored sample as the evidence sees it: the columns of <c>samples</c> joined with <c>tags</c>, times in UTC unix
/// milliseconds. <paramref name="Value"/> is null where the database holds NULL (bad quality, string tags).
/// </summary>
/// <param name="Equipment">Equipment id.</param>
/// <param name="Tag">Tag name.</param>
/// <param name="TimestampMs">Sample time, UTC unix milliseconds.</param>
/// <param name="Value">Numeric value, or null.</param>
/// <param name="Text">String value, or null.</param>
/// <param name="Quality">Quality code (0 good, 1 bad, 2 no communication, 3 uncertain).</param>
/// <param name="Status">Protocol status detail, or null.</param>
public readonly record struct RawSample(string Equipment, string Tag, long TimestampMs, double? Value, string? Text, int Quality, string? Status);
