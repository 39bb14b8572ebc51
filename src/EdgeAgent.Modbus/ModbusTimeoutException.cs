namespace EdgeAgent.Modbus;

/// <summary>
/// No complete answer arrived within the request (or connect) timeout. The client has closed the connection,
/// because a late answer would otherwise be taken for the answer to the next request.
/// </summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a description of what timed out.</summary>
    public ModbusTimeoutException(string message)
        : base(message)
    {
    }
}
