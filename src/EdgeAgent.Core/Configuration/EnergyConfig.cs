namespace EdgeAgent.Core.Configuration;

/// <summary>Energy conversion to standard coal, CO₂ emission factors and which meters form the energy boundary.</summary>
public sealed class EnergyConfig
{
    /// <summary>kgce per unit of each carrier; a carrier not listed uses the built-in GB/T 2589-2020 default.</summary>
    public List<EnergyCoefficientConfig> Coefficients { get; set; } = [];

    /// <summary>kg CO₂ per unit of each carrier; a carrier not listed uses the built-in default (electricity, natural gas).</summary>
    public List<EnergyEmissionFactorConfig> EmissionFactors { get; set; } = [];

    /// <summary>
    /// Equipment whose energy counters form the plant's energy boundary (计量边界), e.g. the incoming main meters.
    /// Empty: all equipment of type meter. Listing a main meter and the sub-meters behind it would count the same
    /// energy twice.
    /// </summary>
    public List<string> BoundaryEquipment { get; set; } = [];
}
