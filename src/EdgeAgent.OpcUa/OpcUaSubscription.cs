using System.Threading.Channels;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa;

/// <summary>
/// A server-side subscription and its monitored items. Changes arrive in <see cref="Changes"/>; the reader
/// completes normally when the subscription or client is disposed, and throws the <see cref="OpcUaException"/>
/// that ended it when the connection is lost or the server expires the subscription.
/// <para>
/// Notification sequence numbers are tracked: a gap (a lost Publish response) is filled with Republish, and
/// every delivered notification is acknowledged with the next Publish request.
/// </para>
/// </summary>
public sealed class OpcUaSubscription : IAsyncDisposable
{
    private readonly OpcUaClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<DataChange> _changes;
    private readonly Dictionary<uint, (MonitoredNode Node, NodeId NodeId)> _handles = [];
    private readonly SemaphoreSlim _processLock = new(1, 1);
    private readonly SortedSet<uint> _missing = [];
    private readonly Dictionary<uint, NotificationMessage> _held = [];
    private readonly List<DataChange> _decoded = [];
    private readonly List<(uint ClientHandle, DataValue Value)> _notified = [];
    private IReadOnlyList<MonitoredItemResult> _items = [];
    private uint _nextSequenceNumber = 1;
    private long _lastPublishTimestamp;
    private int _disposed;

    internal OpcUaSubscription(OpcUaClient client, CreateSubscriptionResponse created, SubscriptionOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _time = time;
        _logger = logger;
        Id = created.SubscriptionId;
        PublishingInterval = TimeSpan.FromMilliseconds(created.RevisedPublishingInterval);
        KeepAliveCount = created.RevisedMaxKeepAliveCount;
        LifetimeCount = created.RevisedLifetimeCount;
        _changes = Channel.CreateBounded<DataChange>(new BoundedChannelOptions(Math.Max(options.ChannelCapacity, 1))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = true,
        });
        _lastPublishTimestamp = time.GetTimestamp();
    }

    /// <summary>The server's subscription id.</summary>
    public uint Id { get; }

    /// <summary>The publishing interval granted by the server.</summary>
    public TimeSpan PublishingInterval { get; private set; }

    /// <summary>The keep-alive count granted by the server.</summary>
    public uint KeepAliveCount { get; private set; }

    /// <summary>The lifetime count granted by the server.</summary>
    public uint LifetimeCount { get; private set; }

    /// <summary>One result per requested node, in request order.</summary>
    public IReadOnlyList<MonitoredItemResult> Items => _items;

    /// <summary>The reported changes.</summary>
    public ChannelReader<DataChange> Changes => _changes.Reader;

    /// <summary>How many notification messages were recovered with Republish after a gap.</summary>
    public int RepublishedCount { get; private set; }

    /// <summary>How many notification messages were lost for good (the server no longer had them).</summary>
    public int LostMessageCount { get; private set; }

    /// <summary>How long the server may stay silent (keep-alive period plus a publishing interval of slack).</summary>
    internal TimeSpan KeepAlivePeriod => PublishingInterval * (KeepAliveCount + 1);

    internal TimeSpan SinceLastPublish => _time.GetElapsedTime(Interlocked.Read(ref _lastPublishTimestamp));

    /// <summary>Changes the publishing interval and counts (ModifySubscription).</summary>
    public async Task ModifyAsync(TimeSpan publishingInterval, uint keepAliveCount, uint lifetimeCount, CancellationToken cancellationToken = default)
    {
        var response = await _client.CallAsync<ModifySubscriptionResponse>(
            new ModifySubscriptionRequest
            {
                SubscriptionId = Id,
                RequestedPublishingInterval = publishingInterval.TotalMilliseconds,
                RequestedMaxKeepAliveCount = keepAliveCount,
                RequestedLifetimeCount = Math.Max(lifetimeCount, keepAliveCount * 3),
            },
            cancellationToken).ConfigureAwait(false);
        PublishingInterval = TimeSpan.FromMilliseconds(response.RevisedPublishingInterval);
        KeepAliveCount = response.RevisedMaxKeepAliveCount;
        LifetimeCount = response.RevisedLifetimeCount;
        Interlocked.Exchange(ref _lastPublishTimestamp, _time.GetTimestamp());
    }

    internal void SetItems(IReadOnlyList<MonitoredItemResult> items) => _items = items;

    internal void RegisterHandle(uint clientHandle, MonitoredNode node, NodeId nodeId) => _handles[clientHandle] = (node, nodeId);

    /// <summary>
    /// Handles one notification message (from Publish or Republish); returns the sequence numbers to acknowledge.
    /// Keep-alives carry the next sequence number, so they reveal lost messages too.
    /// </summary>
    internal async Task<IReadOnlyList<uint>> ProcessAsync(NotificationMessage message, bool republished, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastPublishTimestamp, _time.GetTimestamp());
        var sequence = message.SequenceNumber;
        var isKeepAlive = message.NotificationData.Length == 0;
        List<uint>? gap = null;
        await _processLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (isKeepAlive)
            {
                gap = NoteGap(sequence);
                if (gap is null)
                {
                    return [];
                }
            }
            else if (sequence == _nextSequenceNumber || _missing.Remove(sequence))
            {
                if (sequence == _nextSequenceNumber)
                {
                    _nextSequenceNumber = unchecked(sequence + 1);
                }

                await DeliverInOrderAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else if (IsAhead(sequence, _nextSequenceNumber))
            {
                gap = NoteGap(sequence);
                _nextSequenceNumber = unchecked(sequence + 1);
                await DeliverInOrderAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // A duplicate (already delivered, e.g. republished and then arrived late): acknowledge only.
                return republished ? [] : [sequence];
            }
        }
        finally
        {
            _processLock.Release();
        }

        if (gap is { Count: > 0 })
        {
            _ = RecoverAsync(gap);
        }

        return isKeepAlive || republished ? [] : [sequence];
    }

    private static bool IsAhead(uint sequence, uint expected) => unchecked((int)(sequence - expected)) > 0;

    /// <summary>
    /// Delivers <paramref name="message"/> unless an earlier one is still missing, in which case it is held until that
    /// one arrives (late, or republished) or is given up for lost; then delivers what was held behind it. So changes
    /// reach <see cref="Changes"/> in the server's order even though several Publish responses are handled at once.
    /// Called under the process lock.
    /// </summary>
    /// <remarks>Sequence numbers are compared without wrap-around here: they wrap after 2^32 messages (years).</remarks>
    private async Task DeliverInOrderAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        if (_missing.Count > 0 && IsAhead(message.SequenceNumber, _missing.Min))
        {
            _held[message.SequenceNumber] = message;
            return;
        }

        await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
        await DeliverHeldAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Delivers, in order, the held messages no missing one comes before. Called under the process lock.</summary>
    private async Task DeliverHeldAsync(CancellationToken cancellationToken)
    {
        while (_held.Count > 0)
        {
            var first = _held.Keys.Min();
            if (_missing.Count > 0 && IsAhead(first, _missing.Min))
            {
                return;
            }

            _held.Remove(first, out var next);
            await DeliverAsync(next!, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<uint>? NoteGap(uint next)
    {
        if (!IsAhead(next, _nextSequenceNumber))
        {
            return null;
        }

        var missing = new List<uint>();
        for (var s = _nextSequenceNumber; s != next && missing.Count < 1000; s = unchecked(s + 1))
        {
            if (_missing.Add(s))
            {
                missing.Add(s);
            }
        }

        _nextSequenceNumber = next;
        OpcUaLog.SequenceGap(_logger, Id, missing.Count > 0 ? missing[0] : next, next);
        return missing;
    }

    private async Task RecoverAsync(List<uint> missing)
    {
        // Several Publish requests are outstanding, so responses may be processed slightly out of order: give a
        // late one a moment before asking the server to retransmit.
        var wait = PublishingInterval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : PublishingInterval;
        try
        {
            await Task.Delay(wait > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : wait, _time).ConfigureAwait(false);
            foreach (var sequence in missing)
            {
                if (!_missing.Contains(sequence) || Volatile.Read(ref _disposed) != 0)
                {
                    continue;
                }

                try
                {
                    var response = await _client.CallAsync<RepublishResponse>(new RepublishRequest { SubscriptionId = Id, RetransmitSequenceNumber = sequence }, CancellationToken.None).ConfigureAwait(false);
                    RepublishedCount++;
                    await ProcessAsync(response.NotificationMessage, republished: true, CancellationToken.None).ConfigureAwait(false);
                }
                catch (OpcUaDecodingException ex)
                {
                    // The Republish answer itself cannot be read: the values are lost.
                    LostMessageCount++;
                    OpcUaLog.RepublishFailed(_logger, Id, sequence, ex.StatusCode);
                    Complete(ex);
                    return;
                }
                catch (OpcUaException ex) when (ex is ServiceResultException || _client.IsConnected)
                {
                    // Refused (BadMessageNotAvailable: the server no longer has it) or no answer in time while the
                    // connection lives: lost for good. Never wait on it, or everything held behind it would wait too.
                    LostMessageCount++;
                    OpcUaLog.RepublishFailed(_logger, Id, sequence, ex.StatusCode);
                    await _processLock.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        // Lost for good: what was held behind it goes on.
                        _missing.Remove(sequence);
                        await DeliverHeldAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        _processLock.Release();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OpcUaException or OperationCanceledException or ChannelClosedException)
        {
            // The connection or subscription ended; that is reported through Changes and the client's Completion.
        }
    }

    /// <summary>
    /// Hands a message's data changes to <see cref="Changes"/>. A notification this client cannot decode ends the
    /// subscription with the reason (its owner records the gap and starts afresh) rather than letting it go on as if
    /// nothing had been missed; this holds on every path a message arrives by (Publish, Republish, release after a gap).
    /// </summary>
    private async Task DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverCoreAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OpcUaDecodingException ex)
        {
            OpcUaLog.PublishFailed(_logger, ex.StatusCode, ex);
            Complete(ex);
        }
    }

    private async Task DeliverCoreAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var limits = _client.Options.DecodingLimits;
        foreach (var data in message.NotificationData)
        {
            if (data.Encoding == ExtensionObjectEncoding.Binary && data.Body is { } body && data.TypeId == DataChangeNotification.BinaryEncodingId)
            {
                // Under the process lock, so the one list is reused message after message.
                try
                {
                    DecodeDataChanges(body, limits, _decoded);
                    foreach (var change in _decoded)
                    {
                        if (!_changes.Writer.TryWrite(change))
                        {
                            await _changes.Writer.WriteAsync(change, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                finally
                {
                    _decoded.Clear();
                    _notified.Clear();
                }
            }
            else if (ResponseDecoder.DecodeBody(data, StatusChangeNotification.BinaryEncodingId, static (ref Encoding.BinaryDecoder d) => StatusChangeNotification.Decode(ref d), limits) is { } statusChange)
            {
                OpcUaLog.SubscriptionStatusChanged(_logger, Id, statusChange.Status);
                if (statusChange.Status.IsBad)
                {
                    _changes.Writer.TryComplete(new ServiceResultException(statusChange.Status, "Publish", $"Subscription {Id} ended on the server."));
                }
            }
        }
    }

    /// <summary>Decodes a DataChangeNotification body into the changes of known client handles.</summary>
    private void DecodeDataChanges(byte[] body, Encoding.DecodingLimits limits, List<DataChange> into)
    {
        var decoder = new Encoding.BinaryDecoder(body, limits);
        DataChangeNotification.DecodeItems(ref decoder, _notified);
        foreach (var (clientHandle, value) in _notified)
        {
            if (_handles.TryGetValue(clientHandle, out var target))
            {
                into.Add(new DataChange(target.Node, target.NodeId, value));
            }
        }
    }

    internal void Complete(Exception? error) => _changes.Writer.TryComplete(error);

    /// <summary>Deletes the subscription on the server (when still connected) and completes <see cref="Changes"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _client.RemoveSubscription(this);
        if (_client.IsConnected)
        {
            try
            {
                await _client.CallAsync<DeleteSubscriptionsResponse>(new DeleteSubscriptionsRequest { SubscriptionIds = [Id] }, CancellationToken.None).ConfigureAwait(false);
                OpcUaLog.SubscriptionDeleted(_logger, Id);
            }
            catch (OpcUaException)
            {
                // The session is gone or the server already dropped it: nothing left to delete.
            }
        }

        _changes.Writer.TryComplete();
    }
}
