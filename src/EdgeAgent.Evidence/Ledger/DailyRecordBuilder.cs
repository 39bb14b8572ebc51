using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Builds the daily record (docs/evidence.md, "Daily record"): who and which day, the config fingerprint and agent
/// version, clock state, per-equipment collection figures, the day digest and the indicators. Pure: every input,
/// including the time the record is made, is an argument.
/// </summary>
public sealed class DailyRecordBuilder
{
    /// <summary>Value of the record's <c>schema</c> member.</summary>
    public const string Schema = "edgeagent/daily-record/1";

    private readonly AgentConfig _config;
    private readonly TimeZoneInfo _zone;
    private readonly string _fingerprint;

    /// <summary>A builder for the plant in <paramref name="config"/>.</summary>
    public DailyRecordBuilder(AgentConfig config, string agentVersion, DayRollupFunction? rollups = null, ThresholdCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
        _fingerprint = EffectiveConfig.Fingerprint(config);
        AgentVersion = agentVersion;
        Rollups = rollups;
        Catalogue = catalogue ?? ThresholdCatalogue.Default;
    }

    /// <summary>The plant's time zone.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>Fingerprint of the effective configuration.</summary>
    public string ConfigFingerprint => _fingerprint;

    /// <summary>Agent version written into records.</summary>
    public string AgentVersion { get; }

    /// <summary>The rollup builder the indicators are computed from, or null (indicators not computed).</summary>
    public DayRollupFunction? Rollups { get; }

    /// <summary>The thresholds catalogue.</summary>
    public ThresholdCatalogue Catalogue { get; }

    /// <summary>Builds a record.</summary>
    /// <param name="data">The day's raw rows (samples in insertion order, for the clock checks).</param>
    /// <param name="kind">One of <see cref="DailyRecordKind"/>.</param>
    /// <param name="chain">Sequence number, previous record hash and superseded record (null for a provisional record).</param>
    /// <param name="createdAtMs">Agent clock when the record is made, UTC unix milliseconds.</param>
    /// <param name="newestStoredMs">Newest sample time in the whole database (clock check), or null.</param>
    /// <param name="outputFacts">Entered output facts the energy indicators use.</param>
    public JsonObject Build(DayRawData data, string kind, LedgerChain? chain, long createdAtMs, long? newestStoredMs, IReadOnlyList<OutputFact> outputFacts)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outputFacts);
        var (indicators, status) = DayIndicators.Compute(_config, data, _zone, Rollups, outputFacts, Catalogue);
        return new JsonObject
        {
            ["schema"] = Schema,
            ["kind"] = kind,
            ["seq"] = chain?.Seq,
            ["prev"] = chain?.PreviousHash,
            ["supersedes"] = chain?.Supersedes is { } s ? new JsonObject { ["seq"] = s.Seq, ["recordHash"] = s.RecordHash } : null,
            ["site"] = _config.Site.Id,
            ["agentId"] = _config.Site.AgentId,
            ["day"] = DayBounds.Format(data.Bounds.Day),
            ["timeZone"] = _config.Site.TimeZone,
            ["dayStart"] = data.Bounds.StartMs,
            ["dayEnd"] = data.Bounds.EndMs,
            ["createdAt"] = DayBounds.Iso(createdAtMs),
            ["agentVersion"] = AgentVersion,
            ["configFingerprint"] = _fingerprint,
            ["clock"] = Clock(data, createdAtMs, newestStoredMs),
            ["collection"] = CollectionFigures.Compute(_config, data.Bounds, data.Samples, data.StatusEvents, data.Cycles, data.OnlineAtStart),
            ["digest"] = data.Digest().ToJson(),
            ["outputFacts"] = DayIndicators.FactsToJson(outputFacts),
            ["indicatorsStatus"] = status,
            ["indicators"] = indicators,
        };
    }

    private static JsonObject Clock(DayRawData data, long createdAtMs, long? newestStoredMs)
    {
        long? first = null;
        long? last = null;
        long backwardSteps = 0;
        long largestBackward = 0;
        var lastByTag = new Dictionary<(string, string), long>();
        foreach (var s in data.Samples)
        {
            first = first is null ? s.TimestampMs : Math.Min(first.Value, s.TimestampMs);
            last = last is null ? s.TimestampMs : Math.Max(last.Value, s.TimestampMs);

            // In storage order a tag's time only moves forward; a step back means a device or agent clock was set back.
            var key = (s.Equipment, s.Tag);
            if (lastByTag.TryGetValue(key, out var previous) && s.TimestampMs < previous)
            {
                backwardSteps++;
                largestBackward = Math.Max(largestBackward, previous - s.TimestampMs);
            }

            lastByTag[key] = Math.Max(previous, s.TimestampMs);
        }

        return new JsonObject
        {
            ["firstSample"] = first,
            ["lastSample"] = last,
            ["backwardSteps"] = backwardSteps,
            ["largestBackwardStepMs"] = largestBackward,
            ["timeWentBackwards"] = backwardSteps > 0,
            ["createdAfterDayEnd"] = createdAtMs >= data.Bounds.EndMs,
            ["newestStoredSample"] = newestStoredMs,
            ["newestStoredAheadOfClock"] = newestStoredMs is { } n && n > createdAtMs,
        };
    }
}
