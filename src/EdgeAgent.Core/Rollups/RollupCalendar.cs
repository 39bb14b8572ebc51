namespace EdgeAgent.Core.Rollups;

/// <summary>
/// Period boundaries in the plant's time zone. A plant-local day starts at the first UTC minute whose local date is
/// that day (local midnight, or the first valid local time when a DST change skips midnight), so days are 23, 24 or
/// 25 hours long. A local hour starts at every UTC minute whose local time is a whole hour, and at each day start.
/// Every time zone in use today has whole-minute offsets, so minute rollups are both UTC and local minutes.
/// </summary>
public static class RollupCalendar
{
    /// <summary>The plant-local calendar day an instant falls in.</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), timeZone));
    }

    /// <summary>Start of a plant-local day, UTC.</summary>
    public static DateTime DayStartUtc(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);

        // Guess with the base offset, then walk minutes: DST and historical base-offset changes move the true start
        // by at most a few hours, and walking is exact where arithmetic on offsets is not (skipped or repeated midnights).
        var guess = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) - timeZone.BaseUtcOffset;
        var t = guess.AddHours(-6);
        while (LocalDay(t, timeZone) >= day)
        {
            t = t.AddHours(-6);
        }

        while (LocalDay(t, timeZone) < day)
        {
            t = t.AddMinutes(1);
        }

        return t;
    }

    /// <summary>Start of a plant-local day and of the next one, UTC.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) DayBoundsUtc(DateOnly day, TimeZoneInfo timeZone) =>
        (DayStartUtc(day, timeZone), DayStartUtc(day.AddDays(1), timeZone));

    /// <summary>Plant-local days that overlap [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), with their UTC bounds.</summary>
    public static IEnumerable<(DateOnly Day, DateTime StartUtc, DateTime EndUtc)> Days(DateTime fromUtc, DateTime toUtc, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        fromUtc = AsUtc(fromUtc);
        toUtc = AsUtc(toUtc);
        if (toUtc <= fromUtc)
        {
            yield break;
        }

        var day = LocalDay(fromUtc, timeZone);
        var start = DayStartUtc(day, timeZone);
        while (start < toUtc)
        {
            var end = DayStartUtc(day.AddDays(1), timeZone);
            yield return (day, start, end);
            day = day.AddDays(1);
            start = end;
        }
    }

    /// <summary>Local hours of one day (<paramref name="dayStartUtc"/>..<paramref name="dayEndUtc"/>), UTC bounds.</summary>
    public static IEnumerable<(DateTime StartUtc, DateTime EndUtc)> Hours(DateTime dayStartUtc, DateTime dayEndUtc, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var start = AsUtc(dayStartUtc);
        var end = AsUtc(dayEndUtc);
        for (var t = start.AddMinutes(1); t < end; t = t.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(t, timeZone);
            if (local.Minute == 0 && local.Second == 0)
            {
                yield return (start, t);
                start = t;
            }
        }

        if (start < end)
        {
            yield return (start, end);
        }
    }

    internal static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time.ToUniversalTime(),
    };
}
