using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Indicators;

/// <summary>
/// Planned busy time per plant-local day from the shift calendar (ISO 22400-2: planned busy time = planned operation
/// time − planned downtime; breaks are planned downtime). A shift that runs past midnight puts its later hours on the
/// next day, so per-day figures match the plant-local day rollups. Days are taken as 24 hours (no DST correction:
/// China has none).
/// </summary>
public sealed class ShiftCalendar
{
    private const double SecondsPerDay = 86_400;

    private readonly List<(double StartSeconds, double DurationSeconds, double PlannedShare)> _shifts;
    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkingDays;

    public ShiftCalendar(ShiftCalendarConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _shifts = config.Shifts.Select(s =>
        {
            var start = s.Start.ToTimeSpan().TotalSeconds;
            var end = s.End.ToTimeSpan().TotalSeconds;
            var duration = end > start ? end - start : end - start + SecondsPerDay;
            var planned = duration <= 0 ? 0 : Math.Clamp(1 - (s.BreakMinutes * 60 / duration), 0, 1);
            return (start, duration, planned);
        }).ToList();
        _workingDays = config.WorkingDays.Select(d => TryParseWeekday(d, out var day) ? day : (DayOfWeek?)null)
            .OfType<DayOfWeek>().ToHashSet();
        _holidays = config.Holidays.ToHashSet();
        _extraWorkingDays = config.ExtraWorkingDays.ToHashSet();
    }

    /// <summary>Whether the calendar has any shift (without one there is no planned busy time).</summary>
    public bool HasShifts => _shifts.Count > 0;

    /// <summary>Whether shifts start on this day: a working weekday that is not a holiday, or a make-up working day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        _extraWorkingDays.Contains(day) || (_workingDays.Contains(day.DayOfWeek) && !_holidays.Contains(day));

    /// <summary>Planned busy seconds falling on <paramref name="day"/> (including the tail of a night shift started the day before).</summary>
    public double PlannedBusySeconds(DateOnly day)
    {
        var total = 0.0;
        var today = IsWorkingDay(day);
        var yesterday = IsWorkingDay(day.AddDays(-1));
        foreach (var (start, duration, planned) in _shifts)
        {
            var onStartDay = Math.Min(duration, SecondsPerDay - start);
            if (today)
            {
                total += onStartDay * planned;
            }

            if (yesterday)
            {
                total += (duration - onStartDay) * planned;
            }
        }

        return total;
    }

    /// <summary>Parses an English weekday name, any case ("monday", "Mon").</summary>
    public static bool TryParseWeekday(string? text, out DayOfWeek day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 3)
        {
            return false;
        }

        var t = text.Trim();
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (name.Equals(t, StringComparison.OrdinalIgnoreCase) || (t.Length == 3 && name.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            {
                day = candidate;
                return true;
            }
        }

        return false;
    }
}
