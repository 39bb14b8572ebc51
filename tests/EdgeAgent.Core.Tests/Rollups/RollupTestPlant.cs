using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Core.Tests.RollupTests;

/// <summary>A one-machine plant for the rollup tests: source s1 feeds m1 (state codes 0 off, 1 idle, 2 run, 3 down).</summary>
internal static class RollupTestPlant
{
    public static readonly TagKey StateTag = new("m1", "state");
    public static readonly TagKey PartsGoodTag = new("m1", "partsGood");
    public static readonly TagKey PartsBadTag = new("m1", "partsBad");
    public static readonly TagKey EnergyTag = new("m1", "energy");
    public static readonly TagKey Counter16Tag = new("m1", "counter16");
    public static readonly TagKey MeterFloatTag = new("m1", "meter");

    public static TimeZoneInfo Shanghai => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static TimeZoneInfo Berlin => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static AgentConfig Config() => new()
    {
        Sources = [new SourceConfig { Id = "s1" }],
        Equipment =
        [
            new EquipmentConfig
            {
                Id = "m1",
                Source = "s1",
                Tags =
                [
                    new TagConfig
                    {
                        Name = "state", Role = TagRole.RunState, Type = TagType.UInt16,
                        States = new() { ["0"] = "off", ["1"] = "idle", ["2"] = "run", ["3"] = "down" },
                    },
                    new TagConfig { Name = "partsGood", Role = TagRole.PartCounterGood, Type = TagType.UInt32 },
                    new TagConfig { Name = "partsBad", Role = TagRole.PartCounterBad, Type = TagType.UInt32 },
                    new TagConfig { Name = "energy", Role = TagRole.EnergyKwh, Type = TagType.UInt32, Scale = 0.01 },
                    new TagConfig { Name = "counter16", Role = TagRole.WaterM3, Type = TagType.UInt16 },
                    new TagConfig { Name = "meter", Role = TagRole.GasM3, Type = TagType.Float64 },
                    new TagConfig { Name = "speed", Role = TagRole.Value, Type = TagType.Float32 },
                ],
            },
            new EquipmentConfig { Id = "manual-press" },
        ],
    };

    public static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);

    public static Sample Good(TagKey key, string iso, double value) => new(key, Utc(iso), value, null, SampleQuality.Good);

    public static Sample Bad(TagKey key, string iso) => new(key, Utc(iso), double.NaN, null, SampleQuality.Bad, "IllegalDataAddress");

    public static StatusEvent Online(string iso) => new("s1", Utc(iso), true, "connected");

    public static StatusEvent Offline(string iso) => new("s1", Utc(iso), false, "timeout");

    /// <summary>Every minute of [from, to) with the given attempts and good cycles for s1.</summary>
    public static IEnumerable<EdgeAgent.Core.Rollups.SourceCycles> EveryMinute(string fromIso, string toIso, long attempts = 60, long good = 60)
    {
        for (var t = Utc(fromIso); t < Utc(toIso); t = t.AddMinutes(1))
        {
            yield return new EdgeAgent.Core.Rollups.SourceCycles("s1", t, attempts, good);
        }
    }
}
