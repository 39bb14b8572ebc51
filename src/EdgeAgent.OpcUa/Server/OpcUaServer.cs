using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// A minimal OPC UA server (UA-TCP, SecurityPolicy None, anonymous sessions) over a <see cref="ServerAddressSpace"/>,
/// for the simulated plant and for tests. It serves GetEndpoints, CreateSession, ActivateSession, CloseSession, Read,
/// Browse, BrowseNext, TranslateBrowsePathsToNodeIds, CreateSubscription, ModifySubscription, CreateMonitoredItems,
/// Publish, Republish and DeleteSubscriptions; every other service (Write and Call included) is answered
/// BadServiceUnsupported. It can be stopped and started again on the same port, as a device that drops off the
/// network and comes back (sessions do not survive that).
/// </summary>
public sealed partial class OpcUaServer : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<NodeId, ServerSession> _sessions = [];
    private readonly ConcurrentDictionary<ServerConnection, Task> _connections = new();
    private readonly ConcurrentDictionary<ServerSubscription, Task> _publishLoops = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _housekeeping = Task.CompletedTask;
    private uint _nextChannelId;
    private uint _nextSubscriptionId;
    private uint _nextMonitoredItemId;

    /// <summary>Creates a stopped server with an address space holding only the standard nodes.</summary>
    public OpcUaServer(OpcUaServerOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        Options = options ?? new OpcUaServerOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<OpcUaServer>();
        _time = time ?? TimeProvider.System;
        Port = Options.Port;
        AddressSpace = new ServerAddressSpace(Options.ApplicationUri)
        {
            ValueChanged = OnValueChanged,
            SessionCount = () => _sessions.Count,
        };
    }

    /// <summary>How the server listens and what it allows.</summary>
    public OpcUaServerOptions Options { get; }

    /// <summary>The nodes served; add folders and variables and set values at any time.</summary>
    public ServerAddressSpace AddressSpace { get; }

    /// <summary>The port listened on (the free port picked at the first start when the options say 0).</summary>
    public int Port { get; private set; }

    /// <summary>opc.tcp://host:port/path of the one endpoint.</summary>
    public string EndpointUrl => $"opc.tcp://{Options.Host}:{Port}{Options.ResourcePath}";

    /// <summary>Whether the server is listening.</summary>
    public bool IsRunning => _listener is not null;

    /// <summary>Sessions open now.</summary>
    public int SessionCount
    {
        get
        {
            lock (AddressSpace.Sync)
            {
                return _sessions.Count;
            }
        }
    }

    private Lock Sync => AddressSpace.Sync;

    /// <summary>Starts listening (on <see cref="Port"/>, or a free port the first time when it is 0).</summary>
    /// <exception cref="SocketException">The port is taken.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var listener = new TcpListener(IPAddress.Parse(Options.Host), Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _acceptLoop = AcceptLoopAsync(listener, _stop.Token);
        _housekeeping = HousekeepingAsync(_stop.Token);
        ServerLog.Listening(_logger, EndpointUrl);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening, drops every connection and forgets every session (a device going off the network).</summary>
    public async Task StopAsync()
    {
        var listener = Interlocked.Exchange(ref _listener, null);
        if (listener is null)
        {
            return;
        }

        await _stop!.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        List<ServerSession> sessions;
        lock (Sync)
        {
            sessions = [.. _sessions.Values];
            foreach (var session in sessions)
            {
                RemoveSession(session);
            }
        }

        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        await Task.WhenAll(_publishLoops.Values).ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
        await _housekeeping.ConfigureAwait(false);
        _stop.Dispose();
        _stop = null;
        ServerLog.Stopped(_logger, EndpointUrl);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var logger = _loggers.CreateLogger<ServerConnection>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            var connection = new ServerConnection(this, socket, Interlocked.Increment(ref _nextChannelId), logger);
            _connections[connection] = Task.Run(() => connection.RunAsync(cancellationToken), CancellationToken.None);
        }
    }

    internal void OnConnectionClosed(ServerConnection connection) => _connections.TryRemove(connection, out _);

    /// <summary>Forgets sessions whose client has been silent longer than the session timeout (Part 4 §5.6.2).</summary>
    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (Sync)
                {
                    foreach (var session in _sessions.Values.Where(s => _time.GetElapsedTime(s.LastActivity) > s.Timeout).ToList())
                    {
                        RemoveSession(session);
                        ServerLog.SessionClosed(_logger, session.SessionId, "timed out");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnValueChanged(ServerNode node)
    {
        foreach (var item in node.MonitoredItems)
        {
            item.Offer(node.CurrentValue);
        }
    }

    /// <summary>Runs a subscription's publishing cycles until it is deleted or the server stops.</summary>
    private async Task PublishLoopAsync(ServerSubscription subscription)
    {
        try
        {
            using var timer = new PeriodicTimer(subscription.PublishingInterval, _time);
            while (await timer.WaitForNextTickAsync(subscription.Stop.Token).ConfigureAwait(false))
            {
                List<(PendingPublish Request, PublishResponse Response)> answers;
                lock (Sync)
                {
                    if (subscription.Deleted)
                    {
                        break;
                    }

                    if (timer.Period != subscription.PublishingInterval)
                    {
                        timer.Period = subscription.PublishingInterval;
                    }

                    answers = subscription.Cycle(_time.GetUtcNow().UtcDateTime, out var expired);
                    if (expired)
                    {
                        DeleteSubscription(subscription);
                    }
                }

                foreach (var (request, response) in answers)
                {
                    await request.Connection.SendResponseAsync(request.RequestId, response).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _publishLoops.TryRemove(subscription, out _);
        }
    }

    internal static ServiceFault Fault(RequestHeader header, StatusCode status) => new()
    {
        ResponseHeader = new ResponseHeader { Timestamp = DateTime.UtcNow, RequestHandle = header.RequestHandle, ServiceResult = status },
    };
}
