namespace EdgeAgent.OpcUa;

/// <summary>
/// The server answered a request with a Bad service result (a ServiceFault or a Bad ResponseHeader.ServiceResult),
/// e.g. BadTooManySessions, BadUserAccessDenied, BadIdentityTokenRejected, BadSessionIdInvalid.
/// The message starts with the status code name.
/// </summary>
public sealed class ServiceResultException : OpcUaException
{
    public ServiceResultException()
        : this(StatusCodes.BadUnexpectedError)
    {
    }

    public ServiceResultException(string message)
        : base(StatusCodes.BadUnexpectedError, message)
    {
    }

    public ServiceResultException(string message, Exception innerException)
        : base(StatusCodes.BadUnexpectedError, message, innerException)
    {
    }

    public ServiceResultException(StatusCode statusCode, string? service = null, string? additionalInfo = null)
        : base(statusCode, FormatMessage(statusCode, service, additionalInfo))
    {
        Service = service;
    }

    /// <summary>The service that failed (e.g. "ActivateSession"), when known.</summary>
    public string? Service { get; }

    private static string FormatMessage(StatusCode statusCode, string? service, string? additionalInfo)
    {
        var text = service is null ? statusCode.Name : $"{statusCode.Name} (from {service})";
        return additionalInfo is null ? text : $"{text}: {additionalInfo}";
    }
}
