using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>Deletes raw data older than the retention period at start and then every retention interval, in small batches.</summary>
public sealed partial class RetentionService : BackgroundService
{
    private readonly SqliteStorage _storage;
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionService> _logger;

    public RetentionService(SqliteStorage storage, IOptions<SqliteStorageOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RetentionInterval, _time);
        try
        {
            do
            {
                var cutoff = _time.GetUtcNow().UtcDateTime.AddDays(-_options.RetentionDays);
                try
                {
                    await _storage.DeleteOlderThanAsync(cutoff, _options.RetentionBatchRows, stoppingToken).ConfigureAwait(false);
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
        [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Retention pass failed; it is retried at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
