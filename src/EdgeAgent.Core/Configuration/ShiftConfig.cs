namespace EdgeAgent.Core.Configuration;

/// <summary>One shift: plant-local start and end time and the planned breaks inside it.</summary>
public sealed class ShiftConfig
{
    public string Name { get; set; } = "";

    /// <summary>Plant-local start time ("08:00").</summary>
    public TimeOnly Start { get; set; }

    /// <summary>Plant-local end time ("16:30"); at or before <see cref="Start"/> means the shift ends the next day.</summary>
    public TimeOnly End { get; set; }

    /// <summary>Planned breaks inside the shift (meals, handover): planned downtime, not planned busy time.</summary>
    public double BreakMinutes { get; set; }
}
