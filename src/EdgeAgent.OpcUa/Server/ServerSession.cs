namespace EdgeAgent.OpcUa.Server;

/// <summary>A session: created on one secure channel, activated anonymously, owning subscriptions and queued Publish requests.</summary>
internal sealed class ServerSession
{
    public ServerSession(NodeId sessionId, NodeId authenticationToken, string? name, TimeSpan timeout, ServerConnection connection, long now)
    {
        SessionId = sessionId;
        AuthenticationToken = authenticationToken;
        Name = name;
        Timeout = timeout;
        Connection = connection;
        LastActivity = now;
    }

    public NodeId SessionId { get; }

    public NodeId AuthenticationToken { get; }

    public string? Name { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The channel the session is bound to (ActivateSession may move it to another).</summary>
    public ServerConnection Connection { get; set; }

    public bool Activated { get; set; }

    /// <summary>Timestamp (TimeProvider ticks) of the last request.</summary>
    public long LastActivity { get; set; }

    public Dictionary<uint, ServerSubscription> Subscriptions { get; } = [];

    public Queue<PendingPublish> PublishQueue { get; } = new();

    /// <summary>Browse results not yet delivered, by continuation point (hex).</summary>
    public Dictionary<string, (List<Services.ReferenceDescription> References, uint Max)> ContinuationPoints { get; } = [];

    /// <summary>Takes the oldest Publish request whose channel is still open.</summary>
    public PendingPublish? TakePublish()
    {
        while (PublishQueue.TryDequeue(out var pending))
        {
            if (!pending.Connection.IsClosed)
            {
                return pending;
            }
        }

        return null;
    }
}
