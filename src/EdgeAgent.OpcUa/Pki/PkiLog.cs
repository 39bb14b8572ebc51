using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Pki;

/// <summary>Source-generated log messages of the certificate store and validator; event ids 3500–3599.</summary>
internal static partial class PkiLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "Created the OPC UA application certificate {Thumbprint} for {ApplicationUri} in {Folder}")]
    public static partial void CertificateCreated(ILogger logger, string thumbprint, string applicationUri, string folder);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "OPC UA server certificate {Thumbprint} ({Subject}) of {EndpointUrl} is not trusted; copied to {Path}. To trust it run: {TrustCommand}")]
    public static partial void ServerCertificateRejected(ILogger logger, string thumbprint, string subject, string endpointUrl, string path, string trustCommand);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "OPC UA server certificate {Thumbprint} ({Subject}) of {EndpointUrl} trusted on first use; copied to {Path}")]
    public static partial void ServerCertificateTrustedOnFirstUse(ILogger logger, string thumbprint, string subject, string endpointUrl, string path);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "OPC UA server certificate {Thumbprint} of {EndpointUrl} is refused: {Reason}")]
    public static partial void ServerCertificateInvalid(ILogger logger, string thumbprint, string endpointUrl, string reason);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Warning, Message = "OPC UA server {EndpointUrl} presents certificate {Thumbprint}, but {FirstThumbprint} was trusted there on first use; not trusting the new one automatically")]
    public static partial void ServerCertificateChanged(ILogger logger, string endpointUrl, string firstThumbprint, string thumbprint);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Warning, Message = "Skipping unreadable certificate file {Path}")]
    public static partial void UnreadableCertificate(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3506, Level = LogLevel.Warning, Message = "Skipping unreadable certificate revocation list {Path}")]
    public static partial void UnreadableRevocationList(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3507, Level = LogLevel.Warning, Message = "The revocation list of {Issuer} is out of date (next update was due {NextUpdate:u}); checked against it anyway. Put a current CRL in {Folder}")]
    public static partial void RevocationListOutOfDate(ILogger logger, string issuer, DateTime nextUpdate, string folder);
}
