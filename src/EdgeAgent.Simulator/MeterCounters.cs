namespace EdgeAgent.Simulator;

/// <summary>Plant totals a meter had counted when its counters were last reset.</summary>
internal sealed class MeterCounters(IEnumerable<DateTime> resets)
{
    public Queue<DateTime> PendingResets { get; } = new(resets.Order());

    public int ResetCount { get; set; }

    public double EnergyAtReset { get; set; }

    public double GasAtReset { get; set; }

    public double WaterAtReset { get; set; }

    public double SteamAtReset { get; set; }
}
