using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class NetworkedRatioTests
{
    // Beijing plan annex 2 row 3: 生产设备联网率 = 联网的生产设备数量 ÷ 生产设备总数量 × 100 %.
    // Rule: networked on a day when availability ≥ 0.9; over the window when networked on ≥ 0.9 of in-service days.

    [Fact]
    public void HandWorkedRatioCountsOnlyEquipmentNetworkedOnEnoughDays()
    {
        var from = D(2025, 6, 2);
        var to = D(2025, 6, 11); // 10 days
        var config = Config("C34",
            Machine("a"),                                  // availability 0.95 on all 10 days → networked
            Machine("b"),                                  // data on 8 of 10 days: 8 < 0.9 × 10 = 9 → not networked
            Machine("c", source: null, digitised: false),  // no source: denominator only; not digitised
            Machine("d"),                                  // availability 0.85 < 0.9 every day → never a networked day
            Machine("m", type: EquipmentType.Meter, production: false)); // not production equipment: not counted
        var rollups = Days("a", from, to, d => Day("a", d, cycles: 1000, goodCycles: 950))
            .Concat(Days("b", from, to.AddDays(-2), d => Day("b", d)))
            .Concat(Days("d", from, to, d => Day("d", d, cycles: 100, goodCycles: 85)))
            .Concat(Days("m", from, to, d => Day("m", d)));

        var report = Compute(config, rollups, from, to);

        // numerator = 1 (a); denominator = 4 (a, b, c, d) → 1 ÷ 4 = 0.25
        var ratio = report[IndicatorIds.NetworkedEquipmentRatio]!;
        Assert.Equal(1, ratio.Numerator, 9);
        Assert.Equal(4, ratio.Denominator, 9);
        Assert.Equal(0.25, ratio.Value!.Value, 9);
        Assert.Equal("ratio", ratio.Unit);
        Assert.Contains(ratio.Notes, n => n.Contains("no source", StringComparison.Ordinal) && n.Contains('c', StringComparison.Ordinal));
        Assert.Contains(ratio.Notes, n => n.Contains("b (8/10 days)", StringComparison.Ordinal));

        // Digitised variant (2024 SME scheme): c has no communication interface → 1 ÷ 3
        var digitised = report[IndicatorIds.NetworkedDigitisedEquipmentRatio]!;
        Assert.Equal(1, digitised.Numerator, 9);
        Assert.Equal(3, digitised.Denominator, 9);
        Assert.Equal(1.0 / 3, digitised.Value!.Value, 9);
    }

    [Fact]
    public void NineOfTenDaysIsEnoughAndTheMissingDayLowersCoverage()
    {
        var from = D(2025, 6, 2);
        var to = D(2025, 6, 11);
        var config = Config("C34", Machine("a"));
        // No rollup at all on 6 June (the gateway was off): 9 networked days ≥ 0.9 × 10 → still networked.
        var rollups = Days("a", from, to, d => Day("a", d)).Where(r => r.StartUtc.Day != 5 || r.StartUtc.Month != 6);

        var ratio = Compute(config, rollups, from, to)[IndicatorIds.NetworkedEquipmentRatio]!;

        Assert.Equal(1.0, ratio.Value);
        Assert.Equal(0.9, ratio.Coverage, 9); // 9 days with data ÷ 10 days
        Assert.Equal(9, ratio.DaysWithData);
    }

    [Fact]
    public void EquipmentAddedMidWindowCountsOnlyForItsInServiceDays()
    {
        var from = D(2025, 6, 1);
        var to = D(2025, 6, 30); // 30 days
        var config = Config("C34",
            Machine("a"),                              // whole window, networked every day
            Machine("e", from: D(2025, 6, 21)),        // 10 in-service days, networked on all of them
            Machine("f", from: D(2025, 6, 21)),        // 10 in-service days, never collected
            Machine("g", to: D(2025, 6, 10)));         // retired after 10 days, networked while in service
        var rollups = Days("a", from, to, d => Day("a", d))
            .Concat(Days("e", D(2025, 6, 21), to, d => Day("e", d)))
            .Concat(Days("g", from, D(2025, 6, 10), d => Day("g", d)));

        var ratio = Compute(config, rollups, from, to)[IndicatorIds.NetworkedEquipmentRatio]!;

        // weights: a 30/30, e 10/30, f 10/30, g 10/30
        // numerator = 1 + 1/3 + 1/3 = 5/3; denominator = 1 + 1/3 + 1/3 + 1/3 = 2 → 0.8333
        Assert.Equal(5.0 / 3, ratio.Numerator, 9);
        Assert.Equal(2.0, ratio.Denominator, 9);
        Assert.Equal(5.0 / 6, ratio.Value!.Value, 9);
        Assert.Contains(ratio.Parts, p => p.Subject == "equipment:f" && p.Numerator == 0 && Math.Abs(p.Denominator - (1.0 / 3)) < 1e-12);
    }

    [Fact]
    public void EquipmentNotYetInServiceIsNotInTheDenominator()
    {
        var config = Config("C34", Machine("a"), Machine("later", from: D(2025, 7, 1)));
        var ratio = Compute(config, Days("a", D(2025, 6, 1), D(2025, 6, 30), d => Day("a", d)), D(2025, 6, 1), D(2025, 6, 30))[IndicatorIds.NetworkedEquipmentRatio]!;
        Assert.Equal(1.0, ratio.Denominator, 9);
        Assert.DoesNotContain(ratio.Parts, p => p.Subject == "equipment:later");
    }

    [Fact]
    public void ADayWithNoDataAtAllGivesZeroNetworkedAndZeroCoverage()
    {
        var day = D(2025, 6, 2);
        var report = Compute(Config("C34", Machine("a"), Machine("b")), [], day, day);

        var ratio = report[IndicatorIds.NetworkedEquipmentRatio]!;
        Assert.Equal(0.0, ratio.Value);     // 0 networked ÷ 2 in service
        Assert.Equal(2.0, ratio.Denominator, 9);
        Assert.Equal(0.0, ratio.Coverage);
        Assert.Equal(0.0, report.Coverage);
        Assert.True(ratio.Short);
    }

    [Fact]
    public void NoProductionEquipmentGivesNoValueWithAReason()
    {
        var report = Compute(Config("C34", Machine("m", type: EquipmentType.Meter, production: false)), [], D(2025, 6, 1), D(2025, 6, 1));
        var ratio = report[IndicatorIds.NetworkedEquipmentRatio]!;
        Assert.Null(ratio.Value);
        Assert.Equal(0.0, ratio.Denominator);
        Assert.Contains("no production equipment", ratio.Reason, StringComparison.Ordinal);
        Assert.All(ratio.Thresholds, t => Assert.Null(t.Met));
    }

    [Fact]
    public void ThresholdsOfTheIndustryAreCheckedAgainstTheValue()
    {
        // C34 is in Beijing baseline group 5 (装备行业, 18.32 %) and advanced group 装备仪器 (65 %).
        var from = D(2025, 1, 1);
        var to = D(2025, 3, 31);
        var config = Config("C34", Machine("a"), Machine("b", source: null), Machine("c", source: null), Machine("d", source: null));
        var ratio = Compute(config, Days("a", from, to, d => Day("a", d)), from, to)[IndicatorIds.NetworkedEquipmentRatio]!;

        Assert.Equal(0.25, ratio.Value!.Value, 9);
        Assert.True(ratio.Thresholds.Single(t => t.Programme == "beijing-baseline").Met);      // 25 % ≥ 18.32 %
        Assert.False(ratio.Thresholds.Single(t => t.Programme == "beijing-advanced-smart-factory").Met); // 25 % < 65 %
        Assert.False(ratio.Short);
    }
}
