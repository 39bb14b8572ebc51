namespace EdgeAgent.Core.Rollups;

/// <summary>
/// What one piece of equipment did during one period: the input of every indicator. Rebuilt deterministically
/// from stored samples, status events and collection cycles.
/// </summary>
/// <param name="EquipmentId">Equipment id from the inventory.</param>
/// <param name="Period">Minute, hour or plant-local day.</param>
/// <param name="StartUtc">Start of the period, UTC (for a day: local midnight in UTC).</param>
/// <param name="EndUtc">End of the period (exclusive), UTC.</param>
/// <param name="Cycles">Poll cycles / publish intervals expected or attempted in the period.</param>
/// <param name="GoodCycles">Cycles that delivered good data.</param>
/// <param name="OnlineSeconds">Seconds the source was online.</param>
/// <param name="RunSeconds">Seconds in run state.</param>
/// <param name="IdleSeconds">Seconds in idle state.</param>
/// <param name="DownSeconds">Seconds in down (fault) state.</param>
/// <param name="OffSeconds">Seconds in off state.</param>
/// <param name="UnknownSeconds">Seconds without a known state (no data).</param>
/// <param name="GoodParts">Delta of the good-parts counter (total − bad when there is no good counter).</param>
/// <param name="BadParts">Delta of the bad-parts counter.</param>
/// <param name="TotalParts">Delta of the total-parts counter (or good + bad when no total counter).</param>
/// <param name="EnergyKwh">Delta of electricity counters, kWh.</param>
/// <param name="GasM3">Delta of natural gas counters, m³.</param>
/// <param name="WaterM3">Delta of water counters, m³.</param>
/// <param name="SteamTonnes">Delta of steam counters, t.</param>
/// <param name="CounterResets">Counter resets, wraps or meter replacements detected (deltas stay non-negative).</param>
public sealed record EquipmentRollup(
    string EquipmentId,
    RollupPeriod Period,
    DateTime StartUtc,
    DateTime EndUtc,
    long Cycles,
    long GoodCycles,
    double OnlineSeconds,
    double RunSeconds,
    double IdleSeconds,
    double DownSeconds,
    double OffSeconds,
    double UnknownSeconds,
    double GoodParts,
    double BadParts,
    double TotalParts,
    double EnergyKwh,
    double GasM3,
    double WaterM3,
    double SteamTonnes,
    int CounterResets)
{
    /// <summary>Share of cycles that delivered good data (0 when nothing was attempted).</summary>
    public double Availability => Cycles == 0 ? 0 : (double)GoodCycles / Cycles;

    /// <summary>Whether any good data arrived in the period.</summary>
    public bool HasData => GoodCycles > 0;
}
