using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Core.Rollups;
using System.Runtime.CompilerServices;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>The <see cref="DayRollupFunction"/> over Core's <see cref="RollupBuilder"/>: day rollups from a day's raw rows and carry-in.</summary>
public static class RollupDays
{
    /// <summary>Day rollups of every collected equipment for <paramref name="data"/>'s day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<EquipmentRollup> Build(AgentConfig config, DayRawData data, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        var keys = new Dictionary<(string, string), TagKey>();
        TagKey Key(string equipment, string tag)
        {
            if (!keys.TryGetValue((equipment, tag), out var key))
            {
                keys[(equipment, tag)] = key = new TagKey(equipment, tag);
            }

            return key;
        }

        var samples = data.CarryInSamples.Concat(data.Samples).Select(s => new Sample(
            Key(s.Equipment, s.Tag),
            DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs).UtcDateTime,
            s.Value ?? double.NaN,
            s.Text,
            (SampleQuality)s.Quality,
            s.Status));
        var events = data.CarryInEvents.Concat(data.StatusEvents)
            .Select(e => new StatusEvent(e.Source, DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs).UtcDateTime, e.Online, e.Reason));
        var cycles = data.Cycles.Select(c => new SourceCycles(c.Source, DateTimeOffset.FromUnixTimeMilliseconds(c.MinuteMs).UtcDateTime, c.Attempts, c.Good));
        var builder = new RollupBuilder(config, zone);
        return builder.Build(
                DateTimeOffset.FromUnixTimeMilliseconds(data.Bounds.StartMs).UtcDateTime,
                DateTimeOffset.FromUnixTimeMilliseconds(data.Bounds.EndMs).UtcDateTime,
                samples.ToList(), events.ToList(), cycles.ToList())
            .Where(r => r.Period == RollupPeriod.Day)
            .ToList();
    }
}
