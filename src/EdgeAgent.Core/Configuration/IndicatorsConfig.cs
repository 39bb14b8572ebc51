namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Indicator rules and the plant facts the indicators need: headcount, shift calendar, per-equipment planned cycle
/// times and prices, energy coefficients and emission factors, and where output value comes from.
/// </summary>
public sealed class IndicatorsConfig
{
    /// <summary>A day counts as networked when collection availability (good cycles ÷ cycles) reaches this share.</summary>
    public double NetworkedDayAvailability { get; set; } = 0.9;

    /// <summary>Over a window, equipment counts as networked when networked on at least this share of its in-service days.</summary>
    public double NetworkedWindowShare { get; set; } = 0.9;

    /// <summary>
    /// Direct production workers (直接生产人员), each entry valid from its date until the next entry. The robots-per-worker
    /// denominator is the day-weighted average over the window.
    /// </summary>
    public List<HeadcountEntry> Headcount { get; set; } = [];

    /// <summary>The shift calendar that defines planned busy time (OEE availability).</summary>
    public ShiftCalendarConfig Shifts { get; set; } = new();

    /// <summary>Per-equipment facts: planned cycle time, unit price, whether its good parts are plant output.</summary>
    public List<IndicatorsEquipmentConfig> Equipment { get; set; } = [];

    /// <summary>Energy conversion coefficients (GB/T 2589-2020), CO₂ emission factors and the metering boundary.</summary>
    public EnergyConfig Energy { get; set; } = new();

    /// <summary>Where output value and output units come from.</summary>
    public IndicatorsOutputConfig Output { get; set; } = new();
}
