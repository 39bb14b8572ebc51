using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeAgent.OpcUa.Pki;

// Not "…Tests.Security": that namespace would shadow EdgeAgent.OpcUa.Security for sibling test namespaces.
namespace EdgeAgent.OpcUa.Tests.SecurityTests;

public sealed class CertificateStoreTests : IDisposable
{
    private readonly TempPki _pki = new();

    [Fact]
    public void CreatesAnApplicationCertificateAsPart6DescribesOnFirstUse()
    {
        var certificate = _pki.Store.GetOrCreateApplicationCertificate();

        using var rsa = certificate.GetRSAPrivateKey();
        Assert.NotNull(rsa);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal("1.2.840.113549.1.1.11", certificate.SignatureAlgorithm.Value); // sha256WithRSAEncryption
        Assert.Equal(certificate.SubjectName.Name, certificate.IssuerName.Name);
        Assert.Contains("CN=EdgeAgent", certificate.Subject, StringComparison.Ordinal);

        var san = Assert.Single(certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Contains(CertificateStore.HostName, san.EnumerateDnsNames());
        Assert.Equal($"urn:{CertificateStore.HostName}:EdgeAgent", ApplicationCertificateFactory.ApplicationUriOf(certificate));

        var usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages;
        foreach (var flag in new[] { X509KeyUsageFlags.DigitalSignature, X509KeyUsageFlags.NonRepudiation, X509KeyUsageFlags.KeyEncipherment, X509KeyUsageFlags.DataEncipherment })
        {
            Assert.True(usage.HasFlag(flag), $"{flag} missing from {usage}");
        }

        var extended = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToList();
        Assert.Contains("1.3.6.1.5.5.7.3.1", extended);
        Assert.Contains("1.3.6.1.5.5.7.3.2", extended);
        Assert.False(Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.True(certificate.NotAfter > DateTime.Now.AddYears(4));
    }

    [Fact]
    public void KeepsTheCertificateInTheOpcFoundationLayoutWithAnOwnerOnlyKey()
    {
        var certificate = _pki.Store.GetOrCreateApplicationCertificate();

        foreach (var folder in new[] { "own/certs", "own/private", "trusted/certs", "rejected/certs", "issuers/certs" })
        {
            Assert.True(Directory.Exists(Path.Combine(_pki.Root, folder)), folder);
        }

        var der = Assert.Single(Directory.GetFiles(Path.Combine(_pki.Root, "own", "certs")));
        Assert.Equal($"EdgeAgent [{certificate.Thumbprint}].der", Path.GetFileName(der));
        Assert.Equal(certificate.RawData, File.ReadAllBytes(der));
        var key = Assert.Single(Directory.GetFiles(Path.Combine(_pki.Root, "own", "private")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        var entry = Assert.Single(_pki.Store.List(CertificateLocation.Own));
        Assert.Equal(certificate.Thumbprint, entry.Thumbprint);
    }

    [Fact]
    public void ReusesTheStoredCertificateAcrossStarts()
    {
        var first = _pki.Store.GetOrCreateApplicationCertificate();

        var reopened = new CertificateStore(_pki.Root).GetOrCreateApplicationCertificate();

        Assert.Equal(first.Thumbprint, reopened.Thumbprint);
        Assert.True(reopened.HasPrivateKey);
        using var rsa = reopened.GetRSAPrivateKey()!;
        using var publicKey = first.GetRSAPublicKey()!;
        var signature = rsa.SignData("x"u8, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(publicKey.VerifyData("x"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Single(Directory.GetFiles(Path.Combine(_pki.Root, "own", "certs")));
    }

    [Fact]
    public void TrustMovesARejectedCertificateByThumbprintOrPrefix()
    {
        using var server = SelfSigned("Server A");
        using var other = SelfSigned("Server B");
        _pki.Store.Add(CertificateLocation.Rejected, server);
        _pki.Store.Add(CertificateLocation.Rejected, other);

        var colons = string.Join(':', server.Thumbprint[..10].Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        var trusted = _pki.Store.Trust(colons);

        Assert.Equal(server.Thumbprint, trusted.Thumbprint);
        Assert.Equal(CertificateLocation.Trusted, trusted.Location);
        Assert.True(_pki.Store.IsTrusted(server));
        Assert.Equal(other.Thumbprint, Assert.Single(_pki.Store.List(CertificateLocation.Rejected)).Thumbprint);

        // Trusting again is harmless.
        Assert.Equal(trusted.Path, _pki.Store.Trust(server.Thumbprint).Path);
    }

    [Fact]
    public void TrustExplainsWhatIsWrongWithAThumbprint()
    {
        using var server = SelfSigned("Server A");
        _pki.Store.Add(CertificateLocation.Rejected, server);

        Assert.Contains("No rejected certificate", Assert.Throws<InvalidOperationException>(() => _pki.Store.Trust(new string('0', 40))).Message, StringComparison.Ordinal);
        Assert.Contains("too short", Assert.Throws<InvalidOperationException>(() => _pki.Store.Trust("ABC")).Message, StringComparison.Ordinal);
        Assert.Contains("not a hexadecimal", Assert.Throws<InvalidOperationException>(() => _pki.Store.Trust("not-a-thumbprint!")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorRejectsUnknownAndExpiredCertificatesAndAcceptsTrustedOnes()
    {
        using var server = SelfSigned("Server A");
        using var log = new CapturingLoggerFactory();
        var validator = new ServerCertificateValidator(_pki.Store, log);

        var unknown = Assert.Throws<OpcUaException>(() => validator.Validate(server.RawData, "opc.tcp://plc:4840", trustOnFirstUse: false));
        Assert.Equal(StatusCodes.BadCertificateUntrusted, unknown.StatusCode.Code);
        Assert.Contains($"edgeagent opcua trust {server.Thumbprint}", unknown.Message, StringComparison.Ordinal);
        var warning = Assert.Single(log.Lines, l => l.StartsWith("Warning 3501 ", StringComparison.Ordinal));
        Assert.Contains("opc.tcp://plc:4840", warning, StringComparison.Ordinal);
        Assert.Contains($"To trust it run: edgeagent opcua trust {server.Thumbprint}", warning, StringComparison.Ordinal);
        Assert.True(_pki.Store.IsRejected(server));

        _pki.Store.Trust(server.Thumbprint);
        validator.Validate(server.RawData, "opc.tcp://plc:4840", trustOnFirstUse: false);

        using var expired = SelfSigned("Old", DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(-1));
        _pki.Store.Add(CertificateLocation.Trusted, expired);
        var old = Assert.Throws<OpcUaException>(() => validator.Validate(expired.RawData, "opc.tcp://plc:4840", trustOnFirstUse: true));
        Assert.Equal(StatusCodes.BadCertificateTimeInvalid, old.StatusCode.Code);
    }

    [Fact]
    public void TheTrustCommandNamesTheDataFolderOfTheStore()
    {
        var data = Path.Combine(_pki.Root, "agent data");

        var command = CertificateStore.ForDataFolder(data).TrustCommand("ABCDEF0123");

        Assert.Equal($"edgeagent opcua trust ABCDEF0123 --data \"{data}\"", command);
        Assert.Equal("edgeagent opcua trust ABCDEF0123", _pki.Store.TrustCommand("ABCDEF0123"));
    }

    [Fact]
    public void TrustOnFirstUseTrustsOnlyTheFirstCertificateOfAnEndpoint()
    {
        using var first = SelfSigned("PLC 7");
        using var replaced = SelfSigned("PLC 7");
        using var other = SelfSigned("PLC 8");
        var validator = new ServerCertificateValidator(_pki.Store);

        validator.Validate(first.RawData, "opc.tcp://plc7:4840", trustOnFirstUse: true);
        Assert.True(_pki.Store.IsTrusted(first));

        var changed = Assert.Throws<OpcUaException>(() => validator.Validate(replaced.RawData, "opc.tcp://plc7:4840", trustOnFirstUse: true));
        Assert.Equal(StatusCodes.BadCertificateUntrusted, changed.StatusCode.Code);
        Assert.True(_pki.Store.IsRejected(replaced));

        // Another endpoint has its own first use.
        validator.Validate(other.RawData, "opc.tcp://plc8:4840", trustOnFirstUse: true);
        Assert.True(_pki.Store.IsTrusted(other));
    }

    [Fact]
    public void ValidatorAcceptsACertificateIssuedByATrustedCa()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Plant CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=PLC 7", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("plc7.plant.local");
        names.AddIpAddress(System.Net.IPAddress.Parse("10.0.0.7"));
        serverRequest.CertificateExtensions.Add(names.Build());
        using var server = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
        using var log = new CapturingLoggerFactory();
        var validator = new ServerCertificateValidator(_pki.Store, log);

        Assert.Throws<OpcUaException>(() => validator.Validate(server.RawData, "opc.tcp://plc7.plant.local:4840", trustOnFirstUse: false));

        _pki.Store.Add(CertificateLocation.Trusted, X509CertificateLoader.LoadCertificate(ca.RawData));
        validator.Validate(server.RawData, "opc.tcp://PLC7.plant.local:4840", trustOnFirstUse: false);
        validator.Validate(server.RawData, "opc.tcp://10.0.0.7:4840", trustOnFirstUse: false);

        // The CA vouches for plc7 only: reached as another host, its certificate is refused with the names it carries.
        var wrongHost = Assert.Throws<OpcUaException>(() => validator.Validate(server.RawData, "opc.tcp://plc8.plant.local:4840", trustOnFirstUse: false));
        Assert.Equal(StatusCodes.BadCertificateHostNameInvalid, wrongHost.StatusCode.Code);
        Assert.Contains("issued by a trusted CA for plc7.plant.local, 10.0.0.7, but the endpoint host is plc8.plant.local", wrongHost.Message, StringComparison.Ordinal);
        Assert.Contains($"edgeagent opcua trust {server.Thumbprint}", wrongHost.Message, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.Contains("plc8.plant.local", StringComparison.Ordinal));

        // Pinning the certificate itself is the operator's explicit decision, whatever name the server is reached by.
        _pki.Store.Trust(server.Thumbprint);
        validator.Validate(server.RawData, "opc.tcp://plc8.plant.local:4840", trustOnFirstUse: false);
    }

    private static X509Certificate2 SelfSigned(string name, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(from ?? DateTimeOffset.UtcNow.AddDays(-1), to ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    public void Dispose() => _pki.Dispose();
}
