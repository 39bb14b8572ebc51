using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class EnergyIndicatorTests
{
    private static readonly DateOnly From = D(2025, 6, 1);
    private static readonly DateOnly To = D(2025, 6, 10); // 10 days

    private static AgentConfig MeteredPlant(IndicatorsOutputSource source)
    {
        var config = Config("C34",
            Machine("meter", type: EquipmentType.Meter, control: ControlSystem.None, production: false),
            Machine("cnc-1"),
            Machine("cnc-2"));
        config.Indicators.Output.Source = source;
        config.Indicators.Equipment =
        [
            new() { Equipment = "cnc-1", UnitPriceCny = 85, CountsOutput = true },
            new() { Equipment = "cnc-2", UnitPriceCny = 85 }, // an upstream stage: its parts are not plant output
        ];
        return config;
    }

    private static IEnumerable<EdgeAgent.Core.Rollups.EquipmentRollup> Rollups() =>
        Days("meter", From, To, d => Day("meter", d, kwh: 1000, gas: 50, water: 20))
            .Concat(Days("cnc-1", From, To, d => Day("cnc-1", d, good: 100, bad: 3, kwh: 400)))   // sub-meter: not in the boundary
            .Concat(Days("cnc-2", From, To, d => Day("cnc-2", d, good: 500)));

    [Fact]
    public void EnergyPerOutputValueAndPerUnitFromCounters()
    {
        var report = Compute(MeteredPlant(IndicatorsOutputSource.Counters), Rollups(), From, To);

        // Boundary = the meter only: 10 000 kWh, 500 m³ gas, 200 m³ water over 10 days.
        // kgce = 10 000 × 0.1229 + 500 × 1.2143 + (water not in the total) = 1 229 + 607.15 = 1 836.15 kgce = 1.83615 tce
        // output = 1 000 good parts of cnc-1 × 85 CNY = 85 000 CNY = 8.5 × 10⁴ CNY
        var perValue = report[IndicatorIds.EnergyPerOutputValue]!;
        Assert.Equal(1.83615, perValue.Numerator, 9);
        Assert.Equal(8.5, perValue.Denominator, 9);
        Assert.Equal(1.83615 / 8.5, perValue.Value!.Value, 9); // 0.216 tce per 10⁴ CNY
        Assert.Equal("tce/10^4 CNY", perValue.Unit);

        // per unit: 1 836.15 kgce ÷ 1 000 units = 1.83615 kgce/unit
        var perUnit = report[IndicatorIds.EnergyPerUnit]!;
        Assert.Equal(1.83615, perUnit.Value!.Value, 9);

        // CO₂: 10 000 kWh × 0.5366 + 500 m³ × 2.1622 = 5 366 + 1 081.1 = 6 447.1 kg ÷ 1 000 units = 6.4471 kg/unit
        var co2 = report[IndicatorIds.Co2PerUnit]!;
        Assert.Equal(6447.1, co2.Numerator, 6);
        Assert.Equal(6.4471, co2.Value!.Value, 9);
        Assert.Equal(10_000.0, (double)co2.Rule.Parameters["electricityKwh"], 9);
    }

    [Fact]
    public void OutputFactsAreProratedToTheWindow()
    {
        // June fact: 300 000 CNY and 3 000 units over 30 days; the window holds 10 of them → 100 000 CNY, 1 000 units.
        // A May fact does not overlap and is ignored.
        IReadOnlyList<OutputFact> facts =
        [
            new(D(2025, 6, 1), D(2025, 6, 30), 300_000, 3_000),
            new(D(2025, 5, 1), D(2025, 5, 31), 999_999, 9_999),
        ];
        var report = Compute(MeteredPlant(IndicatorsOutputSource.Facts), Rollups(), From, To, facts);

        var perValue = report[IndicatorIds.EnergyPerOutputValue]!;
        Assert.Equal(10, perValue.Denominator, 9); // 100 000 CNY = 10 × 10⁴ CNY
        Assert.Equal(0.183615, perValue.Value!.Value, 9); // 1.83615 tce ÷ 10
        Assert.Equal(1.83615, report[IndicatorIds.EnergyPerUnit]!.Value!.Value, 9); // 1 836.15 kgce ÷ 1 000 units
        Assert.Contains(perValue.Parts, p => p.Subject == "output-facts");
    }

    [Fact]
    public void ConfiguredCoefficientsReplaceTheDefaults()
    {
        var config = MeteredPlant(IndicatorsOutputSource.Counters);
        // Electricity at an equal value (等价值) of 0.3 kgce/kWh and water counted: 10 000 × 0.3 + 607.15 + 200 × 0.0857
        config.Indicators.Energy.Coefficients =
        [
            new() { Carrier = EnergyCarrier.Electricity, KgcePerUnit = 0.3, Source = "assessor's equal value" },
            new() { Carrier = EnergyCarrier.Water, KgcePerUnit = 0.0857, IncludeInTotal = true, Source = "GB/T 2589-2020 附录 B" },
        ];
        var perUnit = Compute(config, Rollups(), From, To)[IndicatorIds.EnergyPerUnit]!;
        Assert.Equal((3000 + 607.15 + 17.14) / 1000, perUnit.Value!.Value, 9);
    }

    [Fact]
    public void NoOutputGivesNoValueButKeepsTheEnergyNumerator()
    {
        var report = Compute(MeteredPlant(IndicatorsOutputSource.Facts), Rollups(), From, To, []);
        var perValue = report[IndicatorIds.EnergyPerOutputValue]!;
        Assert.Null(perValue.Value);
        Assert.Equal(1.83615, perValue.Numerator, 9);
        Assert.Contains("output", perValue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DefectRateCountsTheOutputStageOnly()
    {
        // 产品不良率 = 不良品数 ÷ 产品总数: cnc-1 made 1 000 good + 30 bad → 30 ÷ 1 030; cnc-2 is upstream and ignored.
        var result = Compute(MeteredPlant(IndicatorsOutputSource.Counters), Rollups(), From, To)[IndicatorIds.DefectRate]!;
        Assert.Equal(30, result.Numerator, 9);
        Assert.Equal(1030, result.Denominator, 9);
        Assert.Equal(30.0 / 1030, result.Value!.Value, 9);
    }
}
