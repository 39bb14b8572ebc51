namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Working calendar of the plant: the shifts worked on each working day, which weekdays are working days, public
/// holidays, and make-up working days (调休上班日) that fall on a weekend.
/// </summary>
public sealed class ShiftCalendarConfig
{
    /// <summary>Shifts worked on every working day; a shift whose end is not after its start ends the next day.</summary>
    public List<ShiftConfig> Shifts { get; set; } = [];

    /// <summary>Working weekdays, as English day names ("monday" … "sunday").</summary>
    public List<string> WorkingDays { get; set; } = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>Plant-local dates that are not worked even though they fall on a working weekday.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Plant-local dates that are worked even though they fall on a non-working weekday.</summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];
}
