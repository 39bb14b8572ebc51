using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Energy;

/// <summary>
/// Built-in conversion coefficients (GB/T 2589-2020 《综合能耗计算通则》) and CO₂ emission factors, used for every
/// carrier the configuration does not list. Each value carries its source text so a report says where it came from.
/// </summary>
public static class EnergyFactors
{
    /// <summary>Low calorific value of 1 kgce (标准煤), kJ: 29 307.6 kJ/kgce (7 000 kcal).</summary>
    public const double KilojoulesPerKgce = 29_307.6;

    /// <summary>The default coefficient of each carrier (kgce per unit).</summary>
    public static IReadOnlyList<EnergyCoefficientConfig> DefaultCoefficients { get; } =
    [
        new()
        {
            Carrier = EnergyCarrier.Electricity,
            KgcePerUnit = 0.1229,
            Source = "GB/T 2589-2020 附录 A: 电力(当量值) 3 600 kJ/kWh (860 kcal ÷ 7 000 kcal/kgce) = 0.1229 kgce/kWh. Use the equal value (等价值, 当年火电发电标准煤耗) instead if the assessing body asks for it.",
        },
        new()
        {
            Carrier = EnergyCarrier.NaturalGas,
            KgcePerUnit = 1.2143,
            Source = "GB/T 2589-2020 附录 A: 天然气 32 238-38 931 kJ/m³ = 1.1000-1.3300 kgce/m³; 1.2143 kgce/m³ corresponds to 35 544 kJ/m³. Prefer the supplier's measured low calorific value ÷ 29 307.6 kJ/kgce.",
        },
        new()
        {
            Carrier = EnergyCarrier.Steam,
            KgcePerUnit = 128.6,
            Source = "GB/T 2589-2020 附录 A: 蒸汽(低压) 3 763 MJ/t = 0.1286 kgce/kg = 128.6 kgce/t. Use the enthalpy of the steam actually bought (热力 0.034 12 kgce/MJ) when known.",
        },
        new()
        {
            Carrier = EnergyCarrier.Water,
            KgcePerUnit = 0.0857,
            IncludeInTotal = false,
            Source = "GB/T 2589-2020 附录 B (耗能工质): 新水 2.51 MJ/t = 0.0857 kgce/t. GB/T 2589-2008 附录 B listed 新水 at 7.54 MJ/t = 0.2571 kgce/t: check which edition the assessing body uses. Purchased water is a working medium and is normally not counted in comprehensive energy consumption; set includeInTotal when the assessor counts it.",
        },
    ];

    /// <summary>The default CO₂ emission factors (kg CO₂ per unit); steam and water have none by default.</summary>
    public static IReadOnlyList<EnergyEmissionFactorConfig> DefaultEmissionFactors { get; } =
    [
        new()
        {
            Carrier = EnergyCarrier.Electricity,
            KgCo2PerUnit = 0.5366,
            Source = "生态环境部、国家统计局《关于发布2022年电力二氧化碳排放因子的公告》(2024-12): 2022 年全国电力平均二氧化碳排放因子 0.5366 kgCO₂/kWh. Regional (e.g. 华北 0.6776, 华东 0.5617) or provincial factors of the same notice may be used instead.",
        },
        new()
        {
            Carrier = EnergyCarrier.NaturalGas,
            KgCo2PerUnit = 2.1622,
            Source = "Combustion of natural gas: low calorific value 389.31 GJ/10⁴ m³ × carbon content 15.3 tC/TJ × oxidation 99 % × 44/12 = 2.1622 kg CO₂/m³ (default values of the national GHG accounting guidelines for industrial enterprises, GB/T 32150-2015 method).",
        },
    ];

    /// <summary>The coefficient in force for a carrier: the configured one, else the built-in default.</summary>
    public static EnergyCoefficientConfig CoefficientFor(EnergyCarrier carrier, IReadOnlyList<EnergyCoefficientConfig>? configured)
    {
        var match = configured?.LastOrDefault(c => c.Carrier == carrier);
        return match ?? DefaultCoefficients.First(c => c.Carrier == carrier);
    }

    /// <summary>The emission factor in force for a carrier, or null when neither the config nor the defaults have one.</summary>
    public static EnergyEmissionFactorConfig? EmissionFactorFor(EnergyCarrier carrier, IReadOnlyList<EnergyEmissionFactorConfig>? configured)
    {
        var match = configured?.LastOrDefault(c => c.Carrier == carrier);
        return match ?? DefaultEmissionFactors.FirstOrDefault(c => c.Carrier == carrier);
    }
}
