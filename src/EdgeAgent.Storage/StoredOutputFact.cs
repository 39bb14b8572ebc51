namespace EdgeAgent.Storage;

/// <summary>Output value entered for the days <see cref="From"/>..<see cref="To"/>, with the units produced when they were entered for the same days.</summary>
public sealed record StoredOutputFact(DateOnly From, DateOnly To, double ValueCny, double? Units, string? Note, DateTime EnteredUtc);
