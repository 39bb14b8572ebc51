using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Per-equipment collection figures of one day, from the raw rows alone (so a verifier recomputes them from the
/// bundle's CSV): samples stored, poll cycles attempted and good, minutes without any poll cycle (agent not
/// collecting), and offline intervals from the status timeline.
/// </summary>
public static class CollectionFigures
{
    /// <summary>
    /// The <c>collection</c> member of a daily record: one object per configured equipment, in id order.
    /// <paramref name="onlineAtStart"/> gives each source's state when the day began (from the last event before it).
    /// </summary>
    public static JsonArray Compute(AgentConfig config, DayBounds day, IReadOnlyList<RawSample> samples, IReadOnlyList<RawStatusEvent> statusEvents,
        IReadOnlyList<RawCycle> cycles, IReadOnlyDictionary<string, bool> onlineAtStart)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(statusEvents);
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(onlineAtStart);

        var sampleCounts = CountSamples(samples);

        var cyclesBySource = cycles.GroupBy(c => c.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var eventsBySource = statusEvents.GroupBy(e => e.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var result = new JsonArray();
        foreach (var equipment in config.Equipment.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var (all, good) = sampleCounts.GetValueOrDefault(equipment.Id);
            var item = new JsonObject
            {
                ["equipment"] = equipment.Id,
                ["source"] = equipment.Source,
                ["samples"] = all,
                ["goodSamples"] = good,
            };
            if (equipment.Source is { } source)
            {
                AddCycles(item, day, cyclesBySource.GetValueOrDefault(source) ?? []);
                bool? start = onlineAtStart.TryGetValue(source, out var s) ? s : null;
                AddOffline(item, day, start, eventsBySource.GetValueOrDefault(source) ?? []);
            }

            result.Add(item);
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, (long All, long Good)> CountSamples(IReadOnlyList<RawSample> samples)
    {
        var counts = new Dictionary<string, (long All, long Good)>(StringComparer.Ordinal);
        string? last = null;
        long all = 0;
        long good = 0;
        foreach (var s in samples)
        {
            // Rows of one equipment come in runs (a poll cycle): count a run, then add it once.
            if (!ReferenceEquals(s.Equipment, last) && !string.Equals(s.Equipment, last, StringComparison.Ordinal))
            {
                Flush();
                last = s.Equipment;
            }

            all++;
            good += s.Quality == 0 ? 1 : 0;
        }

        Flush();
        return counts;

        void Flush()
        {
            if (last is not null)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, last, out _);
                entry = (entry.All + all, entry.Good + good);
            }

            all = 0;
            good = 0;
        }
    }

    private static void AddCycles(JsonObject item, DayBounds day, List<RawCycle> cycles)
    {
        long attempts = 0;
        long good = 0;
        var distinct = new long[cycles.Count];
        for (var i = 0; i < cycles.Count; i++)
        {
            attempts += cycles[i].Attempts;
            good += cycles[i].Good;
            distinct[i] = cycles[i].MinuteMs;
        }

        // The distinct minutes in ascending order (what a SortedSet would hold).
        Array.Sort(distinct);
        var count = distinct.Length == 0 ? 0 : 1;
        for (var i = 1; i < distinct.Length; i++)
        {
            if (distinct[i] != distinct[count - 1])
            {
                distinct[count++] = distinct[i];
            }
        }

        var minutes = new ArraySegment<long>(distinct, 0, count);

        item["cycles"] = new JsonObject
        {
            ["attempts"] = attempts,
            ["good"] = good,
            ["availability"] = attempts == 0 ? null : (double)good / attempts,
            ["minutes"] = minutes.Count,
        };
        item["minutesWithoutCycles"] = day.Minutes - minutes.Count;

        // Runs of minutes with no cycle row at all: the agent was not collecting from this source.
        var gaps = new JsonArray();
        long expected = day.StartMs;
        foreach (var minute in minutes.Append(day.EndMs))
        {
            if (minute > expected)
            {
                gaps.Add(new JsonObject { ["from"] = expected, ["to"] = minute });
            }

            expected = Math.Max(expected, minute + 60_000);
        }

        item["noCollection"] = gaps;
    }

    private static void AddOffline(JsonObject item, DayBounds day, bool? onlineAtStart, List<RawStatusEvent> events)
    {
        var intervals = new JsonArray();
        bool? online = onlineAtStart;
        long since = day.StartMs;
        string reason = "offline when the day began";
        long offlineMs = 0;
        foreach (var e in events.OrderBy(e => e.TimestampMs))
        {
            if (online == false && e.Online)
            {
                intervals.Add(new JsonObject { ["from"] = since, ["to"] = e.TimestampMs, ["reason"] = reason });
                offlineMs += e.TimestampMs - since;
            }
            else if (online != false && !e.Online)
            {
                since = e.TimestampMs;
                reason = e.Reason;
            }

            online = e.Online;
        }

        if (online == false)
        {
            intervals.Add(new JsonObject { ["from"] = since, ["to"] = day.EndMs, ["reason"] = reason });
            offlineMs += day.EndMs - since;
        }

        item["onlineAtStart"] = onlineAtStart;
        item["onlineAtEnd"] = online;
        item["offline"] = intervals;
        item["offlineSeconds"] = offlineMs / 1000.0;
    }
}
