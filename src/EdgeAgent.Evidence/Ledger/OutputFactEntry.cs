namespace EdgeAgent.Evidence.Ledger;

/// <summary>What a person enters: the output value (CNY) of the plant-local days <see cref="From"/>..<see cref="To"/> (inclusive), and optionally the units produced.</summary>
public sealed record OutputFactEntry(DateOnly From, DateOnly To, double ValueCny, double? Units, string? Note);
