using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Storage;

/// <summary>
/// Computes the indicator report for a window from stored history: the one path behind
/// <c>edgeagent indicators</c> and <c>GET /api/indicators</c>, so both give the same numbers.
/// </summary>
public sealed class IndicatorQuery
{
    /// <summary>Default window length: the assessments ask for at least 90 days.</summary>
    public const int DefaultWindowDays = 90;

    private readonly SqliteStorage _storage;
    private readonly AgentConfig _config;
    private readonly RollupStore _rollups;
    private readonly TimeZoneInfo _zone;

    public IndicatorQuery(SqliteStorage storage, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _storage = storage;
        _config = config;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
        _rollups = new RollupStore(storage, config, _zone);
    }

    /// <summary>
    /// The window to use when none is given: the last <see cref="DefaultWindowDays"/> days ending on the newest day
    /// with stored data (or on <paramref name="today"/> when nothing is stored yet).
    /// </summary>
    public (DateOnly From, DateOnly To) DefaultWindow(DateOnly today)
    {
        var info = _storage.GetInfo();
        var to = info.NewestSampleUtc is { } newest ? RollupCalendar.LocalDay(newest, _zone) : today;
        return (to.AddDays(-(DefaultWindowDays - 1)), to);
    }

    /// <summary>
    /// Brings the day rollups of the window up to date (days after the newest stored rollup, and the last day of the
    /// window, which may still be open) and computes every indicator.
    /// </summary>
    public async Task<IndicatorReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException("the window ends before it starts", nameof(to));
        }

        var latest = _storage.LatestRollupStartUtc(RollupPeriod.Day) is { } start ? RollupCalendar.LocalDay(start, _zone) : (DateOnly?)null;
        var rebuildFrom = latest is { } l && l >= from ? (l < to ? l : to) : from;
        var info = _storage.GetInfo();
        if (info.OldestSampleUtc is { } oldest && RollupCalendar.LocalDay(oldest, _zone) > rebuildFrom)
        {
            rebuildFrom = RollupCalendar.LocalDay(oldest, _zone);
        }

        if (rebuildFrom <= to && info.NewestSampleUtc is not null)
        {
            await _rollups.RebuildDaysAsync(rebuildFrom, to, cancellationToken).ConfigureAwait(false);
        }

        var days = _rollups.ReadDays(from, to);
        var facts = _storage.ReadOutputFacts(from, to);
        return IndicatorEngine.Compute(_config, days, from, to, facts, ThresholdCatalogue.Default, _zone);
    }
}
