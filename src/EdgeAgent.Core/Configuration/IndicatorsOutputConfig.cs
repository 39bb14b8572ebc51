namespace EdgeAgent.Core.Configuration;

/// <summary>Output value (产值) and output units (产量) for the energy indicators.</summary>
public sealed class IndicatorsOutputConfig
{
    /// <summary>Counters (good parts × unit price) or entered facts.</summary>
    public IndicatorsOutputSource Source { get; set; } = IndicatorsOutputSource.Counters;
}
