using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator.Tests;

/// <summary>The sample plant of config/edgeagent.json, parsed afresh for each use, and handy instants in its time zone.</summary>
internal static class SamplePlant
{
    /// <summary>Monday 2026-11-23 10:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly DateTime MondayMorningUtc = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Monday 2026-11-23 00:00 in Asia/Shanghai.</summary>
    public static readonly DateTime MondayMidnightUtc = new(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);

    public static AgentConfig Load()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "edgeagent.json"));
        var result = ConfigReader.Parse(json);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config!;
    }

    public static TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static PlantModel Model(SimulatorOptions? options = null, DateTime? startUtc = null, AgentConfig? config = null) =>
        new(config ?? Load(), options ?? new SimulatorOptions(), startUtc ?? MondayMidnightUtc);

    /// <summary>Every (equipment, tag) pair of the plant that has a source.</summary>
    public static IEnumerable<(EquipmentConfig Equipment, TagConfig Tag)> Tags(AgentConfig config) =>
        config.Equipment.Where(e => e.Source is not null).SelectMany(e => e.Tags.Select(t => (e, t)));

    public static bool IsCounter(TagConfig tag) => tag.Role is TagRole.PartCounterGood or TagRole.PartCounterBad
        or TagRole.PartCounterTotal or TagRole.EnergyKwh or TagRole.GasM3 or TagRole.WaterM3 or TagRole.SteamTonnes;
}
