using Microsoft.Extensions.Logging;

namespace EdgeAgent.Modbus;

/// <summary>Log messages of <see cref="ModbusTcpClient"/> (event ids 1000–1099).</summary>
internal static partial class ModbusTcpClientLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Connecting to Modbus TCP server {Host}:{Port}")]
    public static partial void Connecting(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connected to Modbus TCP server {Host}:{Port}")]
    public static partial void Connected(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Connecting to Modbus TCP server {Host}:{Port} failed: {SocketError}")]
    public static partial void ConnectFailed(this ILogger logger, string host, int port, System.Net.Sockets.SocketError socketError);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Connecting to Modbus TCP server {Host}:{Port} timed out after {TimeoutMs} ms")]
    public static partial void ConnectTimedOut(this ILogger logger, string host, int port, double timeoutMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Modbus TCP connection to {Host}:{Port} closed after a timeout of {TimeoutMs} ms ({FunctionCode} address {Address} count {Count})")]
    public static partial void RequestTimedOut(this ILogger logger, string host, int port, double timeoutMs, byte functionCode, ushort address, ushort count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Modbus TCP connection to {Host}:{Port} closed: out of sync")]
    public static partial void ProtocolError(this ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Modbus TCP connection to {Host}:{Port} lost")]
    public static partial void ConnectionLost(this ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Modbus server {Host}:{Port} refused {FunctionCode} address {Address} count {Count}: {ExceptionCode}")]
    public static partial void ExceptionResponse(this ILogger logger, string host, int port, byte functionCode, ushort address, ushort count, ModbusExceptionCode exceptionCode);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Modbus TCP connection to {Host}:{Port} closed")]
    public static partial void Disconnected(this ILogger logger, string host, int port);
}
