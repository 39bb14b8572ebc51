namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Every raw row stored for one plant-local day, plus the carry-in from before it: the last status event of each
/// source and, per tag, the last sample and the last good sample (the state and counter baselines a rollup starts from).
/// </summary>
public sealed class DayRawData
{
    private DayDigest? _digest;

    /// <summary>Rows of <paramref name="bounds"/>; samples in storage (insertion) order when read from the database.</summary>
    public DayRawData(DayBounds bounds, IReadOnlyList<RawSample> samples, IReadOnlyList<RawStatusEvent> statusEvents,
        IReadOnlyList<RawCycle> cycles, IReadOnlyList<RawStatusEvent> carryInEvents, IReadOnlyList<RawSample> carryInSamples)
    {
        ArgumentNullException.ThrowIfNull(carryInEvents);
        Bounds = bounds;
        Samples = samples;
        StatusEvents = statusEvents;
        Cycles = cycles;
        CarryInEvents = carryInEvents;
        CarryInSamples = carryInSamples;
        var online = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var e in carryInEvents.OrderBy(e => e.TimestampMs))
        {
            online[e.Source] = e.Online;
        }

        OnlineAtStart = online;
    }

    /// <summary>The day.</summary>
    public DayBounds Bounds { get; }

    /// <summary>Samples with a time inside the day.</summary>
    public IReadOnlyList<RawSample> Samples { get; }

    /// <summary>Status events inside the day, in time order.</summary>
    public IReadOnlyList<RawStatusEvent> StatusEvents { get; }

    /// <summary>Cycle rows of minutes starting inside the day.</summary>
    public IReadOnlyList<RawCycle> Cycles { get; }

    /// <summary>The last status event of each source before the day.</summary>
    public IReadOnlyList<RawStatusEvent> CarryInEvents { get; }

    /// <summary>Per tag, the last sample and the last good sample before the day (one row when they are the same).</summary>
    public IReadOnlyList<RawSample> CarryInSamples { get; }

    /// <summary>Each source's state at the start of the day, where an earlier event says it.</summary>
    public IReadOnlyDictionary<string, bool> OnlineAtStart { get; }

    /// <summary>The day digest of the day's own rows (carry-in excluded), computed once.</summary>
    public DayDigest Digest() => _digest ??= DayDigestBuilder.Compute(Samples, StatusEvents, Cycles);
}
