using EdgeAgent.Core.Rollups;
using static EdgeAgent.Core.Tests.RollupTests.RollupTestPlant;

namespace EdgeAgent.Core.Tests.RollupTests;

public class RollupCalendarTests
{
    [Fact]
    public void ShanghaiDayStartsAtSixteenHundredUtcTheDayBefore()
    {
        Assert.Equal(Utc("2025-03-01T16:00:00Z"), RollupCalendar.DayStartUtc(new DateOnly(2025, 3, 2), Shanghai));
        Assert.Equal(new DateOnly(2025, 3, 1), RollupCalendar.LocalDay(Utc("2025-03-01T15:59:59Z"), Shanghai));
        Assert.Equal(new DateOnly(2025, 3, 2), RollupCalendar.LocalDay(Utc("2025-03-01T16:00:00Z"), Shanghai));
    }

    [Fact]
    public void BerlinSpringForwardDayHasTwentyThreeHours()
    {
        // CET (+1) until 01:00 UTC on 30 March 2025, then CEST (+2): local midnights at 23:00 and 22:00 UTC.
        var (start, end) = RollupCalendar.DayBoundsUtc(new DateOnly(2025, 3, 30), Berlin);
        Assert.Equal(Utc("2025-03-29T23:00:00Z"), start);
        Assert.Equal(Utc("2025-03-30T22:00:00Z"), end);
        Assert.Equal(23, RollupCalendar.Hours(start, end, Berlin).Count());
    }

    [Fact]
    public void BerlinFallBackDayHasTwentyFiveHours()
    {
        var (start, end) = RollupCalendar.DayBoundsUtc(new DateOnly(2025, 10, 26), Berlin);
        Assert.Equal(Utc("2025-10-25T22:00:00Z"), start);
        Assert.Equal(Utc("2025-10-26T23:00:00Z"), end);
        var hours = RollupCalendar.Hours(start, end, Berlin).ToList();
        Assert.Equal(25, hours.Count);
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromHours(1), h.EndUtc - h.StartUtc));
    }

    [Fact]
    public void DaysOverlappingARangeIncludeBothPartialDays()
    {
        var days = RollupCalendar.Days(Utc("2025-03-01T00:00:00Z"), Utc("2025-03-02T00:00:00Z"), Shanghai).ToList();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)], days.Select(d => d.Day));
        Assert.Equal(Utc("2025-02-28T16:00:00Z"), days[0].StartUtc);
        Assert.Equal(Utc("2025-03-02T16:00:00Z"), days[1].EndUtc);
    }
}
