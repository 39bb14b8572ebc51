namespace EdgeAgent.OpcUa.Server;

/// <summary>How an <see cref="OpcUaServer"/> listens and what it allows.</summary>
public sealed record OpcUaServerOptions
{
    /// <summary>Address to listen on (a simulated device stays on the loopback interface).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="OpcUaServer.Port"/>), kept across stop and start.</summary>
    public int Port { get; init; }

    /// <summary>Path part of the endpoint URL, e.g. "/edgeagent/sim".</summary>
    public string ResourcePath { get; init; } = string.Empty;

    /// <summary>The server's application URI (also namespace 1 of its address space).</summary>
    public string ApplicationUri { get; init; } = "urn:edgeagent:opcua-server";

    /// <summary>The product URI in the server's application description.</summary>
    public string ProductUri { get; init; } = "urn:edgeagent";

    /// <summary>The name clients show for the server.</summary>
    public string ApplicationName { get; init; } = "EdgeAgent OPC UA server";

    /// <summary>More sessions are refused with BadTooManySessions.</summary>
    public int MaxSessions { get; init; } = 50;

    /// <summary>More subscriptions per session are refused with BadTooManySubscriptions.</summary>
    public int MaxSubscriptionsPerSession { get; init; } = 20;

    /// <summary>Shortest publishing (and sampling) interval granted.</summary>
    public TimeSpan MinPublishingInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Shortest and longest session timeout granted.</summary>
    public TimeSpan MinSessionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest session timeout granted.</summary>
    public TimeSpan MaxSessionTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Publish requests a session may queue; older ones are answered BadTooManyPublishRequests.</summary>
    public int MaxPublishRequestsPerSession { get; init; } = 10;

    /// <summary>
    /// Most notifications in one Publish response, whatever the client asks (0 = only the client's limit). The rest
    /// follows at once in answer to the next Publish requests (MoreNotifications), so a subscription with many items
    /// sends several moderate messages per interval instead of one that could exceed a client's message size limits.
    /// </summary>
    public uint MaxNotificationsPerPublish { get; init; } = 10_000;

    /// <summary>Largest monitored item queue granted.</summary>
    public uint MaxQueueSize { get; init; } = 100;

    /// <summary>
    /// Notification messages kept per subscription for Republish after a client lost a Publish response (Part 4
    /// §5.13.6); older ones are answered with BadMessageNotAvailable. 0 keeps none.
    /// </summary>
    public int RetransmissionQueueSize { get; init; } = 32;

    /// <summary>Largest chunk accepted and sent (the client may lower it; minimum 8192).</summary>
    public int BufferSize { get; init; } = 65535;

    /// <summary>Largest reassembled request accepted.</summary>
    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;
}
