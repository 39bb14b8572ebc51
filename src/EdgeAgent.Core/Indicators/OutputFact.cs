namespace EdgeAgent.Core.Indicators;

/// <summary>
/// Output entered for a period (from the ERP or the statistics report): value in CNY and units produced over the days
/// <paramref name="From"/>..<paramref name="To"/> (plant-local, inclusive). A fact that only partly overlaps a window
/// counts in proportion to the days it shares with it.
/// </summary>
/// <param name="From">First day the fact covers.</param>
/// <param name="To">Last day the fact covers (inclusive).</param>
/// <param name="ValueCny">Industrial output value (工业产值), CNY.</param>
/// <param name="Units">Units produced, or null when not entered.</param>
public sealed record OutputFact(DateOnly From, DateOnly To, double ValueCny, double? Units)
{
    /// <summary>Days the fact covers.</summary>
    public int Days => To < From ? 0 : To.DayNumber - From.DayNumber + 1;
}
