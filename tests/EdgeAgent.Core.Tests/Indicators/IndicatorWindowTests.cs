using EdgeAgent.Core.Indicators;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

public class IndicatorWindowTests
{
    [Fact]
    public void MonthOfALeapFebruaryHas29Days()
    {
        var window = IndicatorWindow.MonthOf(D(2024, 2, 10));
        Assert.Equal(D(2024, 2, 1), window.From);
        Assert.Equal(D(2024, 2, 29), window.To);
        Assert.Equal(29, window.Days);
    }

    [Fact]
    public void LastNinetyDaysIsNotShortAndEightyNineIs()
    {
        var ninety = IndicatorWindow.LastDays(D(2025, 3, 31), 90);
        Assert.Equal(D(2025, 1, 1), ninety.From);
        Assert.False(ninety.IsShort);
        Assert.True(IndicatorWindow.LastDays(D(2025, 3, 31), 89).IsShort);
    }

    [Fact]
    public void LastFullMonthsAndPreviousYearEndBeforeToday()
    {
        Assert.Equal(new IndicatorWindow(D(2025, 2, 1), D(2025, 4, 30)), IndicatorWindow.LastFullMonths(D(2025, 5, 17), 3));
        Assert.Equal(new IndicatorWindow(D(2024, 1, 1), D(2024, 12, 31)), IndicatorWindow.PreviousYear(D(2025, 5, 17)));
        Assert.Equal(1, IndicatorWindow.Day(D(2025, 5, 17)).Days);
    }

    [Fact]
    public void OverlapCountsSharedDaysOnly()
    {
        var window = new IndicatorWindow(D(2025, 6, 1), D(2025, 6, 10));
        Assert.Equal(5, window.OverlapDays(D(2025, 6, 6), D(2025, 7, 31)));
        Assert.Equal(0, window.OverlapDays(D(2025, 5, 1), D(2025, 5, 31)));
    }

    [Fact]
    public void AnEndBeforeTheStartIsRejected() =>
        Assert.Throws<ArgumentException>(() => new IndicatorWindow(D(2025, 6, 2), D(2025, 6, 1)));

    [Fact]
    public void AShortWindowIsFlaggedOnTheReportAndEveryResult()
    {
        var report = Compute(Config("C34", Machine("a")), [], D(2025, 6, 1), D(2025, 6, 30));
        Assert.True(report.Short);
        Assert.Contains(report.Notes, n => n.Contains("Short window: 30 days", StringComparison.Ordinal) && n.Contains("at least 90 days", StringComparison.Ordinal));
        Assert.All(report.Results, r =>
        {
            Assert.True(r.Short);
            Assert.StartsWith("Short window", r.Notes[0], StringComparison.Ordinal);
        });

        var full = Compute(Config("C34", Machine("a")), [], D(2025, 1, 1), D(2025, 3, 31));
        Assert.False(full.Short);
        Assert.Empty(full.Notes);
    }
}
