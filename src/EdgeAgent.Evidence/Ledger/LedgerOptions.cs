using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>How the ledger closes days.</summary>
public sealed class LedgerOptions
{
    /// <summary>Agent version written into every record.</summary>
    public string AgentVersion { get; set; } = DefaultVersion();

    /// <summary>How long after local midnight the background closer waits, so the recorder's last batches of the day are stored.</summary>
    public TimeSpan CloseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Closed days re-checked at every pass for late data (a changed digest appends a correction record).</summary>
    public int RecheckDays { get; set; } = 2;

    /// <summary>Most days one pass closes (guards against a clock far in the future).</summary>
    public int MaxDaysPerPass { get; set; } = 1000;

    /// <summary>Builds day rollups from raw rows so records carry indicators (default: Core's rollup builder); null records collection figures only.</summary>
    public DayRollupFunction? Rollups { get; set; } = RollupDays.Build;

    /// <summary>Output facts (entered production value and units) that overlap a day; null reads them from the database's facts.</summary>
    public Func<DateOnly, IReadOnlyList<OutputFact>>? OutputFacts { get; set; }

    private static string DefaultVersion() =>
        typeof(LedgerOptions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
