using System.Globalization;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>A plant-local calendar day and its UTC bounds (23, 24 or 25 hours long where daylight saving applies).</summary>
/// <param name="Day">The plant-local day.</param>
/// <param name="StartMs">Local midnight starting the day, UTC unix milliseconds (inclusive).</param>
/// <param name="EndMs">Local midnight ending the day, UTC unix milliseconds (exclusive).</param>
public readonly record struct DayBounds(DateOnly Day, long StartMs, long EndMs)
{
    /// <summary>The bounds of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DayBounds Of(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new DayBounds(day, LocalMidnightMs(day, zone), LocalMidnightMs(day.AddDays(1), zone));
    }

    /// <summary>The plant-local day a UTC instant falls on.</summary>
    public static DateOnly DayOf(long timestampMs, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime, zone));

    /// <summary>The day as YYYY-MM-DD.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses YYYY-MM-DD.</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>UTC instant as ISO 8601 with milliseconds and Z.</summary>
    public static string Iso(long timestampMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Minutes in the day.</summary>
    public long Minutes => (EndMs - StartMs) / 60_000;

    private static long LocalMidnightMs(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where midnight itself is skipped by a clock change the day starts at the first valid local instant.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone)).ToUnixTimeMilliseconds();
    }
}
