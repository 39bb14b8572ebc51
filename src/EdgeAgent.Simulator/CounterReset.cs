namespace EdgeAgent.Simulator;

/// <summary>
/// A configured reset of one equipment's cumulative counters (parts, energy, gas, water, steam) to zero at a given
/// instant, as when a meter is replaced or an operator zeroes a CNC's part counter. Lets tests prove the agent copes.
/// </summary>
public sealed record CounterReset(string EquipmentId, DateTime AtUtc);
