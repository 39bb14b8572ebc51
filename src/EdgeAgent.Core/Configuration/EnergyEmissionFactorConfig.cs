namespace EdgeAgent.Core.Configuration;

/// <summary>CO₂ emission factor of one carrier, with where it comes from.</summary>
public sealed class EnergyEmissionFactorConfig
{
    public EnergyCarrier Carrier { get; set; }

    /// <summary>kg CO₂ per unit of the carrier (kWh, m³, t).</summary>
    public double KgCo2PerUnit { get; set; }

    /// <summary>Source of the value (publication, year), shown in the CO₂ indicator.</summary>
    public string Source { get; set; } = "";
}
