using System.Threading.Channels;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;

namespace EdgeAgent.Collection;

/// <summary>
/// What a source collector hands to ingest besides its values, the same for every protocol: one cycle per poll
/// interval (good or not, so collection availability is measured honestly) and a status event on each online/offline
/// transition (none while the state stays the same).
/// </summary>
internal sealed class SourceFeed
{
    private readonly SourceConfig _source;
    private readonly ChannelWriter<IngestMessage> _writer;
    private readonly TimeProvider _time;
    private readonly Action? _onOnline;
    private readonly Lock _stateLock = new();
    private bool? _online;

    /// <summary>A feed for <paramref name="source"/>; <paramref name="onOnline"/> runs on each transition to online, before its status event.</summary>
    public SourceFeed(SourceConfig source, ChannelWriter<IngestMessage> writer, TimeProvider time, Action? onOnline = null)
    {
        _source = source;
        _writer = writer;
        _time = time;
        _onOnline = onOnline;
    }

    /// <summary>Calls <paramref name="pollOnce"/> at once, then every poll interval of the source, until cancelled.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> pollOnce, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_source.PollIntervalMs), _time);
        do
        {
            await pollOnce(cancellationToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A cycle that delivered <paramref name="samples"/>.</summary>
    public ValueTask WriteCycleAsync(DateTime now, IReadOnlyList<Sample> samples, bool good, CancellationToken cancellationToken) =>
        _writer.WriteAsync(IngestMessage.Of(new SampleBatch(_source.Id, now, samples, good)), cancellationToken);

    /// <summary>A cycle that delivered nothing (offline, connecting, or failed).</summary>
    public ValueTask WriteFailedCycleAsync(DateTime now, CancellationToken cancellationToken) =>
        _writer.WriteAsync(IngestMessage.Of(new SampleBatch(_source.Id, now, [], CycleGood: false)), cancellationToken);

    /// <summary>Records the source as online ("connected", now) unless it already is.</summary>
    public async ValueTask MarkOnlineAsync(CancellationToken cancellationToken)
    {
        lock (_stateLock)
        {
            if (_online == true)
            {
                return;
            }

            _online = true;
        }

        _onOnline?.Invoke();
        await _writer.WriteAsync(IngestMessage.Of(new StatusEvent(_source.Id, _time.GetUtcNow().UtcDateTime, true, "connected")), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the source as offline now, for <paramref name="reason"/>, unless it already is.</summary>
    public ValueTask MarkOfflineAsync(string reason, CancellationToken cancellationToken) =>
        WriteOfflineAsync(reason, atUtc: null, cancellationToken);

    /// <summary>Records the source as offline since <paramref name="atUtc"/>, for <paramref name="reason"/>, unless it already is.</summary>
    public ValueTask MarkOfflineAsync(string reason, DateTime atUtc, CancellationToken cancellationToken) =>
        WriteOfflineAsync(reason, atUtc, cancellationToken);

    private async ValueTask WriteOfflineAsync(string reason, DateTime? atUtc, CancellationToken cancellationToken)
    {
        lock (_stateLock)
        {
            if (_online == false)
            {
                return;
            }

            _online = false;
        }

        var at = atUtc ?? _time.GetUtcNow().UtcDateTime;
        await _writer.WriteAsync(IngestMessage.Of(new StatusEvent(_source.Id, at, false, reason)), cancellationToken).ConfigureAwait(false);
    }
}
