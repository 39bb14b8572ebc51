using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Storage;

/// <summary>Deletes raw data older than the retention period once an hour, in small batches.</summary>
public sealed partial class RetentionService : BackgroundService
{
    private readonly SqliteStorage _storage;
    private readonly StorageConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;

    public RetentionService(SqliteStorage storage, StorageConfig config, TimeProvider time, ILogger<RetentionService> logger)
    {
        _storage = storage;
        _config = config;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), _time);
        try
        {
            do
            {
                var cutoff = _time.GetUtcNow().UtcDateTime.AddDays(-_config.RetentionDays);
                try
                {
                    await _storage.DeleteOlderThanAsync(cutoff, 5000, stoppingToken).ConfigureAwait(false);
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
        [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Retention pass failed; it is retried in an hour")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
