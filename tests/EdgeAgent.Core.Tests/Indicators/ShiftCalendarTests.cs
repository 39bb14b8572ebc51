using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class ShiftCalendarTests
{
    private static ShiftCalendar NightShiftCalendar() => new(new ShiftCalendarConfig
    {
        // 22:00-06:00 with a 60-minute break: 8 h, of which 7 h planned; 2 h fall on the start day, 6 h on the next.
        Shifts = [new() { Name = "night", Start = new TimeOnly(22, 0), End = new TimeOnly(6, 0), BreakMinutes = 60 }],
        WorkingDays = ["monday", "tuesday", "wednesday", "thursday", "friday"],
        Holidays = [D(2025, 10, 1)],
        ExtraWorkingDays = [D(2025, 9, 28)],
    });

    [Fact]
    public void NightShiftHoursFallOnTheDaysTheyAreWorked()
    {
        var calendar = NightShiftCalendar();
        Assert.Equal(2 * 3600 * 7.0 / 8, calendar.PlannedBusySeconds(D(2025, 6, 2)), 6);   // Mon: 22:00-24:00 only
        Assert.Equal(8 * 3600 * 7.0 / 8, calendar.PlannedBusySeconds(D(2025, 6, 3)), 6);   // Tue: 00-06 from Mon + 22-24
        Assert.Equal(6 * 3600 * 7.0 / 8, calendar.PlannedBusySeconds(D(2025, 6, 7)), 6);   // Sat: tail of Friday's shift
        Assert.Equal(0, calendar.PlannedBusySeconds(D(2025, 6, 8)));                        // Sun
    }

    [Fact]
    public void HolidaysAndMakeUpWorkingDaysOverrideTheWeekdays()
    {
        var calendar = NightShiftCalendar();
        Assert.False(calendar.IsWorkingDay(D(2025, 10, 1)));  // Wednesday, National Day
        Assert.True(calendar.IsWorkingDay(D(2025, 9, 28)));   // Sunday, 调休上班
        Assert.True(calendar.IsWorkingDay(D(2025, 9, 29)));
    }

    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData("Sat", DayOfWeek.Saturday)]
    [InlineData("SUNDAY", DayOfWeek.Sunday)]
    public void WeekdayNamesParseInAnyCase(string text, DayOfWeek expected)
    {
        Assert.True(ShiftCalendar.TryParseWeekday(text, out var day));
        Assert.Equal(expected, day);
    }

    [Fact]
    public void UnknownWeekdayNameIsRejected() => Assert.False(ShiftCalendar.TryParseWeekday("mo", out _));
}
