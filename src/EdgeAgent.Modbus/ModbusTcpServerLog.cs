using System.Net;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Modbus;

/// <summary>Log messages of <see cref="ModbusTcpServer"/> (event ids 1100–1199).</summary>
internal static partial class ModbusTcpServerLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Modbus TCP server listening on {EndPoint}")]
    public static partial void Listening(this ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Modbus TCP server on {EndPoint} stopped")]
    public static partial void Stopped(this ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Modbus TCP client {Remote} connected")]
    public static partial void ClientConnected(this ILogger logger, EndPoint? remote);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Modbus TCP client {Remote} disconnected")]
    public static partial void ClientDisconnected(this ILogger logger, EndPoint? remote);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Modbus TCP client {Remote} sent a malformed frame ({Problem}); connection closed")]
    public static partial void MalformedFrame(this ILogger logger, EndPoint? remote, string problem);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Modbus TCP connection limit {Limit} reached; refused {Remote}")]
    public static partial void ConnectionLimit(this ILogger logger, int limit, EndPoint? remote);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Modbus TCP client {Remote} connection ended")]
    public static partial void ConnectionError(this ILogger logger, EndPoint? remote, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Modbus TCP server accept loop failed")]
    public static partial void AcceptFailed(this ILogger logger, Exception exception);
}
