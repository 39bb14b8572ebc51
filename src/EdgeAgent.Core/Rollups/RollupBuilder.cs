using System.Globalization;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Core.Rollups;

/// <summary>
/// Computes what each collected piece of equipment did per UTC minute, plant-local hour and plant-local day, from
/// stored samples, status events and cycle counts. Pure and deterministic: the same inputs, in any order, give
/// identical rollups, so a rebuild can always be checked against what was stored or signed.
/// </summary>
/// <remarks>
/// Rules (the "why" of each is in the comments where it is applied):
/// <list type="bullet">
/// <item>Inputs before the range are carry-in only: the last status event at or before the range start gives the
/// initial online state, the last run-state sample gives the initial state, the last good counter reading is the
/// baseline for the first delta.</item>
/// <item><b>Cycles / GoodCycles</b>: the source's recorded cycle counts of the minutes in the period.</item>
/// <item><b>OnlineSeconds</b>: time between an online and the next offline event, counted only in minutes with at
/// least one cycle attempt (a stopped or crashed agent writes no offline event; the missing cycles prove the gap).</item>
/// <item><b>Run/Idle/Down/Off</b>: a run-state sample holds until the next sample of the tag. It is counted only while
/// the source is online and in minutes with at least one good cycle; bad-quality samples and unmapped codes are
/// unknown. Because the recorder stores every change (and a heartbeat), a value not followed by a new sample is
/// unchanged while collection runs. <b>UnknownSeconds</b> is the rest of the period, so the five always add up to its
/// length (including any part of an hour or day outside the range built).</item>
/// <item><b>Counters</b>: deltas between consecutive good readings (see <see cref="CounterDelta"/>), attributed to the
/// minute of the later reading. TotalParts is the total counter, or good + bad when the equipment has none.</item>
/// <item>Hour and day rollups are the sums of their minutes. Equipment without a source has no rollups.</item>
/// </list>
/// </remarks>
public sealed class RollupBuilder
{
    private const int CounterFields = 7;
    private const int GoodField = 0;
    private const int BadField = 1;
    private const int TotalField = 2;

    private readonly TimeZoneInfo _timeZone;
    private readonly List<EquipmentPlan> _plans = [];
    private readonly Dictionary<TagKey, TagPlan> _tags = [];

    public RollupBuilder(AgentConfig config, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
        foreach (var equipment in config.Equipment.Where(e => !string.IsNullOrEmpty(e.Source)).OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (_plans.Any(p => p.Id == equipment.Id))
            {
                continue;
            }

            var plan = new EquipmentPlan(equipment.Id, equipment.Source!);
            foreach (var tag in equipment.Tags)
            {
                var key = new TagKey(equipment.Id, tag.Name);
                if (_tags.ContainsKey(key))
                {
                    continue;
                }

                if (tag.Role == TagRole.RunState && plan.RunState is null)
                {
                    plan.RunState = new TagPlan(tag, -1, StateMap(tag));
                    _tags[key] = plan.RunState;
                }
                else if (CounterField(tag.Role) is var field && field >= 0)
                {
                    var counter = new TagPlan(tag, field, null);
                    plan.Counters.Add(counter);
                    plan.HasTotalCounter |= field == TotalField;
                    plan.HasGoodCounter |= field == GoodField;
                    _tags[key] = counter;
                }
            }

            _plans.Add(plan);
        }

        InputTags = [.. _tags.Keys];
        Sources = [.. _plans.Select(p => p.Source).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The tags whose samples the builder uses (run-state and counters of collected equipment): read only these.</summary>
    public IReadOnlyList<TagKey> InputTags { get; }

    /// <summary>The sources whose status events and cycle counts the builder uses.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>
    /// Rollups of every collected equipment for each UTC minute in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>)
    /// and each plant-local hour and day overlapping it, ordered by equipment id, period and start.
    /// </summary>
    /// <param name="fromUtc">Range start, on a whole minute.</param>
    /// <param name="toUtc">Range end (exclusive), on a whole minute.</param>
    /// <param name="samples">Samples of the range plus carry-in samples before it (others are ignored).</param>
    /// <param name="statusEvents">Events of the range plus at least the last event of each source before it.</param>
    /// <param name="cycles">Cycle counts of the range.</param>
    public IReadOnlyList<EquipmentRollup> Build(DateTime fromUtc, DateTime toUtc, IEnumerable<Sample> samples,
        IEnumerable<StatusEvent> statusEvents, IEnumerable<SourceCycles> cycles)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(statusEvents);
        ArgumentNullException.ThrowIfNull(cycles);
        fromUtc = RollupCalendar.AsUtc(fromUtc);
        toUtc = RollupCalendar.AsUtc(toUtc);
        if (fromUtc.Ticks % TimeSpan.TicksPerMinute != 0 || toUtc.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException("the range must start and end on whole minutes");
        }

        if (toUtc <= fromUtc)
        {
            return [];
        }

        var range = new Range(fromUtc.Ticks, toUtc.Ticks);
        var byTag = new Dictionary<TagKey, List<Sample>>();
        foreach (var sample in samples)
        {
            if (sample.Key is not null && _tags.ContainsKey(sample.Key) && RollupCalendar.AsUtc(sample.TimestampUtc).Ticks < range.To)
            {
                if (!byTag.TryGetValue(sample.Key, out var list))
                {
                    byTag[sample.Key] = list = [];
                }

                list.Add(sample with { TimestampUtc = RollupCalendar.AsUtc(sample.TimestampUtc) });
            }
        }

        var bySource = statusEvents
            .Where(e => e is not null)
            .Select(e => e with { TimestampUtc = RollupCalendar.AsUtc(e.TimestampUtc) })
            .Where(e => e.TimestampUtc.Ticks < range.To)
            .GroupBy(e => e.SourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(EventOrder.Instance).ToList(), StringComparer.Ordinal);

        var cyclesBySource = new Dictionary<string, (long[] Attempts, long[] Good)>(StringComparer.Ordinal);
        foreach (var c in cycles)
        {
            var minute = RollupCalendar.AsUtc(c.MinuteUtc).Ticks;
            minute -= minute % TimeSpan.TicksPerMinute;
            if (c.SourceId is null || minute < range.From || minute >= range.To)
            {
                continue;
            }

            if (!cyclesBySource.TryGetValue(c.SourceId, out var counts))
            {
                cyclesBySource[c.SourceId] = counts = (new long[range.Minutes], new long[range.Minutes]);
            }

            var m = range.MinuteOf(minute);
            counts.Attempts[m] += c.Attempts;
            counts.Good[m] += c.Good;
        }

        var result = new List<EquipmentRollup>();
        var days = RollupCalendar.Days(fromUtc, toUtc, _timeZone).ToList();
        var hours = days.SelectMany(d => RollupCalendar.Hours(d.StartUtc, d.EndUtc, _timeZone))
            .Where(h => h.EndUtc.Ticks > range.From && h.StartUtc.Ticks < range.To)
            .ToList();
        foreach (var plan in _plans)
        {
            var minutes = new MinuteTotals(range.Minutes);
            if (cyclesBySource.TryGetValue(plan.Source, out var counts))
            {
                minutes.Cycles = counts.Attempts;
                minutes.GoodCycles = counts.Good;
            }

            bySource.TryGetValue(plan.Source, out var events);
            List<Sample>? stateSamples = null;
            if (plan.RunState is not null)
            {
                byTag.TryGetValue(new TagKey(plan.Id, plan.RunState.Tag.Name), out stateSamples);
            }

            AccumulateTime(range, minutes, events ?? [], plan.RunState, stateSamples ?? []);
            foreach (var counter in plan.Counters)
            {
                if (byTag.TryGetValue(new TagKey(plan.Id, counter.Tag.Name), out var readings))
                {
                    AccumulateCounter(range, minutes, counter, readings);
                }
            }

            if (!plan.HasTotalCounter)
            {
                for (var m = 0; m < range.Minutes; m++)
                {
                    minutes.Counters[TotalField][m] = minutes.Counters[GoodField][m] + minutes.Counters[BadField][m];
                }
            }
            else if (!plan.HasGoodCounter)
            {
                // Only a total (and maybe a bad) counter, e.g. a robot's cycle count: the good parts are the rest.
                for (var m = 0; m < range.Minutes; m++)
                {
                    minutes.Counters[GoodField][m] = Math.Max(0, minutes.Counters[TotalField][m] - minutes.Counters[BadField][m]);
                }
            }

            for (var m = 0; m < range.Minutes; m++)
            {
                var start = range.From + (m * TimeSpan.TicksPerMinute);
                result.Add(Sum(plan.Id, RollupPeriod.Minute, start, start + TimeSpan.TicksPerMinute, range, minutes));
            }

            foreach (var (startUtc, endUtc) in hours)
            {
                result.Add(Sum(plan.Id, RollupPeriod.Hour, startUtc.Ticks, endUtc.Ticks, range, minutes));
            }

            foreach (var (_, startUtc, endUtc) in days)
            {
                result.Add(Sum(plan.Id, RollupPeriod.Day, startUtc.Ticks, endUtc.Ticks, range, minutes));
            }
        }

        return result;
    }

    /// <summary>Online time and time per run state, minute by minute, in one sweep over both timelines.</summary>
    private static void AccumulateTime(Range range, MinuteTotals minutes, List<StatusEvent> events, TagPlan? runState, List<Sample> stateSamples)
    {
        var online = false;
        var onlineChanges = new List<(long Time, bool Online)>();
        foreach (var e in events)
        {
            if (e.TimestampUtc.Ticks <= range.From)
            {
                online = e.Online;
            }
            else
            {
                onlineChanges.Add((e.TimestampUtc.Ticks, e.Online));
            }
        }

        var state = RunState.Unknown;
        var stateChanges = new List<(long Time, RunState State)>();
        if (runState is not null)
        {
            stateSamples.Sort(SampleOrder.Instance);
            foreach (var s in stateSamples)
            {
                var value = StateOf(runState, s);
                if (s.TimestampUtc.Ticks <= range.From)
                {
                    state = value;
                }
                else
                {
                    stateChanges.Add((s.TimestampUtc.Ticks, value));
                }
            }
        }

        int i = 0, j = 0;
        for (var m = 0; m < range.Minutes; m++)
        {
            var t = range.From + (m * TimeSpan.TicksPerMinute);
            var end = t + TimeSpan.TicksPerMinute;
            var collecting = minutes.Cycles[m] > 0;
            var delivering = minutes.GoodCycles[m] > 0;
            while (t < end)
            {
                while (i < stateChanges.Count && stateChanges[i].Time <= t)
                {
                    state = stateChanges[i++].State;
                }

                while (j < onlineChanges.Count && onlineChanges[j].Time <= t)
                {
                    online = onlineChanges[j++].Online;
                }

                var next = end;
                if (i < stateChanges.Count && stateChanges[i].Time < next)
                {
                    next = stateChanges[i].Time;
                }

                if (j < onlineChanges.Count && onlineChanges[j].Time < next)
                {
                    next = onlineChanges[j].Time;
                }

                var span = next - t;
                if (online && collecting)
                {
                    minutes.Online[m] += span;
                }

                if (online && delivering && state != RunState.Unknown)
                {
                    minutes.States[(int)state - 1][m] += span;
                }

                t = next;
            }
        }
    }

    private static void AccumulateCounter(Range range, MinuteTotals minutes, TagPlan counter, List<Sample> readings)
    {
        // Only good, finite readings count: a bad read is an unknown value, never a zero.
        var good = readings.Where(r => r.Quality == SampleQuality.Good && double.IsFinite(r.Value)).ToList();
        good.Sort(SampleOrder.Instance);
        double? baseline = null;
        var totals = minutes.Counters[counter.Field];
        foreach (var reading in good)
        {
            var ticks = reading.TimestampUtc.Ticks;
            if (ticks < range.From)
            {
                baseline = reading.Value;
                continue;
            }

            if (baseline is not { } previous)
            {
                baseline = reading.Value;
                continue;
            }

            var step = CounterDelta.Step(counter.Tag, previous, reading.Value);
            var m = range.MinuteOf(ticks);
            totals[m] += step.Delta;
            if (step.Reset)
            {
                minutes.Resets[m]++;
            }

            if (!step.KeepBaseline)
            {
                baseline = reading.Value;
            }
        }
    }

    private static EquipmentRollup Sum(string equipmentId, RollupPeriod period, long start, long end, Range range, MinuteTotals minutes)
    {
        // Minutes of the period that lie in the range built; the rest of the period is unknown time.
        var first = (int)Math.Max(0, (start - range.From) / TimeSpan.TicksPerMinute);
        var last = (int)Math.Min(range.Minutes, (end - range.From) / TimeSpan.TicksPerMinute);
        long cycles = 0, goodCycles = 0, online = 0;
        var states = new long[4];
        var counters = new double[CounterFields];
        var resets = 0;
        for (var m = first; m < last; m++)
        {
            cycles += minutes.Cycles[m];
            goodCycles += minutes.GoodCycles[m];
            online += minutes.Online[m];
            for (var s = 0; s < states.Length; s++)
            {
                states[s] += minutes.States[s][m];
            }

            for (var c = 0; c < CounterFields; c++)
            {
                counters[c] += minutes.Counters[c][m];
            }

            resets += minutes.Resets[m];
        }

        var unknown = end - start - states.Sum();
        return new EquipmentRollup(
            equipmentId,
            period,
            new DateTime(start, DateTimeKind.Utc),
            new DateTime(end, DateTimeKind.Utc),
            cycles,
            goodCycles,
            Seconds(online),
            Seconds(states[0]),
            Seconds(states[1]),
            Seconds(states[2]),
            Seconds(states[3]),
            Seconds(unknown),
            counters[0],
            counters[1],
            counters[2],
            counters[3],
            counters[4],
            counters[5],
            counters[6],
            resets);
    }

    private static double Seconds(long ticks) => ticks / (double)TimeSpan.TicksPerSecond;

    private static RunState StateOf(TagPlan plan, Sample sample)
    {
        if (sample.Quality != SampleQuality.Good || plan.States is null)
        {
            return RunState.Unknown;
        }

        if (sample.Text is not null)
        {
            return plan.States.TryGetValue(sample.Text, out var byText) ? byText : RunState.Unknown;
        }

        if (!double.IsFinite(sample.Value))
        {
            return RunState.Unknown;
        }

        // The state map is keyed by the raw code the device reports, so undo scale and offset.
        var scale = plan.Tag.Scale == 0 ? 1 : plan.Tag.Scale;
        var raw = (sample.Value - plan.Tag.Offset) / scale;
        var rounded = Math.Round(raw);
        var code = Math.Abs(raw - rounded) < 1e-9
            ? rounded.ToString("0", CultureInfo.InvariantCulture)
            : raw.ToString("R", CultureInfo.InvariantCulture);
        return plan.States.TryGetValue(code, out var state) ? state : RunState.Unknown;
    }

    private static Dictionary<string, RunState>? StateMap(TagConfig tag)
    {
        if (tag.States is null)
        {
            return null;
        }

        var map = new Dictionary<string, RunState>(StringComparer.Ordinal);
        foreach (var (code, name) in tag.States)
        {
            map[code.Trim()] = name.Trim().ToUpperInvariant() switch
            {
                "RUN" or "RUNNING" => RunState.Run,
                "IDLE" => RunState.Idle,
                "DOWN" or "FAULT" => RunState.Down,
                "OFF" => RunState.Off,
                _ => RunState.Unknown,
            };
        }

        return map;
    }

    private static int CounterField(TagRole role) => role switch
    {
        TagRole.PartCounterGood => GoodField,
        TagRole.PartCounterBad => BadField,
        TagRole.PartCounterTotal => TotalField,
        TagRole.EnergyKwh => 3,
        TagRole.GasM3 => 4,
        TagRole.WaterM3 => 5,
        TagRole.SteamTonnes => 6,
        _ => -1,
    };

    private readonly record struct Range(long From, long To)
    {
        public int Minutes => (int)((To - From) / TimeSpan.TicksPerMinute);

        public int MinuteOf(long ticks) => (int)((ticks - From) / TimeSpan.TicksPerMinute);
    }

    private sealed class TagPlan(TagConfig tag, int field, Dictionary<string, RunState>? states)
    {
        public TagConfig Tag { get; } = tag;

        public int Field { get; } = field;

        public Dictionary<string, RunState>? States { get; } = states;
    }

    private sealed class EquipmentPlan(string id, string source)
    {
        public string Id { get; } = id;

        public string Source { get; } = source;

        public TagPlan? RunState { get; set; }

        public List<TagPlan> Counters { get; } = [];

        public bool HasTotalCounter { get; set; }

        public bool HasGoodCounter { get; set; }
    }

    /// <summary>Per-minute accumulators of one equipment (times in ticks, so sums are exact).</summary>
    private sealed class MinuteTotals
    {
        public MinuteTotals(int minutes)
        {
            Cycles = new long[minutes];
            GoodCycles = new long[minutes];
            Online = new long[minutes];
            States = [new long[minutes], new long[minutes], new long[minutes], new long[minutes]];
            Counters = new double[CounterFields][];
            for (var c = 0; c < CounterFields; c++)
            {
                Counters[c] = new double[minutes];
            }

            Resets = new int[minutes];
        }

        public long[] Cycles { get; set; }

        public long[] GoodCycles { get; set; }

        public long[] Online { get; }

        public long[][] States { get; }

        public double[][] Counters { get; }

        public int[] Resets { get; }
    }

    /// <summary>Total order on samples of one tag, so that input order never changes a result.</summary>
    private sealed class SampleOrder : IComparer<Sample>
    {
        public static readonly SampleOrder Instance = new();

        public int Compare(Sample x, Sample y)
        {
            var c = x.TimestampUtc.Ticks.CompareTo(y.TimestampUtc.Ticks);
            if (c == 0)
            {
                c = x.Quality.CompareTo(y.Quality);
            }

            if (c == 0)
            {
                c = x.Value.CompareTo(y.Value);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.Text, y.Text);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Status, y.Status);
        }
    }

    /// <summary>Total order on status events of one source.</summary>
    private sealed class EventOrder : IComparer<StatusEvent>
    {
        public static readonly EventOrder Instance = new();

        public int Compare(StatusEvent? x, StatusEvent? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var c = x.TimestampUtc.Ticks.CompareTo(y.TimestampUtc.Ticks);
            if (c == 0)
            {
                c = x.Online.CompareTo(y.Online);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Reason, y.Reason);
        }
    }
}
