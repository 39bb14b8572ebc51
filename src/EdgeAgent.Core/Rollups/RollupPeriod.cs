namespace EdgeAgent.Core.Rollups;

/// <summary>Granularity of a rollup.</summary>
public enum RollupPeriod : byte
{
    Minute = 1,
    Hour = 2,

    /// <summary>A plant-local calendar day (its UTC bounds depend on the site time zone).</summary>
    Day = 3,
}
