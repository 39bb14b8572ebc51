namespace EdgeAgent.Evidence.Ledger;

/// <summary>An entered output fact as stored.</summary>
public sealed record StoredOutputFact(DateOnly From, DateOnly To, double ValueCny, double? Units, string? Note, DateTime EnteredUtc);
