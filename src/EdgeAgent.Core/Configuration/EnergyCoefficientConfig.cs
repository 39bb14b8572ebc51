namespace EdgeAgent.Core.Configuration;

/// <summary>Conversion coefficient of one carrier to kilograms of standard coal equivalent, with where it comes from.</summary>
public sealed class EnergyCoefficientConfig
{
    public EnergyCarrier Carrier { get; set; }

    /// <summary>kgce per unit of the carrier (kWh, m³, t).</summary>
    public double KgcePerUnit { get; set; }

    /// <summary>Whether the carrier counts in comprehensive energy consumption (working media such as water often do not).</summary>
    public bool IncludeInTotal { get; set; } = true;

    /// <summary>Source of the value (standard, table, supplier certificate), shown in every indicator that uses it.</summary>
    public string Source { get; set; } = "";
}
