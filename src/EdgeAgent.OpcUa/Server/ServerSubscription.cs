using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// A subscription (Part 4 §5.13.1): each publishing interval it answers a queued Publish request with the data changes
/// of its monitored items, or with a keep-alive after MaxKeepAliveCount quiet intervals. A message carries at most
/// MaxNotificationsPerPublish notifications; the rest goes out at once in answer to the next Publish requests
/// (MoreNotifications), as does data a cycle found no request for. Sent messages stay available for Republish until
/// acknowledged; without Publish requests for LifetimeCount intervals it expires.
/// </summary>
internal sealed class ServerSubscription
{
    private readonly SortedDictionary<uint, NotificationMessage> _sent = [];
    private readonly List<(uint ClientHandle, DataValue Value)> _changes = [];
    private uint _nextSequenceNumber = 1;
    private uint _keepAliveCounter;
    private uint _lifetimeCounter;

    // Notifications wait for the next Publish request: the last message said MoreNotifications, or a cycle had data
    // and no request to answer.
    private bool _waiting;

    public ServerSubscription(uint id, ServerSession session, TimeSpan publishingInterval, uint maxKeepAliveCount, uint lifetimeCount, uint maxNotificationsPerPublish, int retransmissionQueueSize)
    {
        RetransmissionQueueSize = retransmissionQueueSize;
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

    /// <summary>How many sent notification messages are kept for Republish.</summary>
    public int RetransmissionQueueSize { get; }

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
    /// One publishing cycle (under the address space lock). Returns the answers to send (none, one, or several when
    /// the notifications exceed <see cref="MaxNotificationsPerPublish"/> and more Publish requests are queued); sets
    /// <paramref name="expired"/> when the lifetime ran out.
    /// </summary>
    public List<(PendingPublish Request, PublishResponse Response)> Cycle(DateTime now, out bool expired)
    {
        expired = false;
        var answers = new List<(PendingPublish Request, PublishResponse Response)>();
        var hasData = HasNotifications();
        if (!hasData)
        {
            _keepAliveCounter++;
            if (_keepAliveCounter < MaxKeepAliveCount)
            {
                return answers;
            }
        }

        var pending = Session.TakePublish();
        if (pending is null)
        {
            // Nothing to answer with: the data stays queued in the items and goes out with the next Publish request
            // that arrives (the subscription is late); the lifetime runs down.
            _waiting = hasData;
            _lifetimeCounter++;
            expired = _lifetimeCounter >= LifetimeCount;
            return answers;
        }

        _lifetimeCounter = 0;
        _keepAliveCounter = 0;
        if (!hasData)
        {
            // A keep-alive carries the next sequence number without consuming it (Part 4 §5.13.1.1).
            var keepAlive = new NotificationMessage { SequenceNumber = _nextSequenceNumber, PublishTime = now, NotificationData = [] };
            answers.Add((pending, Response(pending, keepAlive, moreNotifications: false)));
            return answers;
        }

        answers.Add((pending, NextMessage(pending, now)));

        // MoreNotifications: the rest goes out at once in answer to the Publish requests already queued.
        while (_waiting && Session.TakePublish() is { } next)
        {
            answers.Add((next, NextMessage(next, now)));
        }

        return answers;
    }

    /// <summary>
    /// A Publish request was queued (under the address space lock): answered at once when notifications are waiting
    /// (the last message said MoreNotifications, or a cycle found data but no request), else null.
    /// </summary>
    public (PendingPublish Request, PublishResponse Response)? TryAnswerNow(DateTime now)
    {
        if (!_waiting || Deleted)
        {
            return null;
        }

        if (!HasNotifications())
        {
            _waiting = false;
            return null;
        }

        var pending = Session.TakePublish();
        if (pending is null)
        {
            return null;
        }

        _lifetimeCounter = 0;
        _keepAliveCounter = 0;
        return (pending, NextMessage(pending, now));
    }

    private bool HasNotifications()
    {
        foreach (var item in Items.Values)
        {
            if (item.HasNotifications)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The next data message: at most <see cref="MaxNotificationsPerPublish"/> (0 = no limit) notifications.</summary>
    private PublishResponse NextMessage(PendingPublish pending, DateTime now)
    {
        var limit = MaxNotificationsPerPublish == 0 ? int.MaxValue : (int)Math.Min(MaxNotificationsPerPublish, int.MaxValue);
        _changes.Clear();
        var more = false;
        foreach (var item in Items.Values)
        {
            if (_changes.Count >= limit)
            {
                if (item.HasNotifications)
                {
                    more = true;
                    break;
                }

                continue;
            }

            item.Drain(_changes, limit);
            more |= item.HasNotifications;
        }

        _waiting = more;
        var message = new NotificationMessage
        {
            SequenceNumber = _nextSequenceNumber,
            PublishTime = now,
            NotificationData = [Wrap(_changes)],
        };
        _changes.Clear();
        _nextSequenceNumber = _nextSequenceNumber == uint.MaxValue ? 1 : _nextSequenceNumber + 1;
        _sent[message.SequenceNumber] = message;
        while (_sent.Count > RetransmissionQueueSize)
        {
            _sent.Remove(_sent.Keys.First());
        }

        return Response(pending, message, more);
    }

    public PublishResponse Response(PendingPublish pending, NotificationMessage message, bool moreNotifications) => new()
    {
        ResponseHeader = new ResponseHeader { Timestamp = DateTime.UtcNow, RequestHandle = pending.RequestHandle },
        SubscriptionId = Id,
        AvailableSequenceNumbers = [.. _sent.Keys],
        MoreNotifications = moreNotifications,
        NotificationMessage = message,
        Results = pending.AcknowledgementResults,
    };

    /// <summary>Drops an acknowledged message from the retransmission queue.</summary>
    public bool Acknowledge(uint sequenceNumber) => _sent.Remove(sequenceNumber);

    /// <summary>A message still held for Republish.</summary>
    public NotificationMessage? Find(uint sequenceNumber) => _sent.GetValueOrDefault(sequenceNumber);

    /// <summary>Encodes a DataChangeNotification straight from the list.</summary>
    private static ExtensionObject Wrap(List<(uint ClientHandle, DataValue Value)> changes)
    {
        using var encoder = new Encoding.BinaryEncoder(64 + (changes.Count * 32));
        DataChangeNotification.EncodeItems(encoder, changes);
        return new ExtensionObject(DataChangeNotification.BinaryEncodingId, ExtensionObjectEncoding.Binary, encoder.WrittenSpan.ToArray());
    }
}
