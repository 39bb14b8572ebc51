namespace EdgeAgent.OpcUa;

/// <summary>
/// Base of every error this library raises. <see cref="StatusCode"/> carries the OPC UA status that explains it,
/// so callers can branch on e.g. <c>StatusCodes.BadTooManySessions</c> whatever the concrete exception type.
/// </summary>
public class OpcUaException : Exception
{
    public OpcUaException()
        : this(StatusCodes.BadUnexpectedError, "OPC UA error.")
    {
    }

    public OpcUaException(string message)
        : this(StatusCodes.BadUnexpectedError, message)
    {
    }

    public OpcUaException(string message, Exception innerException)
        : this(StatusCodes.BadUnexpectedError, message, innerException)
    {
    }

    public OpcUaException(StatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status code that explains the failure.</summary>
    public StatusCode StatusCode { get; }
}
