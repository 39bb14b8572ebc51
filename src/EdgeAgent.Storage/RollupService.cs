using EdgeAgent.Core.Rollups;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>
/// Keeps the rollups current: at start it catches up from the last day rolled up (or the oldest raw data), then every
/// rollup interval it rebuilds the current plant-local day so far (and the previous one just after midnight, so the
/// last minutes of a day are never left out).
/// </summary>
public sealed partial class RollupService : BackgroundService
{
    private readonly SqliteStorage _storage;
    private readonly RollupStore? _rollups;
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RollupService> _logger;

    /// <summary>Creates the service; <paramref name="rollups"/> is null when no plant configuration is registered (nothing to roll up).</summary>
    public RollupService(SqliteStorage storage, RollupStore? rollups, IOptions<SqliteStorageOptions> options, TimeProvider time, ILogger<RollupService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _rollups = rollups;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_rollups is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.RollupInterval, _time);
        var catchUp = true;
        try
        {
            do
            {
                var now = _time.GetUtcNow().UtcDateTime;
                try
                {
                    var from = now - _options.RollupInterval - TimeSpan.FromMinutes(2);
                    if (catchUp)
                    {
                        from = _storage.LatestRollupStartUtc(RollupPeriod.Day) ?? _storage.GetInfo().OldestSampleUtc ?? now;
                    }

                    var rows = await _rollups.RebuildAsync(from, now, stoppingToken).ConfigureAwait(false);
                    if (catchUp)
                    {
                        Log.CaughtUp(_logger, from, rows);
                    }

                    catchUp = false;
                }
                catch (StorageException ex)
                {
                    Log.Failed(_logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Rollups rebuilt from the plant-local day containing {FromUtc:u}: {Rows} rows")]
        public static partial void CaughtUp(ILogger logger, DateTime fromUtc, int rows);

        [LoggerMessage(EventId = 6031, Level = LogLevel.Error, Message = "Rollup rebuild failed; it is retried at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
