using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// A subscription (Part 4 §5.13.1): each publishing interval it answers a queued Publish request with the data changes
/// of its monitored items, or with a keep-alive after MaxKeepAliveCount quiet intervals; sent messages stay available
/// for Republish until acknowledged; without Publish requests for LifetimeCount intervals it expires.
/// </summary>
internal sealed class ServerSubscription
{
    private const int RetransmissionQueueSize = 32;
    private readonly SortedDictionary<uint, NotificationMessage> _sent = [];
    private uint _nextSequenceNumber = 1;
    private uint _keepAliveCounter;
    private uint _lifetimeCounter;

    public ServerSubscription(uint id, ServerSession session, TimeSpan publishingInterval, uint maxKeepAliveCount, uint lifetimeCount, uint maxNotificationsPerPublish)
    {
        Id = id;
        Session = session;
        PublishingInterval = publishingInterval;
        MaxKeepAliveCount = maxKeepAliveCount;
        LifetimeCount = lifetimeCount;
        MaxNotificationsPerPublish = maxNotificationsPerPublish;

        // The first cycle answers at once (with a keep-alive when there is nothing to report), so the client learns
        // the subscription works without waiting a whole keep-alive period.
        _keepAliveCounter = maxKeepAliveCount;
    }

    public uint Id { get; }

    public ServerSession Session { get; }

    public TimeSpan PublishingInterval { get; set; }

    public uint MaxKeepAliveCount { get; set; }

    public uint LifetimeCount { get; set; }

    public uint MaxNotificationsPerPublish { get; set; }

    public Dictionary<uint, ServerMonitoredItem> Items { get; } = [];

    public bool Deleted { get; set; }

    /// <summary>Cancels the publishing loop.</summary>
    public CancellationTokenSource Stop { get; } = new();

    public IReadOnlyCollection<uint> AvailableSequenceNumbers => _sent.Keys;

    /// <summary>A Publish request arrived for the session: the client is alive.</summary>
    public void ResetLifetime() => _lifetimeCounter = 0;

    /// <summary>
    /// One publishing cycle (under the address space lock). Returns the answer to send, or null; sets
    /// <paramref name="expired"/> when the lifetime ran out.
    /// </summary>
    public (PendingPublish Request, PublishResponse Response)? Cycle(DateTime now, out bool expired)
    {
        expired = false;
        var changes = new List<(uint ClientHandle, DataValue Value)>();
        var hasData = Items.Values.Any(i => i.HasNotifications);
        if (!hasData)
        {
            _keepAliveCounter++;
            if (_keepAliveCounter < MaxKeepAliveCount)
            {
                return null;
            }
        }

        var pending = Session.TakePublish();
        if (pending is null)
        {
            // Nothing to answer with: the data stays queued in the items; the lifetime runs down.
            _lifetimeCounter++;
            expired = _lifetimeCounter >= LifetimeCount;
            return null;
        }

        _lifetimeCounter = 0;
        _keepAliveCounter = 0;
        NotificationMessage message;
        if (hasData)
        {
            foreach (var item in Items.Values)
            {
                item.Drain(changes);
            }

            message = new NotificationMessage
            {
                SequenceNumber = _nextSequenceNumber,
                PublishTime = now,
                NotificationData = [Wrap(changes)],
            };
            _nextSequenceNumber = _nextSequenceNumber == uint.MaxValue ? 1 : _nextSequenceNumber + 1;
            _sent[message.SequenceNumber] = message;
            while (_sent.Count > RetransmissionQueueSize)
            {
                _sent.Remove(_sent.Keys.First());
            }
        }
        else
        {
            // A keep-alive carries the next sequence number without consuming it (Part 4 §5.13.1.1).
            message = new NotificationMessage { SequenceNumber = _nextSequenceNumber, PublishTime = now, NotificationData = [] };
        }

        return (pending, Response(pending, message));
    }

    public PublishResponse Response(PendingPublish pending, NotificationMessage message) => new()
    {
        ResponseHeader = new ResponseHeader { Timestamp = DateTime.UtcNow, RequestHandle = pending.RequestHandle },
        SubscriptionId = Id,
        AvailableSequenceNumbers = [.. _sent.Keys],
        MoreNotifications = false,
        NotificationMessage = message,
        Results = pending.AcknowledgementResults,
    };

    /// <summary>Drops an acknowledged message from the retransmission queue.</summary>
    public bool Acknowledge(uint sequenceNumber) => _sent.Remove(sequenceNumber);

    /// <summary>A message still held for Republish.</summary>
    public NotificationMessage? Find(uint sequenceNumber) => _sent.GetValueOrDefault(sequenceNumber);

    private static ExtensionObject Wrap(List<(uint ClientHandle, DataValue Value)> changes)
    {
        var notification = new DataChangeNotification
        {
            MonitoredItems = changes.Select(c => new MonitoredItemNotification { ClientHandle = c.ClientHandle, Value = c.Value }).ToArray(),
            DiagnosticInfos = [],
        };
        using var encoder = new Encoding.BinaryEncoder(256);
        notification.Encode(encoder);
        return new ExtensionObject(DataChangeNotification.BinaryEncodingId, ExtensionObjectEncoding.Binary, encoder.WrittenSpan.ToArray());
    }
}
