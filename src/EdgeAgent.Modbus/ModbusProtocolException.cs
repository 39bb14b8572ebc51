namespace EdgeAgent.Modbus;

/// <summary>
/// The peer sent bytes that are not a valid answer to the request in flight (malformed, short or oversized
/// frame, protocol id not 0, wrong unit id, transaction id or function code, wrong byte count).
/// The stream can no longer be trusted to be in sync, so the client has already closed the connection;
/// the next request reconnects.
/// </summary>
public sealed class ModbusProtocolException : IOException
{
    /// <summary>Creates the exception with a description of what was wrong.</summary>
    public ModbusProtocolException(string message)
        : base(message)
    {
    }
}
