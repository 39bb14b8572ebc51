using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class KeyProcessAndRobotTests
{
    private static AgentConfig FourKeyProcessPlant()
    {
        var config = Config("C34",
            Machine("cnc-1", process: "machining"),                                              // CNC, collected
            Machine("laser-1", process: "cutting"),                                              // CNC, never collected
            Machine("robot-1", type: EquipmentType.Robot, control: ControlSystem.Plc, process: "welding"),
            Machine("press-1", source: null, type: EquipmentType.Other, control: ControlSystem.None, process: "assembly", digitised: false),
            Machine("packer", source: null, type: EquipmentType.Other, control: ControlSystem.Plc, process: "packing"));
        config.Processes =
        [
            new() { Id = "cutting", Key = true },
            new() { Id = "machining", Key = true },
            new() { Id = "welding", Key = true },
            new() { Id = "assembly", Key = true },
            new() { Id = "packing", Key = false },
        ];
        return config;
    }

    [Fact]
    public void DeclaredAndVerifiedCncRatesFollowTheBeijingFormula()
    {
        // 关键工序数控化率 = 数控化的关键生产工序数量 ÷ 关键生产工序总数量 (Beijing plan annex 2 row 1).
        var from = D(2025, 1, 1);
        var to = D(2025, 3, 31);
        var rollups = Days("cnc-1", from, to, d => Day("cnc-1", d)).Concat(Days("robot-1", from, to, d => Day("robot-1", d)));

        var report = Compute(FourKeyProcessPlant(), rollups, from, to);

        // declared: cutting (laser CNC), machining (CNC), welding (PLC) are controlled; assembly is not → 3 ÷ 4 = 0.75.
        // packing is controlled but not a key process: in neither count.
        var declared = report[IndicatorIds.KeyProcessCncRate]!;
        Assert.Equal(3, declared.Numerator);
        Assert.Equal(4, declared.Denominator);
        Assert.Equal(0.75, declared.Value);
        // verified: the laser was never networked, so cutting drops out → 2 ÷ 4 = 0.5.
        var verified = report[IndicatorIds.KeyProcessCncRateVerified]!;
        Assert.Equal(2, verified.Numerator);
        Assert.Equal(0.5, verified.Value);
        Assert.Contains(verified.Notes, n => n.Contains("cutting", StringComparison.Ordinal));

        // C34 Beijing baseline (装备行业) asks 50.6 %: declared 75 % meets it, verified 50 % does not.
        Assert.True(declared.Thresholds.Single(t => t.Programme == "beijing-baseline").Met);
        Assert.False(verified.Thresholds.Single(t => t.Programme == "beijing-baseline").Met);
        // Ningbo pilot (50 %) is met by both; Yangzhou (65 %) only by the declared rate.
        Assert.True(verified.Thresholds.Single(t => t.Programme == "ningbo-sme-pilot").Met);
        Assert.False(verified.Thresholds.Single(t => t.Programme == "yangzhou-2024-target").Met);
        Assert.True(declared.Thresholds.Single(t => t.Programme == "yangzhou-2024-target").Met);
    }

    [Fact]
    public void NoKeyProcessGivesNoCncValue()
    {
        var result = Compute(Config("C34", Machine("a")), [], D(2025, 1, 1), D(2025, 1, 1))[IndicatorIds.KeyProcessCncRate]!;
        Assert.Null(result.Value);
        Assert.Contains("no key process", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RobotsPerWorkerUsesTheDayWeightedAverageHeadcount()
    {
        // 人均机器人拥有量 = 企业拥有机器人数量 ÷ 企业生产人数 (Beijing plan annex 2 row 2).
        var from = D(2025, 1, 1);
        var to = D(2025, 3, 31); // 90 days
        var config = Config("C34",
            Machine("r1", type: EquipmentType.Robot),
            Machine("r2", type: EquipmentType.Robot),
            Machine("r3", type: EquipmentType.Robot, from: D(2025, 3, 2)),   // 30 of 90 days
            Machine("cnc", type: EquipmentType.Cnc));
        config.Indicators.Headcount =
        [
            new() { From = D(2024, 12, 1), DirectProductionWorkers = 40 },  // applies 1 Jan..14 Feb: 45 days
            new() { From = D(2025, 2, 15), DirectProductionWorkers = 50 },  // applies 15 Feb..31 Mar: 45 days
        ];

        var result = Compute(config, [], from, to)[IndicatorIds.RobotsPerProductionWorker]!;

        // robots = 1 + 1 + 30/90 = 2.3333; workers = (45 × 40 + 45 × 50) ÷ 90 = 45 → 2.3333 ÷ 45 = 0.051852
        Assert.Equal(7.0 / 3, result.Numerator, 9);
        Assert.Equal(45, result.Denominator, 9);
        Assert.Equal(7.0 / 3 / 45, result.Value!.Value, 9);
        Assert.Equal("robots/worker", result.Unit);
        // C34: Beijing baseline asks 0.025 robots per worker.
        var beijing = result.Thresholds.Single(t => t.Programme == "beijing-baseline");
        Assert.Equal(0.025, beijing.Value);
        Assert.True(beijing.Met);
    }

    [Fact]
    public void HeadcountCoveringPartOfTheWindowIsAveragedOverTheDaysItCovers()
    {
        var window = new IndicatorWindow(D(2025, 1, 1), D(2025, 1, 10));
        // 60 workers from 6 Jan: known on 6..10 Jan (5 days), unknown before.
        var (average, known) = IndicatorEngine.AverageHeadcount([new() { From = D(2025, 1, 6), DirectProductionWorkers = 60 }], window);
        Assert.Equal(60, average);
        Assert.Equal(5, known);
    }

    [Fact]
    public void RobotsWithoutHeadcountHaveNoValue()
    {
        var result = Compute(Config("C34", Machine("r1", type: EquipmentType.Robot)), [], D(2025, 1, 1), D(2025, 1, 31))[IndicatorIds.RobotsPerProductionWorker]!;
        Assert.Equal(1, result.Numerator, 9);
        Assert.Null(result.Value);
        Assert.Contains("headcount", result.Reason, StringComparison.Ordinal);
    }
}
