namespace EdgeAgent.Core.Configuration;

/// <summary>Number of direct production workers from a plant-local date on (until the next entry).</summary>
public sealed class HeadcountEntry
{
    /// <summary>First plant-local day this headcount applies to.</summary>
    public DateOnly From { get; set; }

    /// <summary>Direct production workers (直接生产人员), not counting managers, service or other staff.</summary>
    public int DirectProductionWorkers { get; set; }
}
