using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class IndicatorsConfigValidationTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static AgentConfig SampleConfig()
    {
        var result = ConfigReader.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "config", "edgeagent.json")), _ => true);
        Assert.Empty(result.Errors);
        return result.Config!;
    }

    [Fact]
    public void SamplePlantIndicatorsSectionIsValidAndComplete()
    {
        var config = SampleConfig();
        Assert.Empty(ConfigValidator.ValidateIndicatorsSection(config));
        var indicators = config.Indicators;
        Assert.NotEmpty(indicators.Headcount);
        Assert.NotEmpty(indicators.Shifts.Shifts);
        Assert.Contains(indicators.Equipment, e => e.CountsOutput && e.UnitPriceCny > 0 && e.PlannedCycleSeconds > 0);
        Assert.Equal(["meter-main"], indicators.Energy.BoundaryEquipment);
        Assert.All(indicators.Energy.Coefficients, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        Assert.Equal(new TimeOnly(7, 30), indicators.Shifts.Shifts[0].Start);
    }

    [Fact]
    public void SamplePlantComputesOnAnEmptyHistory()
    {
        var report = IndicatorEngine.Compute(SampleConfig(), [], new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30), [],
            ThresholdCatalogue.Default, TestPlant.Zone);
        // Inventory-only indicators have values; 4 key processes, 3 of them with CNC/PLC equipment.
        Assert.Equal(0.75, report[IndicatorIds.KeyProcessCncRate]!.Value);
        Assert.Equal(0.0, report[IndicatorIds.KeyProcessCncRateVerified]!.Value);
        Assert.NotNull(report[IndicatorIds.RobotsPerProductionWorker]!.Value);
        Assert.Null(report[IndicatorIds.EnergyPerUnit]!.Value);
        Assert.False(report.Short);
    }

    [Fact]
    public void EveryIndicatorsErrorNamesItsJsonPath()
    {
        var config = SampleConfig();
        var indicators = config.Indicators;
        indicators.NetworkedWindowShare = 1.5;
        indicators.Headcount.Add(new HeadcountEntry { From = indicators.Headcount[0].From, DirectProductionWorkers = -1 });
        indicators.Shifts.Shifts[0].BreakMinutes = 600;
        indicators.Shifts.WorkingDays.Add("funday");
        indicators.Shifts.ExtraWorkingDays.Add(indicators.Shifts.Holidays[0]);
        indicators.Equipment.Add(new IndicatorsEquipmentConfig { Equipment = "nope", PlannedCycleSeconds = 0, CountsOutput = true });
        indicators.Energy.Coefficients.Add(new EnergyCoefficientConfig { Carrier = EnergyCarrier.Electricity, KgcePerUnit = -1 });
        indicators.Energy.EmissionFactors[0].Source = "";
        indicators.Energy.BoundaryEquipment.Add("ghost-meter");
        config.Site.Industry = "A34";

        var paths = ConfigValidator.ValidateIndicatorsSection(config).Select(e => e.Path).ToList();

        var h = indicators.Headcount.Count - 1;
        var e = indicators.Equipment.Count - 1;
        var c = indicators.Energy.Coefficients.Count - 1;
        Assert.Equal(
        [
            "$.indicators.networkedWindowShare",
            $"$.indicators.headcount[{h}].from",
            $"$.indicators.headcount[{h}].directProductionWorkers",
            "$.indicators.shifts.shifts[0].breakMinutes",
            $"$.indicators.shifts.workingDays[{indicators.Shifts.WorkingDays.Count - 1}]",
            $"$.indicators.shifts.extraWorkingDays[{indicators.Shifts.ExtraWorkingDays.Count - 1}]",
            $"$.indicators.equipment[{e}].plannedCycleSeconds",
            $"$.indicators.energy.coefficients[{c}].carrier",
            $"$.indicators.energy.coefficients[{c}].kgcePerUnit",
            $"$.indicators.energy.coefficients[{c}].source",
            "$.indicators.energy.emissionFactors[0].source",
            $"$.indicators.equipment[{e}].equipment",
            $"$.indicators.equipment[{e}].unitPriceCny",
            $"$.indicators.energy.boundaryEquipment[{indicators.Energy.BoundaryEquipment.Count - 1}]",
            "$.site.industry",
        ], paths);
    }

    [Fact]
    public void ATypoInTheIndicatorsSectionIsReportedWithItsPath()
    {
        var result = ConfigReader.Parse("""{ "indicators": { "headcount": [ { "from": "2025-01-01", "workers": 3 } ] } }""", _ => true);
        Assert.Equal("$.indicators.headcount[0].workers", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void ABadShiftTimeIsReportedWithItsPath()
    {
        var result = ConfigReader.Parse("""{ "indicators": { "shifts": { "shifts": [ { "start": "25:00" } ] } } }""", _ => true);
        Assert.Equal("$.indicators.shifts.shifts[0].start", Assert.Single(result.Errors).Path);
    }
}
