using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EdgeAgent.Publishing.Outbox;

/// <summary>
/// Delivers one channel's outbox rows strictly in ledger order. The record at the head of the line is retried (Polly
/// exponential backoff with jitter; a receiver's Retry-After wins) until it is delivered or parked; nothing behind it
/// goes out first. Every attempt is persisted (attempts, last error, next attempt time), so a restart resumes with the
/// same record and the same wait.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    private readonly OutboxChannel _channel;
    private readonly Func<IRecordPublisher> _createPublisher;
    private readonly OutboxStore _store;
    private readonly OutboxSignal _signal;
    private readonly OutboxMonitor _monitor;
    private readonly PublishingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _name;

    /// <summary>A dispatcher of <paramref name="channel"/> that sends through publishers made by <paramref name="createPublisher"/>.</summary>
    public OutboxDispatcher(
        OutboxChannel channel,
        Func<IRecordPublisher> createPublisher,
        OutboxStore store,
        OutboxSignal signal,
        OutboxMonitor monitor,
        PublishingOptions options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(createPublisher);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _channel = channel;
        _createPublisher = createPublisher;
        _store = store;
        _signal = signal;
        _monitor = monitor;
        _options = options;
        _time = time;
        _logger = logger;
        _name = OutboxStore.Name(channel);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnabledChannels().Contains(_channel))
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database error or a bug must not end publishing for good: start over with a fresh publisher.
                    PublishingLog.DispatcherFailed(_logger, _name, _options.MaxRetryDelay, ex);
                    _monitor.CountFailure(_channel);
                    _monitor.ReportChannelError(_channel, $"{ex.GetType().Name}: {ex.Message}");
                    await Task.Delay(_options.MaxRetryDelay, _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the record being sent stays pending and goes out first after the restart.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var publisher = _createPublisher();
        await using (publisher.ConfigureAwait(false))
        {
            _monitor.Attach(_channel, publisher);
            _monitor.ReportChannelError(_channel, null);
            PublishingLog.DispatcherStarted(_logger, _name, publisher.Target);
            try
            {
                while (true)
                {
                    // Taken before the look at the table, so a record queued in between still wakes us.
                    var wake = _signal.Next;
                    var item = _store.NextPending(_channel);
                    if (item is null)
                    {
                        try
                        {
                            await wake.WaitAsync(_options.FeedInterval, _time, cancellationToken).ConfigureAwait(false);
                        }
                        catch (TimeoutException)
                        {
                            // Poll anyway: rows may have been added by another process or re-queued by hand.
                        }

                        continue;
                    }

                    await DeliverAsync(publisher, item, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _monitor.Detach(_channel);
            }
        }
    }

    private async Task DeliverAsync(IRecordPublisher publisher, OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.NextAttemptAt is { } due && due > _time.GetUtcNow())
        {
            PublishingLog.Waiting(_logger, _name, item.RecordSeq, due);
            await Task.Delay(due - _time.GetUtcNow(), _time, cancellationToken).ConfigureAwait(false);
        }

        var attempts = item.Attempts;
        var pipeline = new ResiliencePipelineBuilder<DeliveryResult> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<DeliveryResult>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: OperationCanceledException } when cancellationToken.IsCancellationRequested => false,
                    { Exception: not null } => true,
                    { Result.Status: DeliveryStatus.Retry } => true,
                    _ => false,
                }),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                MaxRetryAttempts = int.MaxValue,

                // The receiver knows best when it can take the record again (429, 503 with Retry-After).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after
                    ? (TimeSpan?)(after < TimeSpan.Zero ? TimeSpan.Zero : after > _options.MaxRetryAfter ? _options.MaxRetryAfter : after)
                    : null),
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : args.Outcome.Result?.Error ?? "failed";
                    attempts++;
                    _store.RecordFailure(item.Id, error, _time.GetUtcNow() + args.RetryDelay);
                    _monitor.CountFailure(_channel);
                    PublishingLog.RetryScheduled(_logger, _name, item.RecordSeq, item.Day, error, attempts, args.RetryDelay);
                    return default;
                },
            })
            .Build();

        var result = await pipeline.ExecuteAsync(
            async token => await publisher.DeliverAsync(item, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case DeliveryStatus.Delivered:
                _store.MarkDelivered(item.Id, _time.GetUtcNow());
                PublishingLog.Delivered(_logger, _name, item.RecordSeq, item.Day, attempts + 1);
                break;
            case DeliveryStatus.Park:
                var reason = result.Error ?? "refused";
                _store.Park(item.Id, reason);
                _monitor.CountFailure(_channel);
                PublishingLog.Parked(_logger, _name, item.RecordSeq, item.Day, reason);
                break;
            default:
                // Only reachable when cancelled between attempts: the row stays pending.
                cancellationToken.ThrowIfCancellationRequested();
                break;
        }
    }
}
