using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Indicators;

/// <summary>
/// A range of plant-local calendar days, both ends inclusive. Assessments ask for the previous year or at least three
/// months of data (Beijing plan, note under annex 2), so a window under <see cref="MinimumAssessmentDays"/> is flagged short.
/// </summary>
public sealed record IndicatorWindow
{
    /// <summary>An assessment window must span at least this many days.</summary>
    public const int MinimumAssessmentDays = 90;

    public IndicatorWindow(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"window end {to:yyyy-MM-dd} is before its start {from:yyyy-MM-dd}", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>First day (plant-local).</summary>
    public DateOnly From { get; }

    /// <summary>Last day (plant-local, inclusive).</summary>
    public DateOnly To { get; }

    /// <summary>Number of days in the window.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Whether the window is shorter than an assessment window (<see cref="MinimumAssessmentDays"/>).</summary>
    [JsonIgnore]
    public bool IsShort => Days < MinimumAssessmentDays;

    /// <summary>Whether a day lies inside the window.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Every day of the window, in order.</summary>
    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The days this window shares with <c>[from, to]</c>, or zero.</summary>
    public int OverlapDays(DateOnly from, DateOnly to)
    {
        var start = from > From ? from : From;
        var end = to < To ? to : To;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

    /// <summary>One day.</summary>
    public static IndicatorWindow Day(DateOnly day) => new(day, day);

    /// <summary>Any range of days, both ends inclusive.</summary>
    public static IndicatorWindow Range(DateOnly from, DateOnly to) => new(from, to);

    /// <summary>The calendar month that contains <paramref name="day"/>.</summary>
    public static IndicatorWindow MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The <paramref name="days"/> days ending with <paramref name="lastDay"/> (inclusive).</summary>
    public static IndicatorWindow LastDays(DateOnly lastDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new(lastDay.AddDays(1 - days), lastDay);
    }

    /// <summary>The last <paramref name="months"/> complete calendar months before the month of <paramref name="today"/>.</summary>
    public static IndicatorWindow LastFullMonths(DateOnly today, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var firstOfThisMonth = new DateOnly(today.Year, today.Month, 1);
        return new(firstOfThisMonth.AddMonths(-months), firstOfThisMonth.AddDays(-1));
    }

    /// <summary>The calendar year before the year of <paramref name="today"/> (the data year the Beijing plan asks for).</summary>
    public static IndicatorWindow PreviousYear(DateOnly today) =>
        new(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31));

    /// <inheritdoc/>
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
