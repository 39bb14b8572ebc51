using Microsoft.Extensions.Logging;

namespace EdgeAgent.Mqtt;

/// <summary>Log messages of the MQTT client; event ids 4000–4999 belong to EdgeAgent.Mqtt. Passwords are never among the arguments.</summary>
internal static partial class MqttClientLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Connecting to MQTT broker {Host}:{Port} (MQTT {Version}, client id '{ClientId}', TLS {Tls})")]
    public static partial void Connecting(this ILogger logger, string host, int port, string version, string clientId, bool tls);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} (session present {SessionPresent}, keep-alive {KeepAliveSeconds} s, in-flight window {Window}, {Resend} message(s) to resend)")]
    public static partial void Connected(this ILogger logger, string host, int port, bool sessionPresent, double keepAliveSeconds, int window, int resend);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Connection to MQTT broker {Host}:{Port} lost: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Reconnect attempt {Attempt} to MQTT broker {Host}:{Port} failed ({Reason}); next attempt in {Delay}")]
    public static partial void ReconnectFailed(this ILogger logger, int attempt, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "MQTT protocol error from broker {Host}:{Port}: {Reason}; dropping the connection")]
    public static partial void ProtocolError(this ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "MQTT broker rejected the message to '{Topic}' (packet {PacketId}): {Reason}")]
    public static partial void PublishRejected(this ILogger logger, string topic, ushort packetId, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Resending PUBLISH packet {PacketId} to '{Topic}' with DUP=1")]
    public static partial void Resending(this ILogger logger, ushort packetId, string topic);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "PUBACK for unknown packet identifier {PacketId} ignored")]
    public static partial void UnknownPacketId(this ILogger logger, ushort packetId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} sent DISCONNECT: {Reason}")]
    public static partial void ServerDisconnect(this ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Disconnected from MQTT broker {Host}:{Port}; {Failed} unacknowledged message(s) returned to the caller as failed")]
    public static partial void Disconnected(this ILogger logger, string host, int port, int failed);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Sending PINGREQ to MQTT broker {Host}:{Port}")]
    public static partial void PingSent(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "TLS certificate of MQTT broker {Host}:{Port} rejected: {Errors} {ChainStatus}")]
    public static partial void CertificateRejected(this ILogger logger, string host, int port, string errors, string chainStatus);
}
