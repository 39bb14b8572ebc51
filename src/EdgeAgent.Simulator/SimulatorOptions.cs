namespace EdgeAgent.Simulator;

/// <summary>How the simulated plant behaves.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Seed of the plant's random behaviour: the same seed and times give the same plant.</summary>
    public int Seed { get; set; } = 20261122;

    /// <summary>
    /// Sources that drop off the network now and then. Null = the second robot's source if there is one, else the last
    /// modbus source; empty = none.
    /// </summary>
    public IReadOnlyList<string>? FlakySources { get; set; }

    /// <summary>How often a flaky source drops off.</summary>
    public TimeSpan FlakyPeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long it stays off the network each time.</summary>
    public TimeSpan FlakyDowntime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the real-time loop advances the plant.</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Local working hours (site time zone) on working days: machines are off outside them.</summary>
    public TimeOnly ShiftStart { get; set; } = new(6, 0);

    public TimeOnly ShiftEnd { get; set; } = new(22, 0);

    /// <summary>Whether Saturday and Sunday are working days.</summary>
    public bool WorkWeekends { get; set; }

    /// <summary>Options for a live demonstration: the plant works around the clock so there is always something to see.</summary>
    public static SimulatorOptions Demo() => new() { ShiftStart = TimeOnly.MinValue, ShiftEnd = TimeOnly.MaxValue, WorkWeekends = true };
}
