using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Core.Rollups;
using static EdgeAgent.Storage.Tests.StorageTestData;

namespace EdgeAgent.Storage.Tests;

public class RollupStoreTests
{
    // Plant-local day 3 March 2025 in Asia/Shanghai: 2 March 16:00 UTC to 3 March 16:00 UTC.
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly DateTime DayStart = Utc("2025-03-02T16:00:00Z");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    internal static AgentConfig Plant() => new()
    {
        Site = new SiteConfig { Id = "p", TimeZone = "Asia/Shanghai", AgentId = "gateway-7" },
        Sources = [new SourceConfig { Id = "mb-cnc1" }],
        Equipment =
        [
            new EquipmentConfig
            {
                Id = "cnc-1",
                Source = "mb-cnc1",
                Tags =
                [
                    new TagConfig { Name = "state", Role = TagRole.RunState, States = new() { ["1"] = "idle", ["2"] = "run" } },
                    new TagConfig { Name = "partsGood", Role = TagRole.PartCounterGood, Type = TagType.UInt32 },
                ],
            },
        ],
    };

    /// <summary>Two collected hours at the start of the day, with state and counter carried in from the day before.</summary>
    internal static async Task WriteDayAsync(SqliteStorage storage)
    {
        var cycles = Enumerable.Range(0, 120).Select(m => new CycleCount("mb-cnc1", DayStart.AddMinutes(m), 60, 60)).ToList();
        await storage.WriteAsync(
            [
                Good(State, DayStart.AddMinutes(-30), 2), // run since 15:30 UTC the day before
                Good(Parts, DayStart.AddMinutes(-10), 10),
                Good(Parts, DayStart.AddMinutes(30), 15),
                Good(State, DayStart.AddHours(1), 1), // idle from 17:00 UTC
                Good(Parts, DayStart.AddMinutes(90), 25),
                Good(Power, DayStart.AddMinutes(5), 7), // not an input of any rollup
            ],
            [new StatusEvent("mb-cnc1", DayStart.AddHours(-1), true, "connected")],
            cycles);
    }

    [Fact]
    public async Task RebuildStoresDayRollupsWorkedOutByHandAndRebuildingTwiceIsIdentical()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await WriteDayAsync(storage);
        var store = new RollupStore(storage, Plant(), Shanghai);

        var rows = await store.RebuildDaysAsync(Day, Day);

        // One equipment: 1440 minutes + 24 hours + 1 day.
        Assert.Equal(1465, rows);
        var day = Assert.Single(store.ReadDays(Day, Day));
        Assert.Equal((DayStart, DayStart.AddDays(1)), (day.StartUtc, day.EndUtc));

        // Collected 16:00–18:00 UTC: 120 minutes × 60 cycles = 7200, all good; online 7200 s.
        // Run carried in until 17:00 (3600 s), idle 17:00–18:00 (3600 s); the other 22 h unknown: 86400 − 7200 = 79200 s.
        // Parts 10 (the day before) → 15 → 25: 15 made this day; no total counter, so total = good.
        Assert.Equal((7200L, 7200L, 7200d), (day.Cycles, day.GoodCycles, day.OnlineSeconds));
        Assert.Equal((3600d, 3600d, 79200d), (day.RunSeconds, day.IdleSeconds, day.UnknownSeconds));
        Assert.Equal((15d, 15d), (day.GoodParts, day.TotalParts));
        Assert.Equal("2025-03-03", Text(storage, "SELECT local_day FROM rollups WHERE period = 'day'"));

        var minutes = store.Read(RollupPeriod.Minute, DayStart, DayStart.AddDays(1));
        var hours = store.Read(RollupPeriod.Hour, DayStart, DayStart.AddDays(1));
        Assert.Equal((1440, 24), (minutes.Count, hours.Count));
        Assert.Equal(store.Build(DayStart, DayStart.AddDays(1)), [.. minutes, .. hours, day]);

        Assert.Equal(1465, await store.RebuildDaysAsync(Day, Day));
        Assert.Equal(minutes, store.Read(RollupPeriod.Minute, DayStart, DayStart.AddDays(1)));
        Assert.Equal([day], store.ReadDays(Day, Day));
        Assert.Equal(1465, Scalar(storage, "SELECT count(*) FROM rollups"));
    }

    [Fact]
    public async Task DayRebuiltSoFarIsCompletedByALaterRebuild()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await WriteDayAsync(storage);
        var store = new RollupStore(storage, Plant(), Shanghai);

        // "Now" is 17:30:40 UTC: minutes up to 17:30, the rest of the day unknown.
        await store.RebuildAsync(DayStart.AddMinutes(75), DayStart.AddMinutes(90).AddSeconds(40));
        var partial = Assert.Single(store.ReadDays(Day, Day));
        Assert.Equal((3600d, 1800d, 5400L), (partial.RunSeconds, partial.IdleSeconds, partial.Cycles));
        Assert.Equal(5, partial.GoodParts); // the reading at 17:30 belongs to the minute not built yet
        Assert.Equal(90, store.Read(RollupPeriod.Minute, DayStart, DayStart.AddDays(1)).Count);

        await store.RebuildDaysAsync(Day, Day);
        Assert.Equal(15, Assert.Single(store.ReadDays(Day, Day)).GoodParts);
    }

    [Fact]
    public async Task DayWithoutDataIsStoredAsAllUnknown()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        var store = new RollupStore(storage, Plant(), Shanghai);

        await store.RebuildDaysAsync(Day.AddDays(5), Day.AddDays(5));

        var day = Assert.Single(store.ReadDays(Day.AddDays(5), Day.AddDays(5)));
        Assert.Equal((0L, 0L, 86400d, false), (day.Cycles, day.GoodCycles, day.UnknownSeconds, day.HasData));
    }

    [Fact]
    public async Task DaysThinnedByRetentionAreNotRebuilt()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await WriteDayAsync(storage);
        var store = new RollupStore(storage, Plant(), Shanghai);
        await store.RebuildDaysAsync(Day, Day);
        var before = store.ReadDays(Day, Day);

        await storage.DeleteOlderThanAsync(DayStart.AddHours(1));

        Assert.Equal(0, await store.RebuildDaysAsync(Day, Day));
        Assert.Equal(before, store.ReadDays(Day, Day));
        Assert.Equal(1465, await store.RebuildDaysAsync(Day.AddDays(1), Day.AddDays(1)));
    }
}
