using EdgeAgent.Core.Model;
using EdgeAgent.Core.Rollups;
using static EdgeAgent.Core.Tests.RollupTests.RollupTestPlant;

namespace EdgeAgent.Core.Tests.RollupTests;

public class RollupBuilderTests
{
    private static readonly RollupBuilder Shanghai3 = new(Config(), Shanghai);

    private static EquipmentRollup Find(IReadOnlyList<EquipmentRollup> rollups, RollupPeriod period, string startIso) =>
        Assert.Single(rollups, r => r.EquipmentId == "m1" && r.Period == period && r.StartUtc == Utc(startIso));

    /// <summary>Three minutes worked by hand: 00:00–00:03 UTC on 3 March 2025.</summary>
    private static IReadOnlyList<EquipmentRollup> ThreeMinutes() => Shanghai3.Build(
        Utc("2025-03-03T00:00:00Z"),
        Utc("2025-03-03T00:03:00Z"),
        [
            Good(StateTag, "2025-03-02T23:59:00Z", 2), // carry-in: running
            Good(StateTag, "2025-03-03T00:00:20Z", 1), // idle
            Good(StateTag, "2025-03-03T00:01:10Z", 3), // down
            Good(StateTag, "2025-03-03T00:02:30Z", 2), // run, but minute 2 delivered no good cycle
            Good(PartsGoodTag, "2025-03-02T23:59:30Z", 100), // baseline
            Good(PartsGoodTag, "2025-03-03T00:00:30Z", 103),
            Bad(PartsGoodTag, "2025-03-03T00:01:20Z"),
            Good(PartsGoodTag, "2025-03-03T00:01:50Z", 105),
            Good(EnergyTag, "2025-03-02T23:58:00Z", 500.00),
            Good(EnergyTag, "2025-03-03T00:00:40Z", 500.25),
            Good(EnergyTag, "2025-03-03T00:02:10Z", 501.00),
            new Sample(new TagKey("m1", "speed"), Utc("2025-03-03T00:00:10Z"), 1200, null, SampleQuality.Good),
        ],
        [
            Online("2025-03-02T23:00:00Z"), // carry-in: online since before the range
            Offline("2025-03-03T00:01:30Z"),
            Online("2025-03-03T00:01:45Z"),
        ],
        [
            new SourceCycles("s1", Utc("2025-03-03T00:00:00Z"), 60, 60),
            new SourceCycles("s1", Utc("2025-03-03T00:01:00Z"), 60, 58),
            new SourceCycles("s1", Utc("2025-03-03T00:02:00Z"), 60, 0),
        ]);

    [Fact]
    public void FirstMinuteSplitsRunAndIdleAtTheStateSample()
    {
        var r = Find(ThreeMinutes(), RollupPeriod.Minute, "2025-03-03T00:00:00Z");

        // Run carried in until 00:00:20 (20 s), idle to 00:01:00 (40 s); online all 60 s.
        Assert.Equal((60, 60), (r.Cycles, r.GoodCycles));
        Assert.Equal(60, r.OnlineSeconds);
        Assert.Equal((20d, 40d, 0d, 0d, 0d), (r.RunSeconds, r.IdleSeconds, r.DownSeconds, r.OffSeconds, r.UnknownSeconds));

        // Parts 100 → 103 = 3; energy 500.00 → 500.25 = 0.25 kWh; no total counter, so total = good + bad = 3.
        Assert.Equal((3d, 0d, 3d, 0.25), (r.GoodParts, r.BadParts, r.TotalParts, r.EnergyKwh));
        Assert.Equal(0, r.CounterResets);
        Assert.Equal(TimeSpan.FromMinutes(1), r.EndUtc - r.StartUtc);
    }

    [Fact]
    public void OfflineGapInsideAMinuteIsUnknownState()
    {
        var r = Find(ThreeMinutes(), RollupPeriod.Minute, "2025-03-03T00:01:00Z");

        // Online 00:01:00–00:01:30 and 00:01:45–00:02:00: 30 + 15 = 45 s.
        Assert.Equal(45, r.OnlineSeconds);

        // Idle 00:01:00–00:01:10 = 10 s; down 00:01:10–00:01:30 = 20 s plus 00:01:45–00:02:00 = 15 s → 35 s;
        // offline 15 s is unknown.
        Assert.Equal((0d, 10d, 35d, 0d, 15d), (r.RunSeconds, r.IdleSeconds, r.DownSeconds, r.OffSeconds, r.UnknownSeconds));

        // The bad read at 00:01:20 is skipped: 103 → 105 = 2.
        Assert.Equal(2, r.GoodParts);
    }

    [Fact]
    public void MinuteWithoutGoodCyclesHasNoKnownState()
    {
        var r = Find(ThreeMinutes(), RollupPeriod.Minute, "2025-03-03T00:02:00Z");

        // Attempts but no good cycle: online (the agent was polling a connected device), but no state is known.
        Assert.Equal((60, 0), (r.Cycles, r.GoodCycles));
        Assert.False(r.HasData);
        Assert.Equal(60, r.OnlineSeconds);
        Assert.Equal(60, r.UnknownSeconds);

        // EnergyTag 500.25 → 501.00 = 0.75 kWh, in the minute of the later reading.
        Assert.Equal(0.75, r.EnergyKwh);
    }

    [Fact]
    public void HourAndDayAreSumsOfTheirMinutesWithTheRestUnknown()
    {
        var rollups = ThreeMinutes();
        var hour = Find(rollups, RollupPeriod.Hour, "2025-03-03T00:00:00Z");

        // Cycles 60 + 60 + 60 = 180, good 60 + 58 + 0 = 118; online 60 + 45 + 60 = 165 s.
        // Run 20, idle 40 + 10 = 50, down 35: 105 s known, so 3600 − 105 = 3495 s unknown in the local hour 08:00–09:00.
        Assert.Equal((180, 118), (hour.Cycles, hour.GoodCycles));
        Assert.Equal(165, hour.OnlineSeconds);
        Assert.Equal((20d, 50d, 35d, 3495d), (hour.RunSeconds, hour.IdleSeconds, hour.DownSeconds, hour.UnknownSeconds));
        Assert.Equal((5d, 1d), (hour.GoodParts, hour.EnergyKwh));

        // The plant-local day 3 March runs 2 March 16:00 UTC to 3 March 16:00 UTC: 86400 − 105 s unknown.
        var day = Find(rollups, RollupPeriod.Day, "2025-03-02T16:00:00Z");
        Assert.Equal(Utc("2025-03-03T16:00:00Z"), day.EndUtc);
        Assert.Equal(86295, day.UnknownSeconds);
        Assert.Equal((180, 118, 5d, 1d), (day.Cycles, day.GoodCycles, day.GoodParts, day.EnergyKwh));
    }

    [Fact]
    public void EquipmentWithoutSourceHasNoRollups()
    {
        Assert.DoesNotContain(ThreeMinutes(), r => r.EquipmentId == "manual-press");
        Assert.Equal(3 + 1 + 1, ThreeMinutes().Count);
    }

    [Fact]
    public void CounterWrapsAtUint16AndUint32AreCounted()
    {
        var rollups = Shanghai3.Build(Utc("2025-03-03T00:00:00Z"), Utc("2025-03-03T00:01:00Z"),
        [
            Good(Counter16Tag, "2025-03-03T00:00:01Z", 65530),
            Good(Counter16Tag, "2025-03-03T00:00:02Z", 4), // wrap: 10 m³
            Good(Counter16Tag, "2025-03-03T00:00:03Z", 9), // +5
            Good(EnergyTag, "2025-03-03T00:00:01Z", 42949672.90),
            Good(EnergyTag, "2025-03-03T00:00:02Z", 0.05), // raw 4294967290 → 5: 11 × 0.01 kWh
        ], [], []);
        var r = Find(rollups, RollupPeriod.Minute, "2025-03-03T00:00:00Z");
        Assert.Equal(15, r.WaterM3);
        Assert.Equal(0.11, r.EnergyKwh, 9);
        Assert.Equal(2, r.CounterResets);
    }

    [Fact]
    public void GoodPartsAreTotalLessBadWhenThereIsOnlyATotalCounter()
    {
        // A robot counts cycles only: 7 cycles, 2 bad, no good counter → good = 7 − 2 = 5.
        var config = Config();
        var robot = config.Equipment.Single(e => e.Id == "m1");
        robot.Tags.RemoveAll(t => t.Role == EdgeAgent.Core.Configuration.TagRole.PartCounterGood);
        robot.Tags.Add(new EdgeAgent.Core.Configuration.TagConfig { Name = "cycles", Role = EdgeAgent.Core.Configuration.TagRole.PartCounterTotal, Type = EdgeAgent.Core.Configuration.TagType.UInt32 });
        var cycles = new TagKey("m1", "cycles");
        var rollups = new RollupBuilder(config, Shanghai).Build(Utc("2025-03-03T00:00:00Z"), Utc("2025-03-03T00:01:00Z"),
        [
            Good(cycles, "2025-03-03T00:00:01Z", 100),
            Good(PartsBadTag, "2025-03-03T00:00:01Z", 10),
            Good(cycles, "2025-03-03T00:00:50Z", 107),
            Good(PartsBadTag, "2025-03-03T00:00:50Z", 12),
        ], [], []);
        var r = Find(rollups, RollupPeriod.Minute, "2025-03-03T00:00:00Z");
        Assert.Equal(7, r.TotalParts);
        Assert.Equal(2, r.BadParts);
        Assert.Equal(5, r.GoodParts);
    }

    [Fact]
    public void ResetAndReplacementNeverGoNegative()
    {
        var rollups = Shanghai3.Build(Utc("2025-03-03T00:00:00Z"), Utc("2025-03-03T00:02:00Z"),
        [
            Good(PartsGoodTag, "2025-03-03T00:00:01Z", 1000),
            Good(PartsGoodTag, "2025-03-03T00:00:02Z", 3), // reset: 3 counted from zero
            Good(PartsGoodTag, "2025-03-03T00:00:03Z", 5), // +2
            Good(MeterFloatTag, "2025-03-03T00:01:01Z", 52000),
            Good(MeterFloatTag, "2025-03-03T00:01:02Z", 48000), // replacement: 0
            Good(MeterFloatTag, "2025-03-03T00:01:03Z", 48010), // +10
        ], [], []);
        var first = Find(rollups, RollupPeriod.Minute, "2025-03-03T00:00:00Z");
        var second = Find(rollups, RollupPeriod.Minute, "2025-03-03T00:01:00Z");
        Assert.Equal((5d, 1), (first.GoodParts, first.CounterResets));
        Assert.Equal((10d, 1), (second.GasM3, second.CounterResets));
        Assert.All(rollups, r => Assert.True(r.GoodParts >= 0 && r.GasM3 >= 0));
    }

    [Fact]
    public void ShanghaiLocalMidnightSplitsTheDays()
    {
        // Range 1 March 00:00 UTC to 2 March 00:00 UTC crosses local midnight at 1 March 16:00 UTC.
        var rollups = Shanghai3.Build(Utc("2025-03-01T00:00:00Z"), Utc("2025-03-02T00:00:00Z"),
        [
            Good(PartsGoodTag, "2025-03-01T15:00:00Z", 10),
            Good(PartsGoodTag, "2025-03-01T15:59:30Z", 11), // local 23:59:30 on 1 March: +1
            Good(PartsGoodTag, "2025-03-01T16:00:30Z", 13), // local 00:00:30 on 2 March: +2
        ], [], []);
        var first = Find(rollups, RollupPeriod.Day, "2025-02-28T16:00:00Z");
        var second = Find(rollups, RollupPeriod.Day, "2025-03-01T16:00:00Z");
        Assert.Equal(1, first.GoodParts);
        Assert.Equal(2, second.GoodParts);
        Assert.Equal(24 * 60, rollups.Count(r => r.Period == RollupPeriod.Minute));
    }

    [Fact]
    public void DayWithoutDataHasZeroCyclesAndIsAllUnknown()
    {
        var (start, end) = RollupCalendar.DayBoundsUtc(new DateOnly(2025, 3, 5), Shanghai);
        var rollups = Shanghai3.Build(start, end, [], [], []);
        var day = Find(rollups, RollupPeriod.Day, "2025-03-04T16:00:00Z");
        Assert.Equal((0L, 0L, 0d), (day.Cycles, day.GoodCycles, day.OnlineSeconds));
        Assert.Equal(86400, day.UnknownSeconds);
        Assert.Equal(0, day.RunSeconds + day.IdleSeconds + day.DownSeconds + day.OffSeconds);
        Assert.False(day.HasData);
        Assert.Equal(0, day.Availability);
        Assert.Equal(1440, rollups.Count(r => r.Period == RollupPeriod.Minute));
        Assert.Equal(24, rollups.Count(r => r.Period == RollupPeriod.Hour));
    }

    [Theory]
    [InlineData(2025, 3, 30, 23)]
    [InlineData(2025, 10, 26, 25)]
    [InlineData(2025, 6, 1, 24)]
    public void BerlinDayRunningThroughoutCountsItsRealLength(int year, int month, int dayOfMonth, int hours)
    {
        var builder = new RollupBuilder(Config(), Berlin);
        var (start, end) = RollupCalendar.DayBoundsUtc(new DateOnly(year, month, dayOfMonth), Berlin);
        var cycles = new List<SourceCycles>();
        for (var t = start; t < end; t = t.AddMinutes(1))
        {
            cycles.Add(new SourceCycles("s1", t, 60, 60));
        }

        var rollups = builder.Build(start, end,
            [new Sample(StateTag, start.AddHours(-1), 2, null, SampleQuality.Good)],
            [new StatusEvent("s1", start.AddHours(-2), true, "connected")],
            cycles);
        var day = Assert.Single(rollups, r => r.Period == RollupPeriod.Day);
        Assert.Equal(hours * 3600d, day.RunSeconds);
        Assert.Equal(hours * 3600d, day.OnlineSeconds);
        Assert.Equal(0, day.UnknownSeconds);
        Assert.Equal(hours * 60L * 60, day.Cycles);
        Assert.Equal(hours, rollups.Count(r => r.Period == RollupPeriod.Hour));
    }

    [Fact]
    public void RebuildingTwiceAndInAnyOrderGivesIdenticalRollups()
    {
        var from = Utc("2025-03-03T00:00:00Z");
        var to = Utc("2025-03-03T02:00:00Z");
        var samples = new List<Sample>();
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            samples.Add(Good(StateTag, from.AddSeconds(random.Next(-300, 7200)).ToString("O"), random.Next(0, 4)));
            samples.Add(Good(PartsGoodTag, from.AddSeconds(random.Next(-300, 7200)).ToString("O"), random.Next(0, 1000)));
        }

        List<StatusEvent> events = [Online("2025-03-02T23:00:00Z"), Offline("2025-03-03T00:30:00Z"), Online("2025-03-03T00:31:00Z")];
        var cycles = EveryMinute("2025-03-03T00:00:00Z", "2025-03-03T02:00:00Z", 60, 59).ToList();

        var first = Shanghai3.Build(from, to, samples, events, cycles);
        var second = new RollupBuilder(Config(), Shanghai).Build(from, to,
            samples.AsEnumerable().Reverse().ToList(), events.AsEnumerable().Reverse().ToList(), cycles.AsEnumerable().Reverse().ToList());
        Assert.Equal(first, second);
    }

    [Fact]
    public void RangeMustBeOnWholeMinutes()
    {
        Assert.Throws<ArgumentException>(() => Shanghai3.Build(Utc("2025-03-03T00:00:30Z"), Utc("2025-03-03T00:02:00Z"), [], [], []));
    }
}
