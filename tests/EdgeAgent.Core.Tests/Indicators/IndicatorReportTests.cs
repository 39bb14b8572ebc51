using System.Text.Json;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class IndicatorReportTests
{
    [Fact]
    public void JsonHasTheDocumentedShape()
    {
        var config = Config("C34", Machine("a"), Machine("b", source: null));
        var report = Compute(config, Days("a", D(2025, 6, 1), D(2025, 6, 30), d => Day("a", d)), D(2025, 6, 1), D(2025, 6, 30));

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("plant", root.GetProperty("site").GetString());
        Assert.Equal("C34", root.GetProperty("industry").GetString());
        Assert.Equal(30, root.GetProperty("window").GetProperty("days").GetInt32());
        Assert.True(root.GetProperty("short").GetBoolean());

        var networked = root.GetProperty("results").EnumerateArray().First(r => r.GetProperty("id").GetString() == "networked-equipment-ratio");
        Assert.Equal("生产设备联网率", networked.GetProperty("name").GetProperty("zh").GetString());
        Assert.Equal("Networked production equipment ratio", networked.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(1, networked.GetProperty("numerator").GetDouble(), 9);
        Assert.Equal(2, networked.GetProperty("denominator").GetDouble(), 9);
        Assert.Equal(0.5, networked.GetProperty("value").GetDouble(), 9);
        Assert.Equal("ratio", networked.GetProperty("unit").GetString());
        Assert.Contains("availability", networked.GetProperty("rule").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.9, networked.GetProperty("rule").GetProperty("parameters").GetProperty("networkedDayAvailability").GetDouble());
        Assert.Equal("2025-06-01", networked.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal("2025-06-30", networked.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal(1.0, networked.GetProperty("coverage").GetDouble());
        Assert.True(networked.GetProperty("short").GetBoolean());
        var threshold = networked.GetProperty("thresholds").EnumerateArray().First(t => t.GetProperty("programme").GetString() == "beijing-baseline");
        Assert.Contains("京经信发〔2024〕8号", threshold.GetProperty("document").GetString(), StringComparison.Ordinal);
        Assert.Equal("达标", threshold.GetProperty("level").GetString());
        Assert.Equal("装备行业", threshold.GetProperty("industryGroup").GetProperty("zh").GetString());
        Assert.Equal(0.1832, threshold.GetProperty("value").GetDouble());
        Assert.Equal("at-least", threshold.GetProperty("comparison").GetString());
        Assert.True(threshold.GetProperty("met").GetBoolean());

        // A result without value writes value null and its reason.
        var robots = root.GetProperty("results").EnumerateArray().First(r => r.GetProperty("id").GetString() == "robots-per-production-worker");
        Assert.Equal(JsonValueKind.Null, robots.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, robots.GetProperty("thresholds")[0].GetProperty("met").ValueKind);
        Assert.False(string.IsNullOrEmpty(robots.GetProperty("reason").GetString()));
    }

    [Fact]
    public void TwoGatewaysAddUpByNumeratorsAndDenominators()
    {
        // One plant, four key processes, headcount 40, split over two gateways.
        static AgentConfig Gateway(string agent, params EquipmentConfig[] equipment)
        {
            var config = Config("C34", equipment);
            config.Site.AgentId = agent;
            config.Processes = [new() { Id = "cut", Key = true }, new() { Id = "mill", Key = true }, new() { Id = "weld", Key = true }, new() { Id = "pack", Key = true }];
            config.Indicators.Headcount = [new() { From = D(2025, 1, 1), DirectProductionWorkers = 40 }];
            return config;
        }

        var from = D(2025, 1, 1);
        var to = D(2025, 3, 31);
        var one = Compute(Gateway("gw1", Machine("mill-1", process: "mill"), Machine("mill-2", source: null, process: "mill")),
            Days("mill-1", from, to, d => Day("mill-1", d)), from, to);
        var two = Compute(Gateway("gw2", Machine("robot-1", type: EquipmentType.Robot, control: ControlSystem.Plc, process: "weld")),
            Days("robot-1", from, to, d => Day("robot-1", d)), from, to);

        var merged = IndicatorReport.Merge(one, two);

        Assert.Equal(["gw1", "gw2"], merged.Agents);
        // networked: gw1 1/2, gw2 1/1 → 2/3
        var networked = merged[IndicatorIds.NetworkedEquipmentRatio]!;
        Assert.Equal(2, networked.Numerator, 9);
        Assert.Equal(3, networked.Denominator, 9);
        // CNC rate: each gateway sees 1 of the same 4 key processes; the plant has mill and weld → 2/4, not 2/8
        var cnc = merged[IndicatorIds.KeyProcessCncRate]!;
        Assert.Equal(2, cnc.Numerator);
        Assert.Equal(4, cnc.Denominator);
        // robots: 1 robot ÷ the plant's 40 workers (declared on both gateways, counted once)
        Assert.Equal(1.0 / 40, merged[IndicatorIds.RobotsPerProductionWorker]!.Value!.Value, 12);
        Assert.True(cnc.Thresholds.Single(t => t.Programme == "ningbo-sme-pilot").Met); // 50 % ≥ 50 %
    }

    [Fact]
    public void MergingReportsOfDifferentWindowsIsRefused()
    {
        var config = Config("C34", Machine("a"));
        var june = Compute(config, [], D(2025, 6, 1), D(2025, 6, 30));
        var july = Compute(config, [], D(2025, 7, 1), D(2025, 7, 31));
        Assert.Throws<ArgumentException>(() => IndicatorReport.Merge(june, july));
    }

    [Fact]
    public void RollupsOfOtherPeriodsAndUnknownEquipmentAreIgnored()
    {
        var day = D(2025, 6, 2);
        var hour = Day("a", day) with { Period = EdgeAgent.Core.Rollups.RollupPeriod.Hour };
        var report = Compute(Config("C34", Machine("a")), [hour, Day("ghost", day)], day, day);
        Assert.Equal(0.0, report[IndicatorIds.NetworkedEquipmentRatio]!.Value);
        Assert.Equal(0.0, report.Coverage);
    }
    [Fact]
    public void TheOrderOfTheRollupsDoesNotChangeTheReport()
    {
        var from = D(2025, 6, 1);
        var to = D(2025, 6, 30);
        var config = Config("C34", Machine("meter", type: EquipmentType.Meter, production: false), Machine("a"), Machine("b"));
        config.Indicators.Equipment = [new() { Equipment = "a", UnitPriceCny = 12.5, CountsOutput = true, PlannedCycleSeconds = 37 }];
        config.Indicators.Shifts.Shifts = [new() { Start = new TimeOnly(8, 0), End = new TimeOnly(20, 0), BreakMinutes = 60 }];
        var random = new Random(42);
        var rollups = new[] { "meter", "a", "b" }
            .SelectMany(id => Days(id, from, to, d => Day(id, d, cycles: 100, goodCycles: random.Next(80, 101), run: random.Next(0, 40_000),
                good: random.Next(0, 900) * 0.1, bad: random.Next(0, 30) * 0.1, kwh: random.NextDouble() * 1000, gas: random.NextDouble() * 10)))
            .ToList();

        var inOrder = Compute(config, rollups, from, to).ToJson();
        var shuffled = Compute(config, rollups.OrderBy(_ => random.Next()).ToList(), from, to).ToJson();

        Assert.Equal(inOrder, shuffled);
    }
}
