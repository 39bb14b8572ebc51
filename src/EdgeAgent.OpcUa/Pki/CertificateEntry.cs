namespace EdgeAgent.OpcUa.Pki;

/// <summary>One certificate file of a <see cref="CertificateStore"/> folder.</summary>
/// <param name="Location">The folder it is in.</param>
/// <param name="Thumbprint">SHA-1 thumbprint, upper-case hex: what <c>edgeagent opcua trust</c> takes.</param>
/// <param name="Subject">The subject distinguished name.</param>
/// <param name="ApplicationUri">The URI in the subject alternative name, when there is one.</param>
/// <param name="NotBefore">Start of validity (UTC).</param>
/// <param name="NotAfter">End of validity (UTC).</param>
/// <param name="Path">The file.</param>
public sealed record CertificateEntry(
    CertificateLocation Location,
    string Thumbprint,
    string Subject,
    string? ApplicationUri,
    DateTime NotBefore,
    DateTime NotAfter,
    string Path);
