using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Closes finished days into the ledger: once at start (days missed while the agent was down) and then shortly after
/// every plant-local midnight (<see cref="LedgerOptions.CloseDelay"/>), so the recorder's last batches are in.
/// </summary>
public sealed class LedgerCloserService : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    private readonly LedgerService _ledger;
    private readonly LedgerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A closer for <paramref name="ledger"/>.</summary>
    public LedgerCloserService(LedgerService ledger, LedgerOptions options, TimeProvider time, ILogger<LedgerCloserService> logger)
    {
        _ledger = ledger;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>When the next pass runs: <see cref="LedgerOptions.CloseDelay"/> after the next plant-local midnight.</summary>
    public static DateTimeOffset NextClose(DateTimeOffset now, TimeZoneInfo zone, TimeSpan delay)
    {
        var today = DayBounds.Of(DayBounds.DayOf(now.ToUnixTimeMilliseconds(), zone), zone);
        var candidate = DateTimeOffset.FromUnixTimeMilliseconds(today.StartMs) + delay;
        return candidate > now ? candidate : DateTimeOffset.FromUnixTimeMilliseconds(today.EndMs) + delay;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = RetryAfterFailure;
                try
                {
                    await _ledger.CloseFinishedDaysAsync(stoppingToken).ConfigureAwait(false);
                    var now = _time.GetUtcNow();
                    var next = NextClose(now, _ledger.Zone, _options.CloseDelay);
                    LedgerLog.NextClose(_logger, next);
                    wait = next - now;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LedgerLog.CloseFailed(_logger, ex);
                }

                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
