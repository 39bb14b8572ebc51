namespace EdgeAgent.Storage;

/// <summary>Size and span of the stored history.</summary>
/// <param name="DatabasePath">Path of the database file.</param>
/// <param name="TotalBytes">Database plus WAL file size.</param>
/// <param name="OldestSampleUtc">Oldest raw sample held, or null.</param>
/// <param name="NewestSampleUtc">Newest raw sample held, or null.</param>
public sealed record StorageInfo(string DatabasePath, long TotalBytes, DateTime? OldestSampleUtc, DateTime? NewestSampleUtc);
