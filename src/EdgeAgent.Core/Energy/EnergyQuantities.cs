using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;

namespace EdgeAgent.Core.Energy;

/// <summary>Physical quantities of each energy carrier consumed: electricity kWh, natural gas m³, steam t, water m³.</summary>
public readonly record struct EnergyQuantities(double ElectricityKwh, double NaturalGasM3, double SteamTonnes, double WaterM3)
{
    /// <summary>The quantities a rollup measured.</summary>
    public static EnergyQuantities From(EquipmentRollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return new EnergyQuantities(rollup.EnergyKwh, rollup.GasM3, rollup.SteamTonnes, rollup.WaterM3);
    }

    /// <summary>Quantity of one carrier, in its unit.</summary>
    public double Of(EnergyCarrier carrier) => carrier switch
    {
        EnergyCarrier.Electricity => ElectricityKwh,
        EnergyCarrier.NaturalGas => NaturalGasM3,
        EnergyCarrier.Steam => SteamTonnes,
        EnergyCarrier.Water => WaterM3,
        _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "unknown energy carrier"),
    };

    public static EnergyQuantities operator +(EnergyQuantities left, EnergyQuantities right) => Add(left, right);

    /// <summary>Carrier-by-carrier sum.</summary>
    public static EnergyQuantities Add(EnergyQuantities left, EnergyQuantities right) => new(
        left.ElectricityKwh + right.ElectricityKwh,
        left.NaturalGasM3 + right.NaturalGasM3,
        left.SteamTonnes + right.SteamTonnes,
        left.WaterM3 + right.WaterM3);
}
