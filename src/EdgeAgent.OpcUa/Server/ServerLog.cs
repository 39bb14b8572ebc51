using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Server;

/// <summary>Log messages of the OPC UA server side (event ids 3100–3149).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "OPC UA server listening on {EndpointUrl}")]
    public static partial void Listening(ILogger logger, string endpointUrl);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "OPC UA server on {EndpointUrl} stopped")]
    public static partial void Stopped(ILogger logger, string endpointUrl);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Channel {ChannelId}: Hello for {EndpointUrl}")]
    public static partial void Hello(ILogger logger, uint channelId, string? endpointUrl);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Channel {ChannelId} closed by the client")]
    public static partial void ChannelClosed(ILogger logger, uint channelId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Channel {ChannelId} dropped: {Status} {Reason}")]
    public static partial void ConnectionError(ILogger logger, uint channelId, StatusCode status, string reason);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Channel {ChannelId}: request type {TypeId} is not served (BadServiceUnsupported)")]
    public static partial void ServiceUnsupported(ILogger logger, uint channelId, NodeId typeId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "Session {SessionId} ({Name}) created, timeout {TimeoutMs} ms")]
    public static partial void SessionCreated(ILogger logger, NodeId sessionId, string? name, double timeoutMs);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Debug, Message = "Session {SessionId} closed ({Reason})")]
    public static partial void SessionClosed(ILogger logger, NodeId sessionId, string reason);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Service {Service} failed unexpectedly")]
    public static partial void ServiceFailed(ILogger logger, string service, Exception exception);
}
