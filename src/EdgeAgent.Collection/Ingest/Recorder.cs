using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EdgeAgent.Collection.Ingest;

/// <summary>
/// The single reader of the ingest channel: updates live state, filters samples by deadband/heartbeat, counts poll
/// cycles per source and minute, and writes everything to storage in batched transactions. A failed write (full disk,
/// locked file) keeps the batch and retries with backoff; meanwhile the bounded channel fills and slows the collectors,
/// so nothing is dropped silently.
/// </summary>
public sealed partial class Recorder : BackgroundService
{
    private readonly IngestChannel _channel;
    private readonly IIngestSink _sink;
    private readonly LiveState _live;
    private readonly IngestMetrics _metrics;
    private readonly DeadbandFilter _filter;
    private readonly RecorderOptions _options;
    private readonly ILogger<Recorder> _logger;
    private readonly ResiliencePipeline _retry;

    private readonly List<Sample> _samples = [];
    private readonly List<StatusEvent> _events = [];
    private readonly Dictionary<(string Source, DateTime Minute), (int Attempts, int Good)> _cycles = [];
    private int _started;

    public Recorder(
        IngestChannel channel,
        IIngestSink sink,
        LiveState live,
        IngestMetrics metrics,
        DeadbandFilter filter,
        RecorderOptions options,
        TimeProvider time,
        ILogger<Recorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = channel;
        _sink = sink;
        _live = live;
        _metrics = metrics;
        _filter = filter;
        _options = options;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception?.Message ?? "unknown error";
                    _metrics.FlushFailed(_samples.Count, error);
                    Log.WriteFailed(_logger, _samples.Count, args.RetryDelay.TotalSeconds, error);
                    return default;
                },
            })
            .Build();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (_samples.Count < _options.BatchSize && reader.TryRead(out var message))
                {
                    Accept(message);
                }

                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: collectors have stopped (they stop first); drain what they handed over.
        }

        await DrainAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Since .NET 10 BackgroundService schedules ExecuteAsync on the thread pool, and a stop that comes before it
        // ran cancels it unrun. What the collectors handed over must still be stored, so drain here instead.
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    private async Task DrainAsync()
    {
        var reader = _channel.Reader;
        while (reader.TryRead(out var message))
        {
            Accept(message);
            if (_samples.Count >= _options.BatchSize)
            {
                await FlushOnceAsync().ConfigureAwait(false);
            }
        }

        await FlushOnceAsync().ConfigureAwait(false);
    }

    private void Accept(in IngestMessage message)
    {
        if (message.Batch is { } batch)
        {
            _live.Apply(batch);
            _metrics.Received(batch.Samples.Count);
            foreach (var sample in batch.Samples)
            {
                if (_filter.ShouldStore(sample))
                {
                    _samples.Add(sample);
                }
            }

            var minute = new DateTime(batch.TimestampUtc.Ticks - (batch.TimestampUtc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            var key = (batch.SourceId, minute);
            _cycles.TryGetValue(key, out var count);
            _cycles[key] = (count.Attempts + 1, count.Good + (batch.CycleGood ? 1 : 0));
        }
        else if (message.Status is { } status)
        {
            _live.Apply(status);
            _metrics.StatusEvent();
            _events.Add(status);
            if (status.Online)
            {
                Log.Online(_logger, status.SourceId, status.Reason);
            }
            else
            {
                Log.Offline(_logger, status.SourceId, status.Reason);
            }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_samples.Count == 0 && _events.Count == 0 && _cycles.Count == 0)
        {
            return;
        }

        var cycles = PendingCycles();
        await _retry.ExecuteAsync(
            async ct => await _sink.WriteAsync(_samples, _events, cycles, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        Flushed();
    }

    /// <summary>Final flush on shutdown: one attempt, and a loud log line if it fails (the data is reported, not hidden).</summary>
    private async Task FlushOnceAsync()
    {
        if (_samples.Count == 0 && _events.Count == 0 && _cycles.Count == 0)
        {
            return;
        }

        var cycles = PendingCycles();
        try
        {
            await _sink.WriteAsync(_samples, _events, cycles, CancellationToken.None).ConfigureAwait(false);
            Flushed();
        }
        catch (Exception ex)
        {
            _metrics.FlushFailed(_samples.Count, ex.Message);
            Log.FinalWriteFailed(_logger, _samples.Count, _events.Count, ex);
        }
    }

    private List<CycleCount> PendingCycles() =>
        _cycles.Select(c => new CycleCount(c.Key.Source, c.Key.Minute, c.Value.Attempts, c.Value.Good)).ToList();

    private void Flushed()
    {
        _metrics.Flushed(_samples.Count);
        _samples.Clear();
        _events.Clear();
        _cycles.Clear();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Storage write failed; {Pending} samples kept in memory, retrying in {DelaySeconds:F1} s: {Error}")]
        public static partial void WriteFailed(ILogger logger, int pending, double delaySeconds, string error);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Critical, Message = "Final storage write at shutdown failed: {Samples} samples and {Events} status events could not be stored")]
        public static partial void FinalWriteFailed(ILogger logger, int samples, int events, Exception exception);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Source {SourceId} online ({Reason})")]
        public static partial void Online(ILogger logger, string sourceId, string reason);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Source {SourceId} offline: {Reason}")]
        public static partial void Offline(ILogger logger, string sourceId, string reason);
    }
}
