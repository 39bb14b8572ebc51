namespace EdgeAgent.OpcUa;

/// <summary>
/// The connection, secure channel or session failed or was lost (socket errors, an ERR message from the server,
/// a request timeout, a missed keep-alive). <see cref="OpcUaException.StatusCode"/> says which, e.g.
/// BadConnectionClosed, BadTimeout, BadSecureChannelClosed, BadTcpMessageTooLarge.
/// </summary>
public sealed class OpcUaConnectionException : OpcUaException
{
    public OpcUaConnectionException()
        : this("OPC UA connection failed.")
    {
    }

    public OpcUaConnectionException(string message)
        : base(StatusCodes.BadCommunicationError, message)
    {
    }

    public OpcUaConnectionException(string message, Exception innerException)
        : base(StatusCodes.BadCommunicationError, message, innerException)
    {
    }

    public OpcUaConnectionException(StatusCode statusCode, string message, Exception? innerException = null)
        : base(statusCode, $"{statusCode.Name}: {message}", innerException)
    {
    }
}
