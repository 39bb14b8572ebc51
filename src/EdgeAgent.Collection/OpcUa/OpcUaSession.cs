using EdgeAgent.Core.Configuration;
using EdgeAgent.OpcUa;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>
/// One connected session of a collector: the client, the tags resolved to this server's node ids, and (unless the
/// source polls) the subscription whose reported changes wait here, every one of them in arrival order, for the next
/// cycle. A session is never repaired: once lost it is disposed and the collector opens a new one (new session, new
/// subscription).
/// </summary>
/// <remarks>
/// The changes waiting are bounded (<see cref="PendingLimit"/>): when cycles stop taking them (ingest stalled, say by a
/// full disk) the pump stops reading the subscription, its channel fills, the client stops asking the server for
/// notifications and the server queues them. Nothing is dropped here; if the stall outlives the subscription's
/// lifetime the server ends it, the session is lost and the gap goes to the status timeline.
/// </remarks>
internal sealed class OpcUaSession : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private List<(int Index, DataValue Value)> _pending = [];
    private List<(int Index, DataValue Value)> _spare = [];
    private TaskCompletionSource _room = NewRoom();
    private Task _pump = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;
    private LostConnection? _lost;
    private int _lostSeen;

    private OpcUaSession(OpcUaClient client, NodeId?[] nodes, string?[] refused, TimeProvider time)
    {
        Client = client;
        Nodes = nodes;
        Refused = refused;
        _time = time;
    }

    public OpcUaClient Client { get; }

    /// <summary>Per tag (binding index): this server's node id, or null when <see cref="Refused"/> says why not.</summary>
    public NodeId?[] Nodes { get; }

    /// <summary>Per tag: the status name when the tag cannot be read or monitored on this server, else null.</summary>
    public string?[] Refused { get; }

    public OpcUaSubscription? Subscription { get; private set; }

    /// <summary>Whether at least one tag is readable (or monitored): a session without any cannot deliver data.</summary>
    public bool HasReadableTags => Array.Exists(Refused, r => r is null);

    /// <summary>Why and when the connection was lost, or null while it is alive.</summary>
    public LostConnection? Lost => Volatile.Read(ref _lost);

    /// <summary>
    /// Connects, resolves every tag (node ids by namespace URI, browse paths with one TranslateBrowsePathsToNodeIds),
    /// and subscribes unless the source polls. Throws what the connection or the server's refusal threw.
    /// </summary>
    public static async Task<OpcUaSession> OpenAsync(
        SourceConfig source,
        IReadOnlyList<OpcUaTagBinding> bindings,
        OpcUaClientOptions options,
        ILoggerFactory loggers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The client keeps network time (keep-alives, timeouts) on the real clock even when the collector runs on a
        // simulated one: a server answers in real milliseconds however fast simulated time goes.
        var client = await OpcUaClient.ConnectAsync(options, loggers, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        try
        {
            var nodes = new NodeId?[bindings.Count];
            var refused = new string?[bindings.Count];
            await ResolveAsync(client, bindings, nodes, refused, cancellationToken).ConfigureAwait(false);
            var session = new OpcUaSession(client, nodes, refused, time);
            if (!source.Polling)
            {
                await session.SubscribeAsync(source, bindings, options.KeepAliveInterval, cancellationToken).ConfigureAwait(false);
            }

            session._watch = session.WatchAsync();
            return session;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ResolveAsync(OpcUaClient client, IReadOnlyList<OpcUaTagBinding> bindings, NodeId?[] nodes, string?[] refused, CancellationToken cancellationToken)
    {
        var paths = new List<(int Index, IReadOnlyList<QualifiedName> Names)>();
        foreach (var binding in bindings)
        {
            var i = binding.Index;
            if (binding.AddressError is { } error)
            {
                refused[i] = error;
            }
            else if (binding.NodeId is { } nodeId)
            {
                try
                {
                    nodes[i] = client.ResolveNodeId(nodeId);
                }
                catch (OpcUaException ex)
                {
                    // Typically the namespace URI is unknown to this server: this tag is bad, the others still work.
                    refused[i] = ex.StatusCode.Name;
                }
            }
            else
            {
                try
                {
                    paths.Add((i, binding.BrowsePath!.Select(client.ResolveBrowseName).ToArray()));
                }
                catch (OpcUaException ex)
                {
                    refused[i] = ex.StatusCode.Name;
                }
            }
        }

        if (paths.Count == 0)
        {
            return;
        }

        var results = await client.TranslateBrowsePathsAsync(paths.Select(p => (WellKnownNodes.ObjectsFolder, p.Names)).ToArray(), cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < paths.Count; j++)
        {
            var index = paths[j].Index;
            nodes[index] = results[j].Target;
            refused[index] = results[j].Target is null ? results[j].Status.Name : null;
        }
    }

    private async Task SubscribeAsync(SourceConfig source, IReadOnlyList<OpcUaTagBinding> bindings, TimeSpan keepAliveInterval, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(source.PollIntervalMs);
        var monitored = new List<MonitoredNode>();
        foreach (var binding in bindings)
        {
            if (Nodes[binding.Index] is not { } nodeId)
            {
                continue;
            }

            var deadband = binding.Tag.Deadband;
            monitored.Add(new MonitoredNode(new ExpandedNodeId(nodeId))
            {
                SamplingInterval = source.PollIntervalMs,
                QueueSize = 1,
                DeadbandType = deadband > 0 ? DeadbandType.Absolute : DeadbandType.None,
                DeadbandValue = deadband > 0 ? deadband : 0,
                Tag = binding.Index,
            });
        }

        // A keep-alive at least every KeepAliveInterval, so a silent server is noticed within a few of them.
        var keepAliveCount = (uint)Math.Clamp(Math.Ceiling(keepAliveInterval / interval), 1, 1000);
        var subscription = await Client.SubscribeAsync(
            monitored,
            new SubscriptionOptions { PublishingInterval = interval, KeepAliveCount = keepAliveCount, LifetimeCount = keepAliveCount * 6 },
            cancellationToken).ConfigureAwait(false);
        foreach (var item in subscription.Items)
        {
            if (item.Status.IsBad && item.Node.Tag is int index)
            {
                Refused[index] = item.Status.Name;
            }
        }

        Subscription = subscription;

        // Room for a few intervals' worth of changes of every monitored item (queue size 1: about one each per interval)
        // before back-pressure starts; memory stays bounded however long ingest stalls.
        PendingLimit = Math.Max(10_000, monitored.Count * 4);
        _pump = PumpAsync(subscription);
    }

    /// <summary>How many reported changes may wait for a cycle before the pump stops reading the subscription.</summary>
    public int PendingLimit { get; private set; } = 10_000;

    /// <summary>
    /// Every change reported since the last call, in arrival order (per tag, the server's order), as (tag index, value);
    /// the list is reused by the call after next, so the caller is done with it before then.
    /// </summary>
    public IReadOnlyList<(int Index, DataValue Value)> TakeReported()
    {
        TaskCompletionSource room;
        List<(int Index, DataValue Value)> taken;
        lock (_lock)
        {
            _spare.Clear();
            (_pending, _spare) = (_spare, _pending);
            taken = _spare;
            room = _room;
            _room = NewRoom();
        }

        room.TrySetResult();
        return taken;
    }

    /// <summary>
    /// How many notification messages the subscription lost for good (the server no longer had them for Republish)
    /// since the last call.
    /// </summary>
    public int TakeNewlyLostMessages()
    {
        var lost = Subscription?.LostMessageCount ?? 0;
        var fresh = lost - _lostSeen;
        _lostSeen = lost;
        return fresh;
    }

    /// <summary>Records the loss (the first reason wins).</summary>
    public void MarkLost(OpcUaException reason) =>
        Interlocked.CompareExchange(ref _lost, new LostConnection(reason.StatusCode.Name, _time.GetUtcNow().UtcDateTime), null);

    private async Task PumpAsync(OpcUaSubscription subscription)
    {
        try
        {
            await foreach (var change in subscription.Changes.ReadAllAsync().ConfigureAwait(false))
            {
                if (change.Node.Tag is not int index)
                {
                    continue;
                }

                Task? full = null;
                lock (_lock)
                {
                    _pending.Add((index, change.Value));
                    if (_pending.Count >= PendingLimit)
                    {
                        full = _room.Task;
                    }
                }

                if (full is not null)
                {
                    // Back-pressure, not loss: wait for the next cycle to take what is pending.
                    await Task.WhenAny(full, Client.Completion).ConfigureAwait(false);
                }
            }
        }
        catch (OpcUaException ex)
        {
            // The connection died or the server ended the subscription: either way this session delivers no more.
            MarkLost(ex);
        }
    }

    private static TaskCompletionSource NewRoom() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WatchAsync()
    {
        try
        {
            await Client.Completion.ConfigureAwait(false);
        }
        catch (OpcUaException ex)
        {
            MarkLost(ex);
        }
    }

    /// <summary>Closes the session on the server (deleting its subscription) when still reachable.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        await _watch.ConfigureAwait(false);
    }
}
