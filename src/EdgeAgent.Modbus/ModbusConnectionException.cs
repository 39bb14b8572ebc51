using System.Net.Sockets;

namespace EdgeAgent.Modbus;

/// <summary>
/// The TCP connection could not be made or was lost (refused, reset, closed by the server, host unknown).
/// The underlying <see cref="System.Net.Sockets.SocketException"/>, if any, is the inner exception and its
/// error is in <see cref="SocketError"/>. The client is disconnected; calling a read or
/// <see cref="ModbusTcpClient.ConnectAsync"/> again tries a new connection.
/// </summary>
public sealed class ModbusConnectionException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ModbusConnectionException(string message, SocketError? socketError = null, Exception? innerException = null)
        : base(message, innerException)
    {
        SocketError = socketError;
    }

    /// <summary>The socket error behind the failure, or null when the server closed the connection cleanly.</summary>
    public SocketError? SocketError { get; }
}
