namespace EdgeAgent.Storage;

/// <summary>
/// A value entered by a person (through the API or CLI) rather than collected: e.g. output value of a period. One value
/// per kind and period; entering it again replaces it.
/// </summary>
/// <param name="Kind">What the value is (see <see cref="FactKinds"/>).</param>
/// <param name="FromDay">First plant-local day covered.</param>
/// <param name="ToDay">Last plant-local day covered (inclusive).</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Unit, e.g. "CNY", "pcs".</param>
/// <param name="Note">Where it came from (ERP, statistics report, person).</param>
/// <param name="EnteredUtc">When it was entered.</param>
public sealed record Fact(string Kind, DateOnly FromDay, DateOnly ToDay, double Value, string? Unit, string? Note, DateTime EnteredUtc);
