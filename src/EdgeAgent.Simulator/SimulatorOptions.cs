namespace EdgeAgent.Simulator;

/// <summary>How the simulated plant behaves. Every default gives the realistic plant <c>edgeagent demo</c> shows.</summary>
public sealed class SimulatorOptions
{
    /// <summary>
    /// The options <c>edgeagent demo</c> uses: the flaky machine drops off every ten minutes or so for about a minute,
    /// so someone watching the status page for a while sees it happen.
    /// </summary>
    public static SimulatorOptions Demo() => new()
    {
        FlakyInterval = TimeSpan.FromMinutes(10),
        FlakyDowntime = TimeSpan.FromMinutes(1),

        // A demonstration must show a working plant whenever it is started, weekends and nights included.
        WorkStart = new TimeOnly(0, 0),
        WorkEnd = new TimeOnly(23, 59),
        WorkDays = Enum.GetValues<DayOfWeek>(),
    };

    /// <summary>Seed of all random behaviour: the same seed, configuration and start time give the same plant.</summary>
    public int Seed { get; set; } = 20261122;

    /// <summary>
    /// Sources that drop off the network now and then. Null picks one: the second robot's source, else the second
    /// source that feeds production equipment. An empty list means none.
    /// </summary>
    public IList<string>? FlakySources { get; set; }

    /// <summary>Mean time between two outages of a flaky source (plant time).</summary>
    public TimeSpan FlakyInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Mean length of one outage of a flaky source (plant time).</summary>
    public TimeSpan FlakyDowntime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Local start of the working day (site time zone); each machine starts up to 30 minutes later.</summary>
    public TimeOnly WorkStart { get; set; } = new(7, 30);

    /// <summary>Local end of the working day; each machine stops up to 30 minutes earlier. Before WorkStart = night shift.</summary>
    public TimeOnly WorkEnd { get; set; } = new(23, 0);

    /// <summary>Working days. About a third of the machines (chosen by the seed) also work on Saturday.</summary>
    public IList<DayOfWeek> WorkDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Counter resets to play (a replaced meter, a zeroed part counter).</summary>
    public IList<CounterReset> CounterResets { get; set; } = [];

    /// <summary>
    /// Starting values of cumulative tags, keyed "equipmentId/tagName", in engineering units (after scale/offset).
    /// Tags not listed start at a plausible random level. Set one near the type's maximum to see it wrap.
    /// </summary>
    public IDictionary<string, double> InitialCounters { get; set; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Whether <see cref="SimulatedPlant"/> advances itself with its <see cref="TimeProvider"/>. Turn off to step a
    /// simulated clock with <see cref="SimulatedPlant.AdvanceToAsync"/>.
    /// </summary>
    public bool AutoAdvance { get; set; } = true;

    /// <summary>How often the plant advances itself when <see cref="AutoAdvance"/> is on.</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
