using System.Threading.Channels;

namespace EdgeAgent.Mqtt.Session;

/// <summary>
/// The client's session state for outgoing messages: an ordered list of messages that are waiting or
/// in flight, and the packet identifiers in use. It lives in memory only, for the life of the process;
/// the caller's durable outbox is what survives restarts.
/// </summary>
/// <remarks>
/// Order is the list order. The writer always sends the first entry not yet written on the current
/// connection, so after a reconnect the unacknowledged messages go out again first, in their original order.
/// </remarks>
internal sealed class PublishQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<PendingPublish> _entries = new();
    private readonly HashSet<ushort> _idsInUse = [];
    private readonly SemaphoreSlim _slots;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private ushort _lastId;
    private long _retransmissions;

    public PublishQueue(int capacity)
    {
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Wakes the writer: something was queued or acknowledged.</summary>
    public ChannelReader<bool> Signal => _signal.Reader;

    /// <summary>PUBLISH packets written with DUP=1 so far.</summary>
    public long Retransmissions => Interlocked.Read(ref _retransmissions);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async ValueTask<PendingPublish> EnqueueAsync(
        MqttQualityOfService qos,
        string topic,
        Func<ushort, byte[]> encode,
        CancellationToken cancellationToken)
    {
        // Fast path without an await keeps the call order even for callers that do not await each call.
        if (!_slots.Wait(0, CancellationToken.None))
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            PendingPublish entry;
            lock (_gate)
            {
                var id = qos == MqttQualityOfService.AtMostOnce ? (ushort)0 : AllocateId();
                try
                {
                    entry = new PendingPublish(encode(id), qos, id, topic);
                }
                catch
                {
                    _idsInUse.Remove(id);
                    throw;
                }

                _entries.AddLast(entry);
            }

            Notify();
            return entry;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public ushort ReserveId()
    {
        lock (_gate)
        {
            return AllocateId();
        }
    }

    public void ReleaseId(ushort id)
    {
        lock (_gate)
        {
            _idsInUse.Remove(id);
        }
    }

    /// <summary>
    /// Takes the next entry to write on connection <paramref name="generation"/>, or null when none is
    /// waiting or the window of unacknowledged QoS 1 messages is full. Returns whether it is a re-delivery.
    /// </summary>
    public (PendingPublish Entry, bool Duplicate)? TakeNextToSend(int generation, int window)
    {
        lock (_gate)
        {
            var inFlight = 0;
            foreach (var entry in _entries)
            {
                if (entry.SentGeneration == generation)
                {
                    inFlight += entry.Qos == MqttQualityOfService.AtLeastOnce ? 1 : 0;
                    continue;
                }

                if (entry.Qos == MqttQualityOfService.AtLeastOnce && inFlight >= window)
                {
                    return null;
                }

                // DUP is only defined for QoS > 0 (MQTT-3.3.1-2); a QoS 0 message cut off mid-write is simply sent again.
                var duplicate = entry.EverSent && entry.Qos == MqttQualityOfService.AtLeastOnce;
                entry.SentGeneration = generation;
                entry.EverSent = true;
                if (duplicate)
                {
                    _retransmissions++;
                }

                return (entry, duplicate);
            }

            return null;
        }
    }

    /// <summary>A QoS 0 message is done once written.</summary>
    public void CompleteWritten(PendingPublish entry)
    {
        if (Remove(entry))
        {
            entry.Completion.TrySetResult();
        }
    }

    /// <summary>Handles a PUBACK: removes and returns the message it acknowledges, or null when none waits for this identifier.</summary>
    public PendingPublish? Acknowledge(ushort packetId)
    {
        PendingPublish? found = null;
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (entry.PacketId == packetId && entry.SentGeneration != 0 && entry.Qos == MqttQualityOfService.AtLeastOnce)
                {
                    found = entry;
                    break;
                }
            }
        }

        return found is not null && Remove(found) ? found : null;
    }

    /// <summary>
    /// The caller gave up waiting. A message never written is withdrawn; one that may have reached the broker
    /// stays in flight so its packet identifier is not reused before the PUBACK, and may still be delivered.
    /// </summary>
    public void Abandon(PendingPublish entry)
    {
        bool withdraw;
        lock (_gate)
        {
            withdraw = !entry.EverSent;
        }

        if (withdraw)
        {
            Remove(entry);
        }
    }

    /// <summary>
    /// Called after each CONNACK. When the broker has no session for us (Session Present 0) our in-flight
    /// messages are unknown to it: they are sent again as new messages (DUP=0) instead of being discarded,
    /// because losing them would break at-least-once delivery.
    /// </summary>
    public int OnSessionStart(bool sessionPresent)
    {
        lock (_gate)
        {
            var resend = 0;
            foreach (var entry in _entries)
            {
                if (!sessionPresent)
                {
                    entry.EverSent = false;
                }

                resend += entry.SentGeneration != 0 ? 1 : 0;
            }

            return resend;
        }
    }

    public void FailAll(Exception error)
    {
        List<PendingPublish> failed;
        lock (_gate)
        {
            failed = [.. _entries];
            _entries.Clear();
            foreach (var entry in failed)
            {
                _idsInUse.Remove(entry.PacketId);
            }
        }

        foreach (var entry in failed)
        {
            _slots.Release();
            entry.Completion.TrySetException(error);
        }
    }

    public void Notify() => _signal.Writer.TryWrite(true);

    public void Dispose() => _slots.Dispose();

    private bool Remove(PendingPublish entry)
    {
        lock (_gate)
        {
            if (!_entries.Remove(entry))
            {
                return false;
            }

            if (entry.PacketId != 0)
            {
                _idsInUse.Remove(entry.PacketId);
            }
        }

        _slots.Release();
        Notify();
        return true;
    }

    private ushort AllocateId()
    {
        // Identifiers rotate through 1..65535 so a late PUBACK for an abandoned message cannot hit a new one.
        for (var attempts = 0; attempts < ushort.MaxValue; attempts++)
        {
            _lastId = _lastId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastId + 1);
            if (_idsInUse.Add(_lastId))
            {
                return _lastId;
            }
        }

        throw new InvalidOperationException("All 65535 MQTT packet identifiers are in use.");
    }
}
