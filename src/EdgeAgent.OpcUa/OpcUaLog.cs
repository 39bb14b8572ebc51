using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa;

/// <summary>Source-generated log messages of the OPC UA client; event ids 3000–3999.</summary>
internal static partial class OpcUaLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "UA-TCP connected to {EndpointUrl}: send buffer {SendBufferSize}, receive buffer {ReceiveBufferSize}")]
    public static partial void TransportConnected(ILogger logger, string endpointUrl, int sendBufferSize, int receiveBufferSize);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} opened with {SecurityPolicy}, token {TokenId}, lifetime {LifetimeMs} ms")]
    public static partial void ChannelOpened(ILogger logger, uint channelId, string securityPolicy, uint tokenId, uint lifetimeMs);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} renewed: token {TokenId}, lifetime {LifetimeMs} ms")]
    public static partial void ChannelRenewed(ILogger logger, uint channelId, uint tokenId, uint lifetimeMs);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Secure channel {ChannelId} renewal failed")]
    public static partial void ChannelRenewFailed(ILogger logger, uint channelId, Exception exception);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Secure channel {ChannelId} lost: {StatusCode}")]
    public static partial void ChannelFaulted(ILogger logger, uint channelId, StatusCode statusCode, Exception exception);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} closed")]
    public static partial void ChannelClosed(ILogger logger, uint channelId);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Response to request {RequestId} could not be decoded")]
    public static partial void ResponseUndecodable(ILogger logger, uint requestId, Exception exception);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Debug, Message = "Response for unknown request {RequestId} ignored (timed out or cancelled)")]
    public static partial void ResponseOrphaned(ILogger logger, uint requestId);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "{EndpointUrl} refused the secure channel ({StatusCode}); it may not trust our application certificate {Thumbprint} yet")]
    public static partial void SecuredChannelRefused(ILogger logger, string endpointUrl, StatusCode statusCode, string thumbprint);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Session {SessionId} activated on {EndpointUrl} as {Identity}; timeout {SessionTimeoutMs} ms")]
    public static partial void SessionActivated(ILogger logger, NodeId sessionId, string endpointUrl, UserIdentity identity, double sessionTimeoutMs);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Session {SessionId} closed")]
    public static partial void SessionClosed(ILogger logger, NodeId sessionId);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Closing session {SessionId} failed; the server will expire it")]
    public static partial void SessionCloseFailed(ILogger logger, NodeId sessionId, Exception exception);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Connection to {EndpointUrl} lost: {StatusCode}")]
    public static partial void ConnectionLost(ILogger logger, string endpointUrl, StatusCode statusCode, Exception exception);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Debug, Message = "Keep-alive read failed")]
    public static partial void KeepAliveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} created: publishing interval {PublishingIntervalMs} ms, keep-alive count {KeepAliveCount}, {ItemCount} items")]
    public static partial void SubscriptionCreated(ILogger logger, uint subscriptionId, double publishingIntervalMs, uint keepAliveCount, int itemCount);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Monitored item for {NodeId} refused: {StatusCode}")]
    public static partial void MonitoredItemRefused(ILogger logger, object nodeId, StatusCode statusCode);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Information, Message = "Subscription {SubscriptionId}: sequence gap {Expected}..{Received}, republishing")]
    public static partial void SequenceGap(ILogger logger, uint subscriptionId, uint expected, uint received);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: notification {SequenceNumber} could not be republished: {StatusCode}; values may be missing")]
    public static partial void RepublishFailed(ILogger logger, uint subscriptionId, uint sequenceNumber, StatusCode statusCode);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} status change: {StatusCode}")]
    public static partial void SubscriptionStatusChanged(ILogger logger, uint subscriptionId, StatusCode statusCode);

    [LoggerMessage(EventId = 3035, Level = LogLevel.Warning, Message = "Publish failed: {StatusCode}")]
    public static partial void PublishFailed(ILogger logger, StatusCode statusCode, Exception exception);

    [LoggerMessage(EventId = 3036, Level = LogLevel.Debug, Message = "Subscription {SubscriptionId} deleted")]
    public static partial void SubscriptionDeleted(ILogger logger, uint subscriptionId);
}
