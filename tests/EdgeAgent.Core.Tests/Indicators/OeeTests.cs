using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class OeeTests
{
    private static readonly DateOnly Monday = D(2025, 6, 2);

    private static AgentConfig TwoMachinePlant()
    {
        var config = Config("C34", Machine("m1"), Machine("m2"), Machine("manual", source: null));
        config.Indicators.Shifts = new ShiftCalendarConfig
        {
            Shifts = [new() { Name = "day", Start = new TimeOnly(8, 0), End = new TimeOnly(16, 0), BreakMinutes = 60 }],
        };
        config.Indicators.Equipment =
        [
            new() { Equipment = "m1", PlannedCycleSeconds = 60 },
            new() { Equipment = "m2", PlannedCycleSeconds = 30 },
        ];
        return config;
    }

    [Fact]
    public void PerEquipmentOeeIsAvailabilityTimesPerformanceTimesQuality()
    {
        // ISO 22400-2. Planned busy time = 8 h shift − 1 h break = 25 200 s.
        // m1: run 18 000 s, 270 parts of which 260 good, planned cycle 60 s
        //   availability = 18 000 ÷ 25 200 = 0.714286
        //   performance  = 270 × 60 ÷ 18 000 = 0.9
        //   quality      = 260 ÷ 270 = 0.962963
        //   OEE          = 260 × 60 ÷ 25 200 = 0.619048 = 0.714286 × 0.9 × 0.962963
        var rollups = new[] { Day("m1", Monday, run: 18_000, good: 260, bad: 10), Day("m2", Monday, run: 20_000, good: 570, bad: 30) };
        var report = Compute(TwoMachinePlant(), rollups, Monday, Monday);

        Assert.Equal(18_000.0 / 25_200, report.Find(IndicatorIds.OeeAvailability, "m1")!.Value!.Value, 9);
        Assert.Equal(0.9, report.Find(IndicatorIds.OeePerformance, "m1")!.Value!.Value, 9);
        Assert.Equal(260.0 / 270, report.Find(IndicatorIds.OeeQuality, "m1")!.Value!.Value, 9);
        var oee = report.Find(IndicatorIds.Oee, "m1")!;
        Assert.Equal(260.0 * 60 / 25_200, oee.Value!.Value, 9);
        Assert.Equal(18_000.0 / 25_200 * 0.9 * (260.0 / 270), oee.Value!.Value, 9);
        Assert.Empty(oee.Thresholds);
    }

    [Fact]
    public void PlantOeeIsWeightedByPlannedBusyTime()
    {
        // m2: run 20 000 s, 600 parts, 570 good, planned cycle 30 s → OEE = 570 × 30 ÷ 25 200 = 0.678571
        // plant OEE = (260 × 60 + 570 × 30) ÷ (25 200 + 25 200) = 32 700 ÷ 50 400 = 0.648810
        // (equal planned busy time, so also the mean of 0.619048 and 0.678571)
        var rollups = new[] { Day("m1", Monday, run: 18_000, good: 260, bad: 10), Day("m2", Monday, run: 20_000, good: 570, bad: 30) };
        var report = Compute(TwoMachinePlant(), rollups, Monday, Monday);

        var plant = report[IndicatorIds.Oee]!;
        Assert.Equal(32_700, plant.Numerator, 9);
        Assert.Equal(50_400, plant.Denominator, 9);
        Assert.Equal(32_700.0 / 50_400, plant.Value!.Value, 9);
        // plant availability × performance × quality = plant OEE (quality weighs parts by planned cycle time)
        var a = report[IndicatorIds.OeeAvailability]!.Value!.Value;  // 38 000 ÷ 50 400
        var p = report[IndicatorIds.OeePerformance]!.Value!.Value;   // (16 200 + 18 000) ÷ 38 000
        var q = report[IndicatorIds.OeeQuality]!.Value!.Value;       // (15 600 + 17 100) ÷ (16 200 + 18 000)
        Assert.Equal(38_000.0 / 50_400, a, 9);
        Assert.Equal(34_200.0 / 38_000, p, 9);
        Assert.Equal(32_700.0 / 34_200, q, 9);
        Assert.Equal(plant.Value!.Value, a * p * q, 9);
        Assert.Contains(plant.Notes, n => n.Contains("manual", StringComparison.Ordinal)); // no planned cycle time: excluded
    }

    [Fact]
    public void RunningOnANonWorkingDayExtendsPlannedBusyTime()
    {
        // Saturday is not a working day (planned 0 s) but m1 ran 3 600 s: busy time becomes 3 600 s, availability 1.
        var saturday = D(2025, 6, 7);
        var report = Compute(TwoMachinePlant(), [Day("m1", saturday, run: 3_600, good: 60)], saturday, saturday);
        Assert.Equal(1.0, report.Find(IndicatorIds.OeeAvailability, "m1")!.Value!.Value, 9);
    }

    [Fact]
    public void DaysWithoutDataAreLeftOutOfOee()
    {
        // Mon has data, Tue has none (gateway off): Tue is unknown, not a day of zero production.
        var report = Compute(TwoMachinePlant(), [Day("m1", Monday, run: 18_000, good: 260, bad: 10)], Monday, Monday.AddDays(1));
        var availability = report.Find(IndicatorIds.OeeAvailability, "m1")!;
        Assert.Equal(25_200, availability.Denominator, 9);
        Assert.Equal(0.5, availability.Coverage, 9);
    }

    [Fact]
    public void WithoutShiftsAvailabilityAndOeeHaveNoValue()
    {
        var config = TwoMachinePlant();
        config.Indicators.Shifts = new ShiftCalendarConfig();
        var report = Compute(config, [Day("m1", Monday, run: 18_000, good: 260, bad: 10)], Monday, Monday);
        Assert.Null(report[IndicatorIds.Oee]!.Value);
        Assert.Contains(report[IndicatorIds.Oee]!.Notes, n => n.Contains("No shifts", StringComparison.Ordinal));
        Assert.Equal(0.9, report.Find(IndicatorIds.OeePerformance, "m1")!.Value!.Value, 9);
    }

    [Fact]
    public void DefectRateThresholdOfTheAdvancedTableNeedsABaseline()
    {
        var config = TwoMachinePlant();
        config.Indicators.Equipment[0].CountsOutput = true;
        var result = Compute(config, [Day("m1", Monday, good: 97, bad: 3)], Monday, Monday)[IndicatorIds.DefectRate]!;
        Assert.Equal(0.03, result.Value!.Value, 9);
        var advanced = result.Thresholds.Single(t => t.Programme == "beijing-advanced-smart-factory");
        Assert.Equal(Core.Thresholds.ThresholdComparison.ReductionVsBaseline, advanced.Comparison);
        Assert.Null(advanced.Met);
    }
}
