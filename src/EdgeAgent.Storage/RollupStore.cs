using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Storage;

/// <summary>
/// Builds rollups from the stored raw data with <see cref="RollupBuilder"/> and keeps them in the <c>rollups</c> table;
/// reads day rollups for the indicator engine. Work goes one plant-local day at a time (one transaction each, so the
/// recorder is never held up for long and memory stays bounded), always from the day's start, so a day row is never
/// replaced by a partial one.
/// </summary>
public sealed partial class RollupStore
{
    private readonly SqliteStorage _storage;
    private readonly RollupBuilder _builder;
    private readonly TimeZoneInfo _timeZone;
    private readonly ILogger _logger;
    private readonly string[] _equipmentIds;

    public RollupStore(SqliteStorage storage, AgentConfig config, TimeZoneInfo timeZone, ILogger<RollupStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(timeZone);
        _storage = storage;
        _timeZone = timeZone;
        _builder = new RollupBuilder(config, timeZone);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _equipmentIds = [.. config.Equipment.Where(e => !string.IsNullOrEmpty(e.Source)).Select(e => e.Id).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The plant's time zone (day boundaries).</summary>
    public TimeZoneInfo TimeZone => _timeZone;

    /// <summary>(Re)builds the rollups of the plant-local days <paramref name="fromDay"/>..<paramref name="toDay"/> (inclusive).</summary>
    /// <returns>Rollup rows written.</returns>
    public Task<int> RebuildDaysAsync(DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default) =>
        RebuildAsync(RollupCalendar.DayStartUtc(fromDay, _timeZone), RollupCalendar.DayStartUtc(toDay.AddDays(1), _timeZone), cancellationToken);

    /// <summary>
    /// (Re)builds rollups up to <paramref name="toUtc"/> (rounded down to a minute; e.g. now) for every day that
    /// overlaps [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), each from its start. Days whose raw data
    /// retention has already thinned are skipped: their stored rollups are final.
    /// </summary>
    /// <returns>Rollup rows written.</returns>
    public async Task<int> RebuildAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        toUtc = new DateTime(toUtc.Ticks - (toUtc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var retainedFrom = _storage.RetainedFromUtc();
        var written = 0;
        foreach (var (day, start, end) in RollupCalendar.Days(fromUtc, toUtc, _timeZone).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (retainedFrom is { } cutoff && start < cutoff)
            {
                Log.SkippedRetained(_logger, day, cutoff);
                continue;
            }

            var chunkEnd = end < toUtc ? end : toUtc;
            var rollups = Build(start, chunkEnd);
            written += await _storage.ReplaceRollupsAsync(_equipmentIds, start, chunkEnd, rollups, _timeZone, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>Computes (without storing) the rollups of a range from the stored data: what a rebuild would write.</summary>
    public IReadOnlyList<EquipmentRollup> Build(DateTime fromUtc, DateTime toUtc)
    {
        var samples = _storage.ReadTagSamplesWithCarryIn(_builder.InputTags, fromUtc, toUtc);
        var events = _storage.ReadLastStatusEventsBefore(fromUtc).Concat(_storage.ReadStatusEvents(fromUtc, toUtc));
        return _builder.Build(fromUtc, toUtc, samples, events, _storage.ReadSourceCycles(fromUtc, toUtc));
    }

    /// <summary>Stored day rollups of the plant-local days <paramref name="fromDay"/>..<paramref name="toDay"/> (inclusive): the indicator engine's input.</summary>
    public IReadOnlyList<EquipmentRollup> ReadDays(DateOnly fromDay, DateOnly toDay, string? equipmentId = null) =>
        _storage.ReadRollups(RollupPeriod.Day, RollupCalendar.DayStartUtc(fromDay, _timeZone),
            RollupCalendar.DayStartUtc(toDay.AddDays(1), _timeZone), equipmentId);

    /// <summary>Stored rollups of one period starting in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public IReadOnlyList<EquipmentRollup> Read(RollupPeriod period, DateTime fromUtc, DateTime toUtc, string? equipmentId = null) =>
        _storage.ReadRollups(period, fromUtc, toUtc, equipmentId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Rollups of {Day} not rebuilt: raw data before {Cutoff:u} was deleted by retention, the stored rollups are final")]
        public static partial void SkippedRetained(ILogger logger, DateOnly day, DateTime cutoff);
    }
}
