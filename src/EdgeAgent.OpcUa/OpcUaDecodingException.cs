namespace EdgeAgent.OpcUa;

/// <summary>Received bytes are malformed or exceed a configured limit (BadDecodingError, BadEncodingLimitsExceeded).</summary>
public sealed class OpcUaDecodingException : OpcUaException
{
    public OpcUaDecodingException()
        : this("Malformed OPC UA message.")
    {
    }

    public OpcUaDecodingException(string message)
        : base(StatusCodes.BadDecodingError, message)
    {
    }

    public OpcUaDecodingException(string message, Exception innerException)
        : base(StatusCodes.BadDecodingError, message, innerException)
    {
    }

    public OpcUaDecodingException(StatusCode statusCode, string message)
        : base(statusCode, message)
    {
    }
}
