using EdgeAgent.Core.Configuration;
using EdgeAgent.OpcUa;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Collection.OpcUa;

/// <summary>
/// One connected session of a collector: the client, the tags resolved to this server's node ids, and (unless the
/// source polls) the subscription whose latest value per tag waits here for the next cycle. A session is never
/// repaired: once lost it is disposed and the collector opens a new one (new session, new subscription).
/// </summary>
internal sealed class OpcUaSession : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private Dictionary<int, DataValue> _latest = [];
    private Dictionary<int, DataValue> _spare = [];
    private Task _pump = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;
    private LostConnection? _lost;

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
        _pump = PumpAsync(subscription);
    }

    /// <summary>The latest value per tag reported since the last call (and forgets them).</summary>
    public IReadOnlyDictionary<int, DataValue> TakeLatest()
    {
        lock (_lock)
        {
            (_latest, _spare) = (_spare, _latest);
            _latest.Clear();
            return _spare;
        }
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
                if (change.Node.Tag is int index)
                {
                    lock (_lock)
                    {
                        _latest[index] = change.Value;
                    }
                }
            }
        }
        catch (OpcUaException ex)
        {
            // The connection died or the server ended the subscription: either way this session delivers no more.
            MarkLost(ex);
        }
    }

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
