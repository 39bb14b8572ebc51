using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeAgent.OpcUa.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.OpcUa.Pki;

/// <summary>
/// Decides whether a server certificate may be used: it must be within its validity period and either be in
/// trusted/ or chain to a CA in trusted/ (with issuers/ for intermediates). An unknown certificate is copied to
/// rejected/ and refused with BadCertificateUntrusted, logging its thumbprint and the command that trusts it, unless
/// the source allows trust on first use and it is the first certificate seen at that endpoint URL (then it is copied
/// to trusted/ and the pair is recorded in first-use.txt). A certificate once rejected stays refused until someone
/// trusts it, and so does a later, different certificate of a first-use endpoint. A certificate trusted through a CA
/// must also name the endpoint's host (SAN DNS name or IP address), and neither it nor a CA above it may be revoked by a
/// CRL in trusted/crl or issuers/crl; one trusted by itself (pinned) need not.
/// </summary>
public sealed class ServerCertificateValidator
{
    private readonly CertificateStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>A validator over <paramref name="store"/>.</summary>
    public ServerCertificateValidator(CertificateStore store, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Throws an <see cref="OpcUaException"/> (BadCertificateInvalid, BadCertificateTimeInvalid,
    /// BadCertificateHostNameInvalid, BadCertificateRevoked, BadCertificateIssuerRevoked or BadCertificateUntrusted) unless the certificate (DER, possibly followed by its chain) may be used.
    /// </summary>
    public void Validate(ReadOnlySpan<byte> serverCertificate, string endpointUrl, bool trustOnFirstUse)
    {
        ArgumentNullException.ThrowIfNull(endpointUrl);
        X509Certificate2 certificate;
        X509Certificate2Collection chain;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(UserTokenEncryptor.FirstCertificate(serverCertificate));
            chain = LoadChain(serverCertificate);
        }
        catch (CryptographicException ex)
        {
            throw new OpcUaException(StatusCodes.BadCertificateInvalid, $"The server certificate of {endpointUrl} cannot be parsed.", ex);
        }

        using (certificate)
        {
            try
            {
                Check(certificate, chain, endpointUrl, trustOnFirstUse);
            }
            finally
            {
                foreach (var extra in chain)
                {
                    extra.Dispose();
                }
            }
        }
    }

    private void Check(X509Certificate2 certificate, X509Certificate2Collection chain, string endpointUrl, bool trustOnFirstUse)
    {
        var thumbprint = certificate.Thumbprint;
        var now = _time.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            var reason = $"valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, now is {now:u}";
            PkiLog.ServerCertificateInvalid(_logger, thumbprint, endpointUrl, reason);
            throw new OpcUaException(StatusCodes.BadCertificateTimeInvalid, $"The server certificate {thumbprint} of {endpointUrl} is not valid now ({reason}).");
        }

        if (_store.IsTrusted(certificate))
        {
            return; // pinned: the operator trusted this very certificate, for whatever name the server is reached by
        }

        if (ChainsToTrustedIssuer(certificate, chain, endpointUrl))
        {
            // A CA vouches for many servers: only the name binding stops one of them standing in for another
            // (OPC UA Part 4, 6.1.3, host name check).
            var host = HostOf(endpointUrl);
            var names = HostNames(certificate);
            if (host is null || names.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            var rejectedPath = _store.Add(CertificateLocation.Rejected, certificate);
            var trust = _store.TrustCommand(thumbprint);
            var reason = $"issued by a trusted CA for {(names.Count == 0 ? "no host name" : string.Join(", ", names))}, but the endpoint host is {host}";
            PkiLog.ServerCertificateInvalid(_logger, thumbprint, endpointUrl, reason);
            throw new OpcUaException(
                StatusCodes.BadCertificateHostNameInvalid,
                $"The server certificate {thumbprint} ({certificate.Subject}) of {endpointUrl} is {reason}. Connect by one of its names, " +
                $"or trust this certificate itself (saved to {rejectedPath}) with: {trust}");
        }

        if (trustOnFirstUse && !_store.IsRejected(certificate))
        {
            // First use of this endpoint only: a different certificate later is exactly what trust on first use
            // exists to catch (a replaced server, or someone in between), so it is rejected like any unknown one.
            var pinned = _store.FirstUseThumbprint(endpointUrl);
            if (pinned is null)
            {
                var trustedPath = _store.Add(CertificateLocation.Trusted, certificate);
                _store.RecordFirstUse(endpointUrl, thumbprint);
                PkiLog.ServerCertificateTrustedOnFirstUse(_logger, thumbprint, certificate.Subject, endpointUrl, trustedPath);
                return;
            }

            PkiLog.ServerCertificateChanged(_logger, endpointUrl, pinned, thumbprint);
        }

        var path = _store.Add(CertificateLocation.Rejected, certificate);
        var command = _store.TrustCommand(thumbprint);
        PkiLog.ServerCertificateRejected(_logger, thumbprint, certificate.Subject, endpointUrl, path, command);
        throw new OpcUaException(
            StatusCodes.BadCertificateUntrusted,
            $"The server certificate {thumbprint} ({certificate.Subject}) of {endpointUrl} is not trusted; it was saved to {path}. To trust it run: {command}");
    }

    /// <summary>The host of an opc.tcp URL, or null when it cannot be parsed (then there is nothing to compare).</summary>
    private static string? HostOf(string endpointUrl) =>
        Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.IdnHost.Trim('[', ']') : null;

    /// <summary>The DNS names and IP addresses of the certificate's subject alternative name extension.</summary>
    private static List<string> HostNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == "2.5.29.17")
            {
                var san = extension as X509SubjectAlternativeNameExtension ?? new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }

        return names;
    }

    /// <summary>A CA-issued certificate is trusted when its chain ends at a certificate in trusted/.</summary>
    private bool ChainsToTrustedIssuer(X509Certificate2 certificate, X509Certificate2Collection presented, string endpointUrl)
    {
        if (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return false; // self-signed: only its own presence in trusted/ counts
        }

        var trusted = _store.Load(CertificateLocation.Trusted);
        var issuers = _store.Load(CertificateLocation.Issuers);
        try
        {
            if (trusted.Count == 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.ExtraStore.AddRange(issuers);
            chain.ChainPolicy.ExtraStore.AddRange(presented);

            // Revocation is checked below against the CRLs in trusted/crl and issuers/crl (never online: a gateway
            // on the plant network rarely reaches a CA's distribution point).
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
            if (!chain.Build(certificate))
            {
                return false;
            }

            CheckRevocation(chain, endpointUrl);
            return true;
        }
        finally
        {
            foreach (var c in trusted)
            {
                c.Dispose();
            }

            foreach (var c in issuers)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>
    /// Throws BadCertificateRevoked (the server's certificate) or BadCertificateIssuerRevoked (a CA between it and the
    /// trusted root) when a CRL signed by the issuer lists it. A CA without a CRL in the store is not checked (factory
    /// CAs often publish none; the trust list is then the control); an out-of-date CRL is still applied, with a warning.
    /// </summary>
    private void CheckRevocation(X509Chain chain, string endpointUrl)
    {
        var lists = _store.LoadRevocationLists();
        if (lists.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < chain.ChainElements.Count - 1; i++)
        {
            var subject = chain.ChainElements[i].Certificate;
            var issuer = chain.ChainElements[i + 1].Certificate;
            var signed = lists.Where(l => l.IsSignedBy(issuer)).ToList();
            if (signed.Count == 0)
            {
                continue;
            }

            if (signed.All(l => l.NextUpdate is { } due && due < now))
            {
                PkiLog.RevocationListOutOfDate(_logger, issuer.Subject, signed.Max(l => l.NextUpdate!.Value), _store.RevocationListFolders[0]);
            }

            if (signed.Exists(l => l.Revokes(subject)))
            {
                var leaf = chain.ChainElements[0].Certificate;
                var rejectedPath = _store.Add(CertificateLocation.Rejected, leaf);
                var reason = i == 0
                    ? $"revoked by its issuer {issuer.Subject}"
                    : $"issued under {subject.Subject} (serial {subject.SerialNumber}), which its issuer {issuer.Subject} revoked";
                PkiLog.ServerCertificateInvalid(_logger, leaf.Thumbprint, endpointUrl, reason);
                throw new OpcUaException(
                    i == 0 ? StatusCodes.BadCertificateRevoked : StatusCodes.BadCertificateIssuerRevoked,
                    $"The server certificate {leaf.Thumbprint} ({leaf.Subject}) of {endpointUrl} is {reason} (certificate revocation list in " +
                    $"{string.Join(" or ", _store.RevocationListFolders)}); saved to {rejectedPath}. The server needs a new certificate.");
            }
        }
    }

    private static X509Certificate2Collection LoadChain(ReadOnlySpan<byte> der)
    {
        var collection = new X509Certificate2Collection();
        var first = UserTokenEncryptor.FirstCertificate(der).Length;
        var rest = der[first..];
        while (rest.Length > 0)
        {
            var next = UserTokenEncryptor.FirstCertificate(rest);
            collection.Add(X509CertificateLoader.LoadCertificate(next));
            rest = rest[next.Length..];
        }

        return collection;
    }
}
