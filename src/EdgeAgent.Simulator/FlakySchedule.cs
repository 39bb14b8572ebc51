namespace EdgeAgent.Simulator;

/// <summary>
/// When a flaky source is off the network: outages of about <c>downtime</c> every <c>interval</c> or so, drawn from
/// the source's own random stream, so the schedule depends on time alone.
/// </summary>
internal sealed class FlakySchedule
{
    private readonly Random _random;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _downtime;

    public FlakySchedule(int seed, DateTime startUtc, TimeSpan interval, TimeSpan downtime)
    {
        _random = new Random(seed);
        _interval = interval;
        _downtime = downtime;
        var from = startUtc + (interval * Determinism.Between(_random, 0.2, 1.0));
        Current = new SourceOutage(from, from + (downtime * Determinism.Between(_random, 0.5, 1.5)));
    }

    /// <summary>The outage in progress or the next one, as of the last <see cref="IsOnline"/> call.</summary>
    public SourceOutage Current { get; private set; }

    /// <summary>Outages completely over before the time last asked about.</summary>
    public int PastOutages { get; private set; }

    /// <summary>Total length of the outages completely over.</summary>
    public TimeSpan PastDowntime { get; private set; }

    /// <summary>Whether the source is reachable at <paramref name="utc"/>; times must not go backwards across an outage.</summary>
    public bool IsOnline(DateTime utc)
    {
        while (utc >= Current.ToUtc)
        {
            PastOutages++;
            PastDowntime += Current.Duration;
            var from = Current.ToUtc + (_interval * Determinism.Between(_random, 0.5, 1.5));
            Current = new SourceOutage(from, from + (_downtime * Determinism.Between(_random, 0.5, 1.5)));
        }

        return !Current.Contains(utc);
    }
}
