namespace EdgeAgent.Simulator;

/// <summary>
/// Working hours of one machine in the plant's time zone: a daily window on given weekdays. A window whose end is
/// before its start runs over midnight (a night shift belongs to the day it starts on). Pure.
/// </summary>
public sealed class ShiftCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _days;

    public ShiftCalendar(TimeZoneInfo zone, TimeOnly start, TimeOnly end, IEnumerable<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(days);
        _zone = zone;
        Start = start;
        End = end;
        _days = [.. days];
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public IReadOnlyCollection<DayOfWeek> Days => _days;

    /// <summary>Whether <paramref name="utc"/> falls inside working hours.</summary>
    public bool IsWorking(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);
        var time = TimeOnly.FromDateTime(local);
        var today = _days.Contains(local.DayOfWeek);
        if (Start == End)
        {
            return today;
        }

        if (Start < End)
        {
            return today && time >= Start && time < End;
        }

        var yesterday = _days.Contains(local.AddDays(-1).DayOfWeek);
        return (today && time >= Start) || (yesterday && time < End);
    }

    /// <summary>The first instant after <paramref name="utc"/> where <see cref="IsWorking"/> changes (or a week later if it never does).</summary>
    public DateTime NextChange(DateTime utc)
    {
        var working = IsWorking(utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).Date;
        var best = DateTime.MaxValue;
        for (var d = -1; d <= 8; d++)
        {
            var day = local.AddDays(d);
            foreach (var candidate in (ReadOnlySpan<DateTime>)[day.Add(Start.ToTimeSpan()), day.Add(End.ToTimeSpan()), day])
            {
                var at = ToUtc(candidate);
                if (at > utc && at < best && IsWorking(at) != working)
                {
                    best = at;
                }
            }
        }

        return best == DateTime.MaxValue ? utc.AddDays(7) : best;
    }

    private DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a daylight-saving jump does not exist; the shift starts at the first one after it.
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }
}
