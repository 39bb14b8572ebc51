using System.Collections.Concurrent;

namespace EdgeAgent.Publishing.Outbox;

/// <summary>
/// What the status page and /metrics know about publishing: the outbox's counts (read from the table, so they are
/// right after a restart) and the dispatchers' live state (connected, failures since start). Thread-safe.
/// </summary>
public sealed class OutboxMonitor
{
    private const int ParkedShown = 20;

    private readonly OutboxStore _store;
    private readonly PublishingOptions _options;
    private readonly ConcurrentDictionary<OutboxChannel, IRecordPublisher> _publishers = new();
    private readonly ConcurrentDictionary<OutboxChannel, long> _failures = new();
    private readonly ConcurrentDictionary<OutboxChannel, string> _channelErrors = new();

    /// <summary>A monitor over <paramref name="store"/> for the channels <paramref name="options"/> enables.</summary>
    public OutboxMonitor(OutboxStore store, PublishingOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
    }

    /// <summary>The enabled channels, their counts and live state, and the parked records.</summary>
    public OutboxStatus Snapshot()
    {
        var channels = new List<OutboxChannelStatus>();
        foreach (var channel in _options.EnabledChannels())
        {
            var counts = _store.Counts(channel);
            var head = counts.Pending > 0 ? _store.NextPending(channel) : null;
            _publishers.TryGetValue(channel, out var publisher);
            var connected = publisher?.Connected;
            var error = _channelErrors.TryGetValue(channel, out var channelError) ? channelError
                : head?.LastError is { } headError ? headError
                : connected == false && counts.Pending > 0 ? "not connected; reconnecting (the records wait in the outbox)"
                : null;
            channels.Add(new OutboxChannelStatus(
                OutboxStore.Name(channel),
                publisher?.Target ?? DefaultTarget(channel),
                counts.Pending,
                counts.Delivered,
                counts.Parked,
                counts.LastDeliveredAt?.UtcDateTime,
                connected,
                error,
                head?.Attempts ?? 0,
                head?.NextAttemptAt?.UtcDateTime,
                _failures.GetValueOrDefault(channel)));
        }

        var parked = channels.Any(c => c.Parked > 0)
            ? _store.Parked(ParkedShown).Select(p => new ParkedRecord(OutboxStore.Name(p.Channel), p.RecordSeq, p.Day, p.LastError ?? "refused")).ToList()
            : [];
        return new OutboxStatus(channels.Sum(c => c.Depth), channels.Max(c => c.LastPush), channels, parked);
    }

    internal void Attach(OutboxChannel channel, IRecordPublisher publisher) => _publishers[channel] = publisher;

    internal void Detach(OutboxChannel channel) => _publishers.TryRemove(channel, out _);

    internal void CountFailure(OutboxChannel channel) => _failures.AddOrUpdate(channel, 1, (_, n) => n + 1);

    /// <summary>A failure of the channel itself (publisher cannot be set up, database error), shown until it clears.</summary>
    internal void ReportChannelError(OutboxChannel channel, string? error)
    {
        if (error is null)
        {
            _channelErrors.TryRemove(channel, out _);
        }
        else
        {
            _channelErrors[channel] = error;
        }
    }

    private string DefaultTarget(OutboxChannel channel) => channel == OutboxChannel.Https
        ? _options.Config.Https.Url ?? string.Empty
        : $"{_options.Config.Mqtt.Host}:{_options.Config.Mqtt.Port} {_options.MqttTopic()}";
}
