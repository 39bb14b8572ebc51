namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// A monitored item on a variable's Value: every change the owner sets passes the item's filter (trigger and absolute
/// deadband) into a bounded queue that the subscription empties each publishing interval.
/// </summary>
internal sealed class ServerMonitoredItem
{
    private readonly Queue<DataValue> _queue = new();
    private DataValue? _lastReported;

    public ServerMonitoredItem(uint id, ServerSubscription subscription, ServerNode node, uint clientHandle, MonitoringMode mode, double samplingInterval, uint queueSize, bool discardOldest, DataChangeTrigger trigger, double absoluteDeadband, TimestampsToReturn timestamps)
    {
        Id = id;
        Subscription = subscription;
        Node = node;
        ClientHandle = clientHandle;
        Mode = mode;
        SamplingInterval = samplingInterval;
        QueueSize = queueSize;
        DiscardOldest = discardOldest;
        Trigger = trigger;
        AbsoluteDeadband = absoluteDeadband;
        Timestamps = timestamps;
    }

    public uint Id { get; }

    public ServerSubscription Subscription { get; }

    public ServerNode Node { get; }

    public uint ClientHandle { get; }

    public MonitoringMode Mode { get; }

    public double SamplingInterval { get; }

    public uint QueueSize { get; }

    public bool DiscardOldest { get; }

    public DataChangeTrigger Trigger { get; }

    public double AbsoluteDeadband { get; }

    public TimestampsToReturn Timestamps { get; }

    public bool HasNotifications => _queue.Count > 0;

    /// <summary>Samples a new value (call under the address space lock); queues it when it passes the filter.</summary>
    public void Offer(DataValue value)
    {
        if (Mode != MonitoringMode.Reporting)
        {
            return;
        }

        if (!Node.IsReadable)
        {
            value = new DataValue(Variant.Null, StatusCodes.BadNotReadable, null, value.ServerTimestamp);
        }

        if (_lastReported is { } last && !Changed(last, value))
        {
            return;
        }

        _lastReported = value;
        if (_queue.Count >= QueueSize)
        {
            if (!DiscardOldest)
            {
                // Keep the oldest: the newest replaces the last queued one (Part 4 §5.12.1.5).
                var kept = _queue.ToArray();
                _queue.Clear();
                foreach (var v in kept.AsSpan(0, kept.Length - 1))
                {
                    _queue.Enqueue(v);
                }
            }
            else
            {
                _queue.Dequeue();
            }
        }

        _queue.Enqueue(value);
    }

    /// <summary>Moves the queued values, oldest first, into <paramref name="into"/> until it holds <paramref name="limit"/> (call under the address space lock).</summary>
    public void Drain(List<(uint ClientHandle, DataValue Value)> into, int limit = int.MaxValue)
    {
        while (into.Count < limit && _queue.TryDequeue(out var value))
        {
            into.Add((ClientHandle, OpcUaServer.WithTimestamps(value, Timestamps)));
        }
    }

    private bool Changed(DataValue last, DataValue value)
    {
        if (last.Status != value.Status)
        {
            return true;
        }

        if (Trigger == DataChangeTrigger.Status)
        {
            return false;
        }

        if (Trigger == DataChangeTrigger.StatusValueTimestamp && last.SourceTimestamp != value.SourceTimestamp)
        {
            return true;
        }

        if (AbsoluteDeadband > 0 && last.Value.ToDouble() is { } before && value.Value.ToDouble() is { } after && !last.Value.IsArray && !value.Value.IsArray)
        {
            return Math.Abs(after - before) > AbsoluteDeadband;
        }

        return last.Value != value.Value;
    }
}
