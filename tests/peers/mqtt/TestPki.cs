using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeAgent.TestPeers.Mqtt;

/// <summary>
/// A throw-away certificate authority for TLS tests: CA, broker certificate (localhost and 127.0.0.1),
/// client certificate, and an unrelated second CA, all written as PEM files mosquitto reads
/// (cafile / certfile / keyfile) and the client loads.
/// </summary>
public sealed class TestPki
{
    private TestPki(string directory)
    {
        CaCertificatePath = Path.Combine(directory, "ca.crt");
        ServerCertificatePath = Path.Combine(directory, "server.crt");
        ServerKeyPath = Path.Combine(directory, "server.key");
        ClientCertificatePath = Path.Combine(directory, "client.crt");
        ClientKeyPath = Path.Combine(directory, "client.key");
        OtherCaCertificatePath = Path.Combine(directory, "other-ca.crt");
    }

    public string CaCertificatePath { get; }

    public string ServerCertificatePath { get; }

    public string ServerKeyPath { get; }

    public string ClientCertificatePath { get; }

    public string ClientKeyPath { get; }

    /// <summary>A CA that signed nothing the broker uses: trusting only it must fail the handshake.</summary>
    public string OtherCaCertificatePath { get; }

    public static TestPki Create(string directory)
    {
        var pki = new TestPki(directory);
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);

        using var ca = CreateCa("CN=EdgeAgent Test CA", notBefore, notAfter);
        using var otherCa = CreateCa("CN=Unrelated Test CA", notBefore, notAfter);
        File.WriteAllText(pki.CaCertificatePath, ca.ExportCertificatePem());
        File.WriteAllText(pki.OtherCaCertificatePath, otherCa.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        IssueLeaf(ca, "CN=localhost", san.Build(), "1.3.6.1.5.5.7.3.1", notBefore, notAfter, pki.ServerCertificatePath, pki.ServerKeyPath, 2);
        IssueLeaf(ca, "CN=edgeagent-test-client", null, "1.3.6.1.5.5.7.3.2", notBefore, notAfter, pki.ClientCertificatePath, pki.ClientKeyPath, 3);
        return pki;
    }

    private static X509Certificate2 CreateCa(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static void IssueLeaf(
        X509Certificate2 ca,
        string subject,
        X509Extension? subjectAlternativeName,
        string extendedKeyUsage,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string certificatePath,
        string keyPath,
        byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (subjectAlternativeName is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeName);
        }

        using var certificate = request.Create(ca, notBefore, notAfter, [serial, 0x42]);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
