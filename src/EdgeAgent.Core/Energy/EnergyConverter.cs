using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Energy;

/// <summary>Converts measured energy to standard coal equivalent and to CO₂ with the coefficients in force.</summary>
public sealed class EnergyConverter
{
    private readonly Dictionary<EnergyCarrier, EnergyCoefficientConfig> _coefficients;
    private readonly Dictionary<EnergyCarrier, EnergyEmissionFactorConfig?> _emissionFactors;

    /// <summary>Uses the configured coefficients and factors, falling back to <see cref="EnergyFactors"/> per carrier.</summary>
    public EnergyConverter(EnergyConfig? config = null)
    {
        _coefficients = Carriers.ToDictionary(c => c, c => EnergyFactors.CoefficientFor(c, config?.Coefficients));
        _emissionFactors = Carriers.ToDictionary(c => c, c => EnergyFactors.EmissionFactorFor(c, config?.EmissionFactors));
    }

    /// <summary>Every carrier, in a fixed order.</summary>
    public static IReadOnlyList<EnergyCarrier> Carriers { get; } = Enum.GetValues<EnergyCarrier>();

    /// <summary>The coefficient in force for a carrier.</summary>
    public EnergyCoefficientConfig Coefficient(EnergyCarrier carrier) => _coefficients[carrier];

    /// <summary>The emission factor in force for a carrier, or null when the carrier emits nothing counted.</summary>
    public EnergyEmissionFactorConfig? EmissionFactor(EnergyCarrier carrier) => _emissionFactors[carrier];

    /// <summary>Comprehensive energy consumption (综合能耗) in kgce: Σ quantity × coefficient over carriers included in the total.</summary>
    public double ToKgce(EnergyQuantities quantities)
    {
        var total = 0.0;
        foreach (var carrier in Carriers)
        {
            var coefficient = _coefficients[carrier];
            if (coefficient.IncludeInTotal)
            {
                total += quantities.Of(carrier) * coefficient.KgcePerUnit;
            }
        }

        return total;
    }

    /// <summary>Kilograms of CO₂: Σ quantity × emission factor over carriers that have a factor.</summary>
    public double ToKgCo2(EnergyQuantities quantities)
    {
        var total = 0.0;
        foreach (var carrier in Carriers)
        {
            if (_emissionFactors[carrier] is { } factor)
            {
                total += quantities.Of(carrier) * factor.KgCo2PerUnit;
            }
        }

        return total;
    }
}
