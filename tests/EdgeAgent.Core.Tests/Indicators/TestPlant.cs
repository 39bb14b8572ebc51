using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Tests.IndicatorTests;

/// <summary>Builds small plants and their day rollups for hand-worked indicator examples.</summary>
internal static class TestPlant
{
    /// <summary>The plants in the examples are in Beijing time (UTC+8, no DST).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    public static AgentConfig Config(string industry = "C34", params EquipmentConfig[] equipment) => new()
    {
        Site = new SiteConfig { Id = "plant", Industry = industry, TimeZone = "Asia/Shanghai", AgentId = "gw" },
        Equipment = [.. equipment],
    };

    public static EquipmentConfig Machine(string id, string? source = "src", EquipmentType type = EquipmentType.Cnc,
        ControlSystem control = ControlSystem.Cnc, string? process = null, bool production = true, bool digitised = true,
        DateOnly? from = null, DateOnly? to = null) => new()
    {
        Id = id,
        Name = id,
        Type = type,
        ControlSystem = control,
        Process = process,
        Production = production,
        HasCommunicationInterface = digitised,
        Source = source,
        InServiceFrom = from,
        InServiceTo = to,
    };

    /// <summary>A day rollup starting at plant-local midnight (UTC+8).</summary>
    public static EquipmentRollup Day(string equipment, DateOnly day, long cycles = 1000, long goodCycles = 1000,
        double run = 0, double good = 0, double bad = 0, double? total = null, double kwh = 0, double gas = 0,
        double water = 0, double steam = 0)
    {
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        return new EquipmentRollup(equipment, RollupPeriod.Day, start, start.AddDays(1), cycles, goodCycles,
            goodCycles > 0 ? 86_400 : 0, run, 0, 0, 0, 0, good, bad, total ?? good + bad, kwh, gas, water, steam, 0);
    }

    /// <summary>Day rollups for every day of <c>[from, to]</c>.</summary>
    public static IEnumerable<EquipmentRollup> Days(string equipment, DateOnly from, DateOnly to, Func<DateOnly, EquipmentRollup> make)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return make(d);
        }
    }

    public static IndicatorReport Compute(AgentConfig config, IEnumerable<EquipmentRollup> rollups, DateOnly from, DateOnly to,
        IReadOnlyList<OutputFact>? facts = null) =>
        IndicatorEngine.Compute(config, rollups.ToList(), from, to, facts ?? [], ThresholdCatalogue.Default, Zone);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
