using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing;

/// <summary>Log messages of publishing (event ids 8000–8099).</summary>
internal static partial class PublishingLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Outbox: queued {Rows} deliveries for ledger records {From}..{To} ({Channels})")]
    public static partial void Enqueued(ILogger logger, int rows, long from, long to, string channels);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "Outbox: reading new ledger records failed; will retry")]
    public static partial void FeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Publishing {Channel}: delivering to {Target}")]
    public static partial void DispatcherStarted(ILogger logger, string channel, string target);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Publishing {Channel}: delivered record {Seq} (day {Day}) after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string channel, long seq, string day, int attempts);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Publishing {Channel}: record {Seq} (day {Day}) failed: {Error}; attempt {Attempt}, next in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string channel, long seq, string day, string error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "Publishing {Channel}: record {Seq} (day {Day}) refused and parked: {Reason}. Later records continue; fix the cause, then re-queue it (docs/api.md, Publishing)")]
    public static partial void Parked(ILogger logger, string channel, long seq, string day, string reason);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Error, Message = "Publishing {Channel}: dispatcher failed; restarting in {Delay}")]
    public static partial void DispatcherFailed(ILogger logger, string channel, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Publishing {Channel}: record {Seq} waits until {When:u} (backoff kept across the restart)")]
    public static partial void Waiting(ILogger logger, string channel, long seq, DateTimeOffset when);
}
