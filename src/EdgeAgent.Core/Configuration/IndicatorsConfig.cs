namespace EdgeAgent.Core.Configuration;

/// <summary>Indicator rules and the plant facts they need. Filled in by the indicators work.</summary>
public sealed class IndicatorsConfig
{
    /// <summary>A day counts as networked when collection availability reaches this share.</summary>
    public double NetworkedDayAvailability { get; set; } = 0.9;

    /// <summary>Over a window, equipment counts as networked when networked on at least this share of days.</summary>
    public double NetworkedWindowShare { get; set; } = 0.9;
}
